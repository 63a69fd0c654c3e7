import { blocks, bullets, type L09Text } from './types';

/** String.raw, except that an escaped backtick (\`, for `code` in Prose) becomes a plain backtick. */
const r = (strings: TemplateStringsArray, ...values: unknown[]) => String.raw(strings, ...values).replaceAll('\\`', '`');

/** Lesson L09's text in English. */
export const en = {
	title: 'Convolution, stride, padding and feature-map size',
	lead: blocks(
		r`A convolutional layer does not connect every input pixel to every output. It slides a small grid of weights, the **kernel** (or filter), across the image and computes one weighted sum at each position. The grid of sums is a **feature map**: it is large where the image looks like the kernel and small where it does not.`,
		r`Four numbers decide how many positions there are, and so how big the feature map is: the kernel size $K$, the stride $S$, the padding $P$ and the dilation $D$. Below you can change each of them on a real handwritten digit and watch the window move.`
	),
	controls: {
		src: { label: 'Input', help: 'A real digit from the MNIST test set, the built-in shape, or your own drawing or upload.' },
		digit: { label: 'Digit number', help: 'Which of the 2,000 validation digits to use (0–1999).' },
		size: { label: 'Input size W', help: 'The picture is shrunk to W × W pixels; small sizes make the numbers readable.' },
		k: { label: 'Kernel size K', help: 'The kernel has K × K weights (1–7).' },
		kern: { label: 'Kernel cells', help: 'The K × K cells of the kernel; the weights are the cells divided by the divisor.' },
		kdiv: { label: 'Divisor', help: 'Every cell is divided by this number, as in “1/16 × [1 2 1; …]”.' },
		preset: { label: 'Kernel preset', help: 'A classic kernel at the current size; editing a cell makes it custom.' },
		stride: { label: 'Stride S', help: 'How far the window moves between two outputs, in pixels.' },
		pad: { label: 'Padding', help: 'Zeros added around the input: none (valid), as TensorFlow’s same, or P on every side.' },
		p: { label: 'Custom padding P', help: 'Rows and columns of zeros added on every side (custom padding only).' },
		dil: { label: 'Dilation D', help: 'Spacing between the kernel’s taps: D = 2 leaves one pixel out between taps.' },
		pos: { label: 'Window position', help: 'Which output cell the window is on, counted row by row.' },
		speed: { label: 'Speed', help: 'Window positions per second while playing.' },
		cin: { label: 'Input channels C_in', help: 'Channels of the input (the picture painted with 1–3 colour ramps).' },
		cout: { label: 'Output channels C_out', help: 'Kernels in the layer, one feature map each (1–8).' },
		wts: { label: 'Weights', help: 'Classic kernels (readable) or random ones, like an untrained layer.' },
		pool: { label: 'Pooling', help: 'Keep the largest value of each window, or the mean.' },
		psize: { label: 'Pool size', help: 'The pooling window is size × size.' },
		pstride: { label: 'Pool stride', help: 'How far the pooling window moves; equal to the size means no overlap.' },
		xaxis: { label: 'Vary', help: 'The setting the explorer runs over; the others stay as set above.' },
		seed: { label: 'Seed', help: 'Random seed of the random weights: the same seed gives the same weights.' }
	},
	options: {
		src: { digit: 'MNIST digit', shape: 'Built-in shape', custom: 'Your drawing or upload' },
		pad: { valid: 'Valid (no padding)', same: 'Same', custom: 'Custom P' },
		preset: {
			identity: 'Identity',
			edge: 'Edge (Laplacian)',
			sobelX: 'Sobel x (vertical edges)',
			sobelY: 'Sobel y (horizontal edges)',
			box: 'Box blur',
			gaussian: 'Gaussian blur',
			sharpen: 'Sharpen',
			custom: 'Custom'
		},
		wts: { structured: 'Classic kernels', random: 'Random (He)' },
		pool: { max: 'Max pooling', avg: 'Average pooling' },
		xaxis: { input: 'Input size W', kernel: 'Kernel size K', stride: 'Stride S', dilation: 'Dilation D' }
	},
	input: {
		gallery: 'One digit of each class',
		thumb: 'Digit {label} (number {index})',
		loading: 'Loading the digits…',
		customMissing: 'Drawings and uploads are not part of a link; draw or upload one below. Until then the digit is shown.',
		drawTitle: 'Draw',
		drawHint: 'Drawing pad: draw anything, the whole pad becomes the input',
		uploadTitle: 'Upload',
		uploadHint: 'Upload a picture (it is shrunk to 28 × 28 grayscale)',
		using: 'Input: {name}, {size} pixels.',
		digitName: 'digit {label} (number {index})',
		shapeName: 'the built-in square with a diagonal',
		drawnName: 'your drawing',
		uploadedName: 'your upload “{name}”'
	},
	conv: {
		intro: r`Put the kernel on the top-left corner of the image, multiply each of its $K \times K$ weights with the pixel under it, add the products (and a bias $b$): that is the first output value. Move the kernel by $S$ pixels and repeat, row by row. Every position uses the **same** weights. With input $x$, kernel $w$, stride $S$, dilation $D$ and padding $P$ before the first row and column, output $(r, c)$ is`,
		sumTex: r`y_{r,c} = b + \sum_{i=0}^{K-1} \sum_{j=0}^{K-1} w_{i,j}\; x_{\,rS - P + iD,\; cS - P + jD}`,
		crossCorrelation: blocks(
			r`Strictly, this is a **cross-correlation**, not a convolution. The convolution of signal processing flips the kernel (rotates it by 180°) before sliding it. What deep-learning libraries call convolution (PyTorch's \`nn.Conv2d\`, TensorFlow's \`conv2d\`, TensorFlow.js's \`tf.conv2d\`) does not flip it:`
		),
		flipTex: r`\text{convolution: } (w \ast x)_{r,c} = \sum_{i,j} w_{i,j}\, x_{r-i,\,c-j} \qquad \text{cross-correlation: } (w \star x)_{r,c} = \sum_{i,j} w_{i,j}\, x_{r+i,\,c+j}`,
		featureMap: blocks(
			r`The output of one kernel over all positions is one **feature map**: a map of where the pattern the kernel responds to occurs. A layer with $C_\text{out}$ kernels gives $C_\text{out}$ feature maps, stacked as the output channels ($O \times O \times C_\text{out}$); each value in a map is the output of one unit that looks at one $K \times K$ patch, its **receptive field**.`,
			r`An activation such as ReLU is applied to the feature map afterwards, element by element. It is part of a typical conv block (convolution, activation, maybe pooling), not a step of the convolution itself.`
		),
		presets: blocks(
			r`Try the presets on a digit:`,
			bullets(
				r`**Identity** copies the image (with valid padding it only crops the border).`,
				r`**Box** and **Gaussian blur** average the neighbourhood; their weights sum to 1, so flat regions keep their value.`,
				r`**Edge (Laplacian)** is the centre minus its neighbours; the weights sum to 0, so flat regions give 0 and every stroke outline lights up whatever its direction.`,
				r`**Sobel x** responds to vertical edges: positive where the image gets brighter to the right, negative where it gets darker. **Sobel y** does the same for horizontal edges, downwards. The sign shows the direction of the edge.`,
				r`**Sharpen** is identity plus edge: it adds the outline back to the image.`
			),
			r`A trained network learns its kernels; the first layer of an image model often ends up with edge and blob detectors much like these.`
		),
		inputChart: {
			title: 'Input with the sliding window',
			description: 'The input image (padding zeros hatched around it); the filled squares are the pixels the kernel reads at the current position and the dashed box is their receptive field.'
		},
		outputChart: {
			title: 'Feature map (output)',
			description: 'The output of the kernel at every position, computed live with tf.conv2d; the outlined cell is the current position. Hover or click a cell to move the window there.'
		},
		inputLegend: 'ink',
		outputLegend: 'output',
		outputSize: 'Output: {rows} × {cols}',
		noFit: 'The kernel spans {span} pixels but the padded input is only {size} pixels wide: there is no output. Make the kernel or the dilation smaller, or pad more.',
		tfCheck: 'Computed with TensorFlow.js on {backend}; largest difference from the loop definition: {diff}.',
		tfPending: 'Computing with TensorFlow.js…',
		tfError: 'TensorFlow.js failed ({error}); the map shown comes from the loops.',
		kernelTitle: 'Kernel',
		geometryTitle: 'Kernel size, stride, padding and dilation'
	},
	kernel: {
		gridLabel: 'Kernel cells',
		cellLabel: 'Kernel row {row}, column {col}',
		editHint: 'Type a number and press Enter (or Tab away); arrow keys move between cells.',
		rotate: 'Rotate 180° (turns cross-correlation into convolution)'
	},
	window: {
		intro: r`In the widget below, the filled squares on the input are the pixels the kernel reads now; the hatched band around the input is zero padding; the outlined cell of the feature map is the value they produce. Press Play, step through the positions, or point at any cell of the feature map to jump there. The table under the maps does the multiplication for you.`,
		play: 'Play',
		pause: 'Pause',
		back: 'Back',
		forward: 'Forward',
		restart: 'Start',
		position: 'Position {i} of {n}: output row {row}, column {col}',
		groupLabel: 'Sliding window',
		dotTitle: 'The dot product at output row {row}, column {col} (input × weight, product below)',
		columns: { tap: 'tap', input: 'input', weight: 'weight', product: 'product' },
		padTag: 'zero padding',
		sum: 'Sum of products: {sum}',
		divided: 'Divided by the divisor: {sum} / {div} = {value}',
		output: 'Output value: {value}'
	},
	size: {
		intro: r`Along each axis the kernel fits into the padded input at a certain number of positions. Counting them gives the output size:`,
		formulaTex: r`O = \left\lfloor \frac{W + 2P - D\,(K - 1) - 1}{S} \right\rfloor + 1`,
		symbols: blocks(
			bullets(
				r`$W$: input size; $K$: kernel size; $S$: stride; $P$: zeros added on each side; $D$: dilation.`,
				r`$D(K-1)+1$ is the span of a dilated kernel: with $D = 1$ it is just $K$, and the formula becomes $\lfloor (W + 2P - K)/S \rfloor + 1$.`,
				r`The floor $\lfloor \cdot \rfloor$ matters: when the stride does not divide evenly, the last positions would hang over the edge and are dropped.`
			),
			r`The formula often quoted, $O = (W - K + 2P)/S + 1$, forgets both: it gives $13.5$ for $W = 28$, $K = 3$, $P = 0$, $S = 2$, where the real output has 13 rows, and it is wrong for every dilated kernel.`
		),
		padding: r`Padding adds zeros around the input before the kernel slides. **Valid** means no padding: the output shrinks by $D(K-1)$ pixels. **Custom** adds $P$ zeros on every side. CNNs pad with zeros; copying the edge pixels (*replicate*) or mirroring them (*reflect*) are separate padding modes (PyTorch's \`padding_mode\`), not what "same" means. When the two sides are padded differently, the formula uses both:`,
		asymTex: r`O = \left\lfloor \frac{W + P_\text{before} + P_\text{after} - D\,(K - 1) - 1}{S} \right\rfloor + 1`,
		same: blocks(
			r`**Same** (TensorFlow's rule, used here) chooses the padding so that $O = \lceil W / S \rceil$: for stride 1 the output is as large as the input. It needs $P_\text{total} = \max\bigl(0,\ (O - 1)S + D(K-1) + 1 - W\bigr)$ zeros in all and puts $\lfloor P_\text{total}/2 \rfloor$ before and the rest after. So the padding is uneven whenever $P_\text{total}$ is odd: a $4 \times 4$ kernel pads 1 before and 2 after; a $3 \times 3$ kernel with stride 2 on 28 pixels pads 0 before and 1 after.`,
			r`PyTorch accepts \`padding='same'\` only for stride 1 and also pads the extra zero at the end. A layer ported between frameworks with a stride above 1 can therefore be off by one pixel.`
		),
		stride: r`**Stride** $S$ moves the window $S$ pixels at a time, so the output is about $S$ times smaller along each axis. A strided convolution is a cheap, learned way to downsample.`,
		dilation: r`**Dilation** $D$ spaces the taps $D$ pixels apart: a $3 \times 3$ kernel with $D = 2$ covers a $5 \times 5$ area with the same 9 weights. It enlarges the receptive field without more parameters (used in DeepLab's atrous convolutions and in WaveNet). TensorFlow.js's \`conv2d\` refuses a stride and a dilation both above 1; the lesson then convolves at stride 1 and keeps every $S$-th row and column, which gives exactly the same outputs.`,
		liveTitle: 'Your settings, filled in',
		padsNote: 'Zero padding on each axis: {pt} before, {pb} after.',
		noOutput: 'no output',
		explorer: {
			title: 'Output size as one setting changes',
			description: 'The output size of each padding mode while the chosen setting runs over its range and the others stay as set above; the marker is the current setting.'
		},
		outputAxis: 'output size O',
		seriesValid: 'valid',
		seriesSame: 'same',
		seriesCustom: 'custom P = {p}',
		current: 'now'
	},
	channels: {
		intro: r`Real inputs have several channels (red, green and blue for a photo), and a layer has several kernels. Each output channel owns one $K \times K$ kernel **per input channel**: it correlates each input channel with its own kernel, adds up the $C_\text{in}$ results and a bias. The weights of a layer therefore form a 4-D tensor of shape $K \times K \times C_\text{in} \times C_\text{out}$. Here the picture is painted with colour ramps to make up to three input channels.`,
		controlsTitle: 'Channels',
		sumTex: r`y_{r,c,o} = b_o + \sum_{m=1}^{C_\text{in}} \sum_{i=0}^{K-1} \sum_{j=0}^{K-1} w_{i,j,m,o}\; x_{\,rS - P + iD,\; cS - P + jD,\; m}`,
		paramsTex: r`\#\text{params} = \underbrace{K \cdot K \cdot C_\text{in} \cdot C_\text{out}}_{\text{weights}} + \underbrace{C_\text{out}}_{\text{biases}}`,
		sharing: blocks(
			r`The count does not depend on the image size, nor on the stride, padding or dilation: the same $K \times K \times C_\text{in}$ weights are used at every position (**weight sharing**). That is why convolutions suit images: a pattern is detected wherever it appears (shifting the input shifts the feature map, *translation equivariance*), each unit looks only at a small neighbourhood (*locality*), and the layer needs orders of magnitude fewer weights than a dense layer between the same input and output.`,
			r`A $1 \times 1$ convolution ($K = 1$) only mixes channels at each pixel: $C_\text{in} \cdot C_\text{out}$ weights. Networks use it to change the number of channels cheaply.`
		),
		inputsChart: {
			title: 'Input channels',
			description: 'The input as C_in channels: the picture multiplied by colour ramps, so each channel holds a different part of it.'
		},
		weightsChart: {
			title: 'Weights: C_out × C_in kernels of K × K',
			description: 'One row per output channel, one column per input channel; each small square is a K × K kernel (blue negative, red positive).'
		},
		outputsChart: {
			title: 'Output channels (feature maps)',
			description: 'One feature map per output channel, each the sum over the input channels of their correlations with that row’s kernels; computed with tf.conv2d.'
		},
		inLabel: 'in {i}',
		outLabel: 'out {o}',
		kernelLabel: 'in {i} → out {o}',
		weightsCount: 'Weights: {k} × {k} × {cin} × {cout} = {weights}',
		withBias: 'With one bias per output channel (+{cout}): {total} parameters',
		dense: 'A dense layer from every input value to every output value would need {dense} weights, {ratio} times as many.'
	},
	pooling: {
		intro: r`A pooling layer summarises each window of a feature map by one number, channel by channel: the **maximum** or the **average**. The usual window is $2 \times 2$ with stride 2, which halves height and width. Its output size follows the same formula (no dilation, and usually no padding: $\lfloor (W - K)/S \rfloor + 1$). Here it pools the feature map of the first section; hover a pooled cell to see its window.`,
		maxVsAvg: r`**Max pooling** keeps the strongest response in each window. A feature found anywhere inside the window survives, and moving the input by a pixel often changes nothing (a small amount of shift invariance). **Average pooling** smooths: every value in the window counts, so a strong but isolated response is diluted by its neighbours. Both are used in classifiers; the difference is what they keep, not a split into "detection" and "denoising" tasks.`,
		noParams: r`Pooling has **no learnable parameters**: the window size and stride are fixed hyperparameters, and a pooling layer adds 0 to the parameter count. It works on each channel separately, so the number of channels stays the same.`,
		modern: r`Many modern networks downsample with strided convolutions instead (the convolution learns how to downsample), and end with **global average pooling**, which averages each channel over the whole map, instead of large dense layers (Network in Network, ResNet).`,
		beforeChart: {
			title: 'Feature map before pooling',
			description: 'The feature map of the first section; the squares mark the window of the pooled cell you point at.'
		},
		afterChart: {
			title: 'After pooling',
			description: 'Each cell is the maximum or the mean of one window of the map before; computed with tf.maxPool or tf.avgPool.'
		},
		shape: '{rows} × {cols} → {orows} × {ocols}',
		controlsTitle: 'Pooling',
		tfCheck: 'Pooled with TensorFlow.js on {backend}; largest difference from the loop definition: {diff}.',
		noFit: 'The pooling window is larger than the feature map: there is no output.'
	},
	interview: {
		question: r`How does a convolutional layer compute its output? What is a feature map, and how do the kernel size, stride and padding set its size? How many parameters does the layer have?`,
		answer: blocks(
			r`A kernel of $K \times K \times C_\text{in}$ weights slides over the input. At each position it takes the dot product with the patch under it, summed over all input channels, and adds a bias. This is a cross-correlation: deep-learning libraries do not flip the kernel, which does not matter for learning because the kernel is learned anyway. The values at all positions form one feature map; a layer with $C_\text{out}$ kernels outputs $C_\text{out}$ feature maps, the output channels. An activation such as ReLU is applied afterwards.`,
			r`Along each axis the output size is $O = \lfloor (W + 2P - D(K-1) - 1)/S \rfloor + 1$, with the floor because windows that would hang over the edge are dropped, and with dilation $D$ (span $D(K-1)+1$). "Valid" means $P = 0$; "same" pads zeros so that $O = \lceil W/S \rceil$, unevenly when the total padding is odd. Padding is zeros unless a replicate or reflect mode is asked for.`,
			r`Parameters: $K^2 C_\text{in} C_\text{out}$ weights plus $C_\text{out}$ biases, independent of the image size, because the same weights are shared by every position. Pooling layers have none.`
		),
		traps: {
			flipped: {
				myth: 'A CNN convolution flips the kernel, as in signal processing',
				fact: r`Libraries compute cross-correlation: \`conv2d\` in PyTorch, TensorFlow and TensorFlow.js never flips the kernel. It makes no difference to what a network can learn, but a hand-written kernel such as Sobel gives the opposite sign if you flip it.`
			},
			formulaNoFloor: {
				myth: 'The output size is (W − K + 2P)/S + 1',
				fact: r`It needs a floor and the dilation: $\lfloor (W + 2P - D(K-1) - 1)/S \rfloor + 1$. For $W = 28$, $K = 3$, $S = 2$ the short formula gives 13.5; the output has 13 rows.`
			},
			activationInside: {
				myth: 'Applying the activation function is one of the steps of the convolution',
				fact: r`The convolution is linear: dot products plus a bias. ReLU or another activation is a separate, element-wise step applied to the feature map, usually in the same block.`
			},
			edgePadding: {
				myth: 'Padding fills the border with zeros or with copies of the edge pixels',
				fact: r`Padding in CNNs is zeros ("valid" = none, "same" = enough zeros to keep $\lceil W/S \rceil$ outputs). Replicating or reflecting the edge are separate padding modes that must be asked for.`
			},
			featureMapPerNeuron: {
				myth: 'A feature map is the output matrix of each neuron',
				fact: r`A feature map is the output of one kernel (one output channel) at every position; each of its values is the output of one unit. A layer has as many feature maps as kernels.`
			},
			poolingUses: {
				myth: 'Max pooling is for detection tasks, average pooling for denoising',
				fact: r`Max keeps the strongest response in each window (some shift invariance); average smooths. Both have no parameters, both are used in classifiers, and many modern nets use strided convolutions or global average pooling instead.`
			}
		}
	},
	selfCheck: {
		intro: r`Predict first, then press "Set the controls" and look.`,
		setControls: 'Set the controls',
		questions: {
			sobelSquare: {
				prompt: r`With **Sobel x** on the built-in square (with its diagonal), which parts of the feature map respond most strongly?`,
				options: [r`The top and bottom sides`, r`The left and right sides (and the diagonal, less)`, r`All four sides equally`, r`Only the corners`],
				correct: 1,
				explanation: r`Sobel x takes the difference between the columns to the right and to the left, so it responds to vertical edges: the left and right sides of the square, each with a positive and a negative band. Horizontal sides give 0 (the columns are equal); the diagonal is half vertical, so it responds partly.`,
				tryIt: r`Input: built-in shape; preset: Sobel x; then switch to Sobel y.`
			},
			stride2: {
				prompt: r`A $3 \times 3$ kernel with stride 2 and no padding slides over a $28 \times 28$ input. How large is the feature map?`,
				options: [r`$14 \times 14$`, r`$13 \times 13$`, r`$13.5 \times 13.5$`, r`$26 \times 26$`],
				correct: 1,
				explanation: r`$\lfloor (28 - 3)/2 \rfloor + 1 = \lfloor 12.5 \rfloor + 1 = 13$. The window starts at columns 0, 2, …, 24; starting at 26 it would need columns 26–28, and column 28 does not exist.`,
				tryIt: r`Kernel size 3, stride 2, valid padding, input size 28; read the output size and step to the last position.`
			},
			dilation: {
				prompt: r`A $3 \times 3$ kernel with dilation 2, stride 1 and no padding on a $28 \times 28$ input: how large is the output?`,
				options: [r`$26 \times 26$`, r`$24 \times 24$`, r`$22 \times 22$`, r`$13 \times 13$`],
				correct: 1,
				explanation: r`With dilation 2 the 9 taps span $2 \cdot (3-1) + 1 = 5$ pixels, so $28 - 5 + 1 = 24$. The parameters stay 9.`,
				tryIt: r`Dilation 2 with a 3 × 3 kernel; look at the spaced taps on the input and at the filled-in formula.`
			},
			sameStride: {
				prompt: r`"Same" padding with a $3 \times 3$ kernel and stride 2 on a $28 \times 28$ input. What happens?`,
				options: [
					r`$14 \times 14$ output; one row and column of zeros at the bottom and right, none at the top and left`,
					r`$28 \times 28$ output; one zero on every side`,
					r`$14 \times 14$ output; one zero on every side`,
					r`$13 \times 13$ output; no padding`
				],
				correct: 0,
				explanation: r`"Same" gives $\lceil 28/2 \rceil = 14$ outputs. That needs $(14 - 1) \cdot 2 + 3 - 28 = 1$ zero in all, and TensorFlow puts the odd one after: 0 before, 1 after. "Same" keeps the size only at stride 1.`,
				tryIt: r`Padding same, stride 2; read the zero padding below the filled-in formula and look at the hatched band.`
			},
			params: {
				prompt: r`A layer with $3 \times 3$ kernels, 3 input channels and 8 output channels. How many learnable parameters does it have?`,
				options: [r`80`, r`216`, r`224`, r`$28 \cdot 28 \cdot 8$`],
				correct: 2,
				explanation: r`$3 \cdot 3 \cdot 3 \cdot 8 = 216$ weights plus 8 biases $= 224$. It does not depend on the image size: every position shares the same weights.`,
				tryIt: r`Kernel size 3, input channels 3, output channels 8; read the parameter count.`
			},
			maxPool: {
				prompt: r`Max pooling $2 \times 2$ with stride 2 on the $26 \times 26$ edge map. What comes out?`,
				options: [
					r`$13 \times 13$, the strongest response of each window`,
					r`$13 \times 13$, the mean of each window`,
					r`$25 \times 25$, the strongest response of each window`,
					r`$13 \times 13$ with 4 learned weights per window`
				],
				correct: 0,
				explanation: r`$\lfloor (26 - 2)/2 \rfloor + 1 = 13$, and each output is the maximum of its window. Pooling learns nothing; average pooling would give the means instead.`,
				tryIt: r`Preset edge, max pooling, pool size 2, stride 2; then switch to average pooling.`
			}
		}
	}
} satisfies L09Text;
