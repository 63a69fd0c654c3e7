import { blocks, bullets, type L10Text } from './types';

const r = String.raw;

/** Lesson L10's text in English. */
export const en = {
	title: 'CNN architecture and pooling',
	lead: blocks(
		r`A convolutional neural network (CNN) is built from a few kinds of layers, each simple on its own: convolutions that look for small patterns, a nonlinearity, pooling that shrinks the maps, and a classifier at the end. Here a small one, conv-ReLU-pool-conv-ReLU-pool-dense-softmax, trains live in your browser on real handwritten digits from MNIST.`,
		r`Watch every layer's *feature maps* for a digit you pick or draw, count the parameters layer by layer, switch between max and average pooling, and find out which digits the trained network still confuses.`
	),
	layers: {
		input: 'Input',
		conv1: 'Conv 1',
		relu1: 'ReLU 1',
		pool1: 'Pool 1',
		conv2: 'Conv 2',
		relu2: 'ReLU 2',
		pool2: 'Pool 2',
		flatten: 'Flatten',
		dense: 'Dense',
		softmax: 'Softmax'
	},
	axes: {
		step: 'training step',
		loss: 'cross-entropy (nats)',
		accuracy: 'accuracy',
		trainLoss: 'training batch loss',
		valLoss: 'validation loss',
		trainAccuracy: 'training batch accuracy',
		valAccuracy: 'validation accuracy',
		digit: 'digit class',
		probability: 'probability',
		actual: 'true digit',
		predicted: 'predicted digit',
		activation: 'activation',
		weight: 'weight'
	},
	controls: {
		filters1: { label: 'Filters in conv 1', help: 'Output channels of the first convolution (2–16): one feature map per filter.' },
		filters2: { label: 'Filters in conv 2', help: 'Output channels of the second convolution (4–32).' },
		kernel: { label: 'Kernel size', help: 'Both convolutions use K × K kernels with zero "same" padding and stride 1.' },
		pool: { label: 'Pooling', help: 'Max keeps the largest value of each window; average takes the mean. Both pooling layers use it.' },
		poolSize: { label: 'Pool size', help: 'Window size, equal to the stride: 2 halves each side (28 → 14 → 7), 3 gives 28 → 9 → 3.' },
		lr: { label: 'Learning rate', help: 'Step size of the Adam optimizer; applies without retraining from scratch.' },
		batch: { label: 'Batch size', help: 'Training digits per step (16–256), drawn at random from the 12,000.' },
		spf: { label: 'Steps per frame', help: 'Training steps between two redraws.' },
		digit: { label: 'Validation digit #', help: 'Index (0–1999) of the validation digit whose feature maps are shown.' },
		src: { label: 'Input', help: 'Show the feature maps of the chosen validation digit or of your drawing.' },
		layer: { label: 'Layer', help: 'The layer whose output is shown; clicking a block of the diagram picks it too.' },
		ch: { label: 'Channel', help: 'The selected feature map of the layer; its filter is shown for a convolution.' },
		fscale: { label: 'Colour range', help: 'One colour range for the whole layer, so maps compare, or one per map, so weak maps show detail.' },
		cell: { label: 'Confusion cell', help: 'The cell of the confusion matrix whose digits are listed (true digit × 10 + predicted digit).' },
		seed: { label: 'Seed', help: 'Random seed of the initial weights and the batches: the same seed gives the same run.' }
	},
	options: {
		pool: { max: 'Max pooling', avg: 'Average pooling' },
		src: { digit: 'Validation digit', drawing: 'My drawing' },
		fscale: { shared: 'Shared by the layer', channel: 'Per map' }
	},
	readouts: {
		step: 'Step {step}',
		batch: 'Batch loss {loss}, batch accuracy {accuracy}',
		validation: 'Validation accuracy {accuracy} (at step {step})',
		noValidation: 'Validation accuracy: not measured yet',
		prediction: 'Prediction: {digit} ({p}%)',
		truth: 'True digit: {label}',
		drawFirst: 'Draw a digit on the pad to see its feature maps.',
		poolShapes: '{from} → {to} with a {k} × {k} window',
		evaluate: 'Evaluate on the validation set',
		evaluating: 'Evaluating…'
	},
	trainer: {
		worker: 'Training runs in a background thread ({backend}), so the page stays responsive.',
		page: 'Training runs on the page ({backend}).',
		fallback: 'The background thread could not start ({reason}); training runs on the page instead.'
	},
	blocks: {
		intro: r`An image of $28 \times 28$ pixels is 784 numbers. A fully connected layer would give every one of its units a weight for each of them, and would have to learn separately that a stroke at the top left is the same stroke one pixel to the right. A CNN builds three assumptions about images into its structure instead:`,
		why: bullets(
			r`**Local connectivity.** Each output value of a convolution looks at a small $K \times K$ window of its input, not at the whole image: nearby pixels belong together.`,
			r`**Weight sharing.** The same kernel slides over every position, so a pattern learned in one place is found everywhere, and the number of weights does not depend on the image size.`,
			r`**A hierarchy of features.** Stacked convolutions, with pooling in between, see ever larger regions: the first layer finds edges and strokes, the second combinations of them such as curves, corners and loops, and the classifier at the end combines those into digits.`
		),
		components: blocks(
			r`The layers it is made of:`,
			bullets(
				r`**Convolution layer**: $C_{out}$ filters of size $K \times K \times C_{in}$ plus one bias each; every filter gives one *feature map* (channel). Here, "same" zero padding keeps $28 \times 28$.`,
				r`**Activation** (ReLU, $\max(0, x)$) applied to every value: without it the stacked layers would collapse into one linear map.`,
				r`**Pooling layer**: shrinks each map separately over small windows (max or average). No parameters.`,
				r`**Flatten and dense (fully connected) layer**: turns the last maps into a vector and computes one score (logit) per class.`,
				r`**Softmax** turns the 10 scores into probabilities; training minimises their cross-entropy with the true digit.`
			)
		),
		diagram: {
			title: 'The network, layer by layer',
			description: 'One block per layer with its output shape (height × width × channels) and its learnable parameters; click a block to see that layer’s feature maps.'
		},
		diagramNote: r`Each block's height follows the map's height and width, and its width the number of channels: the maps shrink through pooling while the channels grow. Click a block (or focus it and press Enter) to show that layer's feature maps below.`,
		params: r`Only convolutions and the dense layer learn anything. A convolution has one $K \times K \times C_{in}$ filter and one bias per output channel; a dense layer one weight per input and output pair and one bias per output. ReLU, pooling, flatten and softmax have no parameters at all. With the default settings: conv 1 has $(5 \cdot 5 \cdot 1 + 1) \cdot 8 = 208$, conv 2 $(5 \cdot 5 \cdot 8 + 1) \cdot 16 = 3216$, and the dense layer $(7 \cdot 7 \cdot 16 + 1) \cdot 10 = 7850$, together 11,274. Most of the parameters sit in the dense layer, and that count depends on how small pooling has made the maps.`,
		convParamsTex: r`P_{\text{conv}} = (K \cdot K \cdot C_{in} + 1) \cdot C_{out}`,
		denseParamsTex: r`P_{\text{dense}} = (N_{in} + 1) \cdot N_{out}`,
		sharing: 'Weight sharing in numbers: a fully connected layer from the 784 input pixels to an output as large as conv 1’s would need {dense} weights; conv 1 needs {conv}.'
	},
	training: {
		intro: r`The network trains on 12,000 MNIST training digits (1,200 of each class) with the Adam optimizer and the cross-entropy loss; each step takes a random batch. Every 200 steps, and whenever you pause, it is measured on 2,000 validation digits it never trains on (200 per class, from MNIST's test set). Press Play: after about 100 steps it gets roughly nine in ten validation digits right, and it passes 95% within a few hundred.`,
		curves: r`The training curves are noisy because each point is one small batch; the validation accuracy is measured on all 2,000 validation digits. If the learning rate is too high the loss jumps around or rises; far too high (try 10: Adam's first step moves every weight by about 10) the loss explodes to millions within two steps and the run stops as diverged. Too low and it falls slowly.`,
		lossChart: {
			title: 'Loss',
			description: 'Cross-entropy of each recorded training batch and of the validation set, per training step.'
		},
		accuracyChart: {
			title: 'Accuracy',
			description: 'Share of digits classified correctly in each recorded training batch and on the validation set, per training step.'
		}
	},
	maps: {
		intro: r`Pick a validation digit, or draw your own, and look inside the network. Each layer's output is a stack of *feature maps*, one per channel: where a map is bright, the pattern its filter looks for is present. Early maps still look like the digit; after pooling and the second convolution they become coarse and abstract, and the last layer's 10 values become the predicted probabilities of the ten digits.`,
		picker: {
			title: 'Choose a validation digit',
			description: 'Two validation digits of each class; click one to show its feature maps.'
		},
		drawLabel: 'Draw a digit',
		probabilities: {
			title: 'Predicted probabilities',
			description: 'The softmax output of the network for the current input: one probability per digit class.'
		},
		mapsTitle: 'Feature maps of {layer} ({shape})',
		mapsDescription: 'The selected layer’s output for the current input, one tile per channel; click a tile to select that channel.',
		reading: r`Conv outputs are signed, so they are drawn blue (negative) to red (positive); after ReLU every value is $\ge 0$, drawn in viridis from dark (0) to yellow. Pooling halves each side (with pool size 2) and keeps the channels. Untrained, the maps are random blurs of the digit; train a few hundred steps and conv 1's maps turn into edge and stroke detectors.`,
		filters1: {
			title: 'Filters of conv 1',
			description: 'The K × K weights of each conv 1 filter, one tile per output channel, blue negative and red positive.'
		},
		filters2Title: 'Filters of conv 2 for its channel {channel}',
		filters2Description: 'The K × K weights with which conv 2’s selected output channel looks at each conv 1 channel, one tile per input channel.',
		filtersNote: r`A conv 1 filter is a small image: where it is red the input should be bright, where blue dark. A conv 2 filter has one $K \times K$ slice per conv 1 channel, so one output channel combines patterns from all of them.`,
		fromChannel: 'from {i}',
		channel: 'ch {i}'
	},
	pooling: {
		intro: r`Pooling slides a window over each feature map, channel by channel, and replaces each window by one number. Here the window is $k \times k$ and the stride $s = k$, so windows do not overlap and each side shrinks by the factor $k$ (rounded down: leftover rows and columns are dropped):`,
		sizeTex: r`O = \left\lfloor \frac{W - k}{s} \right\rfloor + 1 \qquad 28 \xrightarrow{k = s = 2} 14 \xrightarrow{k = s = 2} 7 \qquad 28 \xrightarrow{k = s = 3} 9 \xrightarrow{k = s = 3} 3`,
		maxAvg: bullets(
			r`**Max pooling** keeps the largest value of each window: the strongest response of the filter in that neighbourhood. If a stroke moves by a pixel but stays inside the window, the output does not change, which gives a little invariance to small shifts. In backpropagation the gradient flows only to the maximum.`,
			r`**Average pooling** takes the mean of each window: it smooths the map and keeps how much of the pattern is present overall, but a single strong response is diluted by its weak neighbours. The gradient is shared equally by the window.`
		),
		invariance: r`So the difference is not "max pooling for detection, average pooling for denoising", as some study guides put it. Both summarise a neighbourhood; max asks *is the pattern somewhere here?*, average *how much of it is here on average?*. Compare the two maps below for the same channel, then switch the pooling kind and watch how the peaks survive max pooling and are blurred by averaging. The invariance is only to shifts smaller than the window, and only approximate.`,
		noParams: r`**Pooling has no learnable parameters**: the window size and the stride are fixed hyperparameters, and the diagram above shows 0 parameters for both pooling layers. What pooling does change is the size of everything after it: with pool size 3 the last maps are $3 \times 3$ instead of $7 \times 7$, and the dense layer shrinks from 7,850 to 1,450 parameters.`,
		modern: r`Many modern networks pool less. A convolution with stride 2 downsamples and learns how to (ResNet, for instance, reduces most of its resolution that way), and *global average pooling* averages each final map to a single number, replacing the large flatten-and-dense head with one value per channel. Max pooling remains common in smaller networks like this one.`,
		beforeTitle: 'ReLU 1, channel {channel} (before pooling)',
		afterTitle: 'Pool 1, channel {channel} (after pooling)',
		pairDescription: 'One channel of the first ReLU output and the same channel after the first pooling layer, for the current input.'
	},
	confusion: {
		intro: r`After training, which digits does the network still get wrong? The *confusion matrix* counts the 2,000 validation digits by true digit (rows) and predicted digit (columns): the diagonal holds the correct ones. It is measured when you pause or press the button, and every 200 steps while training runs.`,
		matrix: {
			title: 'Validation confusion matrix',
			description: 'Counts of validation digits by true digit (rows) and predicted digit (columns); click a cell to list its digits.'
		},
		gallery: {
			title: 'Digits in the selected cell',
			description: 'The validation digits of the selected confusion-matrix cell, captioned true digit → predicted digit; click one to see its feature maps.'
		},
		caption: '{label} → {pred}',
		name: 'Validation digit {id}: true {label}, predicted {pred}',
		pickCell: 'Click a cell of the matrix, for example an off-diagonal one, to see its digits.',
		emptyCell: 'No validation digit of class {label} was predicted as {pred}.',
		cellSummary: '{count} validation digits of class {label} predicted as {pred}',
		note: r`Off the diagonal you usually find pairs that look alike: 4 and 9, 3 and 5, 7 and 2 or 1. Many of the errors are digits a person would hesitate over too. Click one to follow it through the network above.`
	},
	interview: {
		q7: {
			question: 'What are the building blocks of a convolutional neural network?',
			answer: blocks(
				bullets(
					r`**Convolution layers**: learned $K \times K \times C_{in}$ filters slid over the input (in deep-learning libraries as cross-correlation, without flipping the kernel), one feature map per filter; hyperparameters kernel size, stride, padding, dilation and number of filters; $(K^2 C_{in} + 1)\,C_{out}$ parameters.`,
					r`**Nonlinearity**, usually ReLU, after each convolution.`,
					r`**Pooling** (max or average) to downsample: larger receptive fields, fewer values, some invariance to small shifts; no parameters. Often replaced by strided convolutions.`,
					r`Often **normalisation** (batch norm) and **residual connections** in deeper networks.`,
					r`**Head**: flatten plus fully connected layers, or global average pooling plus one linear layer, then **softmax** and a cross-entropy loss for classification.`
				),
				r`Why it works: local connectivity and weight sharing build in that images are local and translation-equivariant, which cuts the parameters by orders of magnitude; stacking gives a hierarchy from edges to parts to objects.`
			),
			traps: {
				flip: {
					myth: 'A conv layer computes a true convolution, with the kernel flipped.',
					fact: r`Deep-learning libraries compute cross-correlation: the kernel is not flipped. Since the kernel is learned, the difference does not matter for what the network can do.`
				},
				poolParams: {
					myth: 'Pooling layers learn weights.',
					fact: r`Pooling has no learnable parameters; its window and stride are fixed. Count the parameters of this network: both pooling layers have 0.`
				},
				denseRequired: {
					myth: 'A CNN must end in several fully connected layers.',
					fact: r`Many modern CNNs end with global average pooling and one linear layer, which needs far fewer parameters and works with any input size.`
				},
				convParamsSize: {
					myth: 'A convolution on a larger image needs more weights.',
					fact: r`Its weights are $(K^2 C_{in} + 1) C_{out}$, whatever the image size, because the same kernel is shared by all positions. The dense layer after it is what grows with the image.`
				}
			}
		},
		q9: {
			question: 'What kinds of pooling are there, and how does each one work?',
			answer: blocks(
				bullets(
					r`**Max pooling**: the maximum of each $k \times k$ window (stride usually $k$): keeps the strongest response, gives tolerance to small shifts; the gradient goes only to the maximum.`,
					r`**Average pooling**: the mean of each window: smooths and keeps the overall strength of the response; the gradient is split equally.`,
					r`**Global average (or global max) pooling**: one value per channel over the whole map; the usual head of modern CNNs in place of flatten-and-dense.`,
					r`Other variants exist (L2 pooling, stochastic pooling, fractional max pooling); in practice **strided convolutions** often replace pooling layers.`
				),
				r`Every kind works on each channel separately, so it changes height and width ($O = \lfloor (W - k)/s \rfloor + 1$) but never the number of channels; and pooling has no learnable parameters.`
			),
			traps: {
				detectDenoise: {
					myth: 'Max pooling is for detection and average pooling is for denoising.',
					fact: r`Both summarise a neighbourhood. Max keeps the strongest response (is the feature present anywhere in the window?), average keeps its mean strength and smooths; neither is tied to a task.`
				},
				fullInvariance: {
					myth: 'Pooling makes a CNN translation invariant.',
					fact: r`Only to shifts smaller than the window, and only approximately: a shift that crosses a window boundary changes the output. Invariance to larger shifts comes from depth, global pooling and data augmentation.`
				},
				channels: {
					myth: 'Pooling reduces the number of channels.',
					fact: r`Pooling works on each channel separately and keeps their number; only height and width shrink. To change the number of channels cheaply, use a $1 \times 1$ convolution.`
				},
				alwaysPool: {
					myth: 'Every CNN needs pooling layers after its convolutions.',
					fact: r`Strided convolutions downsample too, and learn how; many modern architectures use them and keep pooling only as global average pooling at the end.`
				}
			}
		}
	},
	selfCheck: {
		intro: 'Predict the answer first, then set the controls and check it with the widgets above.',
		setControls: 'Set these controls',
		questions: {
			poolParams: {
				prompt: 'How many learnable parameters does a $2 \\times 2$ max-pooling layer after 8 feature maps have?',
				options: ['0', '4', '32', '8'],
				correct: 0,
				explanation: r`None: pooling just takes the maximum (or the mean) of each window, with a fixed window and stride. The diagram shows 0 parameters for both pooling layers, whatever the kind and size.`,
				tryIt: 'Pooling: max pooling, pool size: 2, then read the parameter counts in the diagram.'
			},
			poolSize: {
				prompt: 'You change the pool size from 2 to 3 (kernel 5, 8 and 16 filters). What happens to the dense layer?',
				options: [
					'It shrinks from 7,850 to 1,450 parameters, because the last maps are 3 × 3 instead of 7 × 7',
					'Nothing: pooling has no parameters, so no parameter count changes',
					'It grows, because larger windows need more weights',
					'The convolutions lose parameters, the dense layer keeps them'
				],
				correct: 0,
				explanation: r`With windows of 3 the maps shrink $28 \to 9 \to 3$, so flatten gives $3 \cdot 3 \cdot 16 = 144$ values instead of $7 \cdot 7 \cdot 16 = 784$, and the dense layer has $(144 + 1) \cdot 10 = 1450$ parameters instead of 7,850. The convolutions do not change: their weights do not depend on the map size.`,
				tryIt: 'Pool size: 3, then compare the shapes and the parameters in the diagram with pool size 2.'
			},
			kernel: {
				prompt: 'Conv 2 has 8 input channels and 16 filters. How many parameters does it have with a $3 \\times 3$ kernel?',
				options: ['1,168', '3,216', '160', '1,152'],
				correct: 0,
				explanation: r`$(3 \cdot 3 \cdot 8 + 1) \cdot 16 = 73 \cdot 16 = 1168$: 1,152 weights and 16 biases. With a $5 \times 5$ kernel it is $(25 \cdot 8 + 1) \cdot 16 = 3216$. The output shape stays $14 \times 14 \times 16$ because the padding is "same".`,
				tryIt: 'Kernel size: 3, then read conv 2 in the diagram.'
			},
			filters1: {
				prompt: 'You double the filters in conv 1 from 8 to 16. Which layers get more parameters?',
				options: [
					'Conv 1 and conv 2, but not the dense layer',
					'Only conv 1',
					'All three learnable layers',
					'Only the dense layer'
				],
				correct: 0,
				explanation: r`Conv 1 gets twice as many filters ($26 \cdot 16 = 416$). Each conv 2 filter now has 16 input channels, so conv 2 grows to $(25 \cdot 16 + 1) \cdot 16 = 6416$. The dense layer sees conv 2's 16 channels, unchanged, so it keeps 7,850.`,
				tryIt: 'Filters in conv 1: 16, then read the diagram.'
			},
			avgPool: {
				prompt: 'You switch from max to average pooling. How do the maps after the first pooling layer change for the same digit?',
				options: [
					'They look smoother and their peaks are lower, since each window is averaged with its weak neighbours',
					'They do not change: both take one value per window',
					'They get sharper and brighter',
					'They get four times as many values'
				],
				correct: 0,
				explanation: r`The mean of a window is at most its maximum, so the peaks drop, and a thin stroke that lights one value of a window is diluted by the other three. The shape ($14 \times 14$) is the same. The network rebuilds and must be trained again; it reaches a similar accuracy on MNIST either way.`,
				tryIt: 'Pooling: average pooling, then compare the two maps in the pooling section with max pooling.'
			}
		}
	}
} satisfies L10Text;
