import { blocks, bullets, type L02Text } from './types';

const r = String.raw;

/** Lesson L02's text in English. */
export const en = {
	title: 'Activation functions and vanishing gradients',
	lead: blocks(
		r`A layer computes $h = f(Wx + b)$, and the activation $f$ is its only nonlinear part. Take it away and two layers give $W_2(W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2)$: one linear map again. A hundred stacked linear layers are no more expressive than one, and a classifier built from them can only draw a straight decision boundary.`,
		r`The choice of $f$ also decides what happens to gradients on their way back through a deep network: whether they arrive, fade away or blow up. This lesson lets you watch both.`
	),
	axes: {
		input: 'x',
		output: 'f(x), f′(x)',
		class: 'class',
		probability: 'probability',
		step: 'training step',
		layer: 'layer',
		gradNorm: 'gradient norm (log scale)',
		loss: 'loss',
		deadShare: 'share of dead units'
	},
	controls: {
		act: {
			label: 'Activation',
			help: 'The nonlinearity highlighted in the curves and used in every hidden layer of the depth experiment.'
		},
		alpha: { label: 'Leaky ReLU slope α', help: 'Slope of leaky ReLU for negative inputs.' },
		temp: {
			label: 'Temperature T',
			help: 'The logits are divided by T before softmax: small T sharpens the bars, large T flattens them.'
		},
		logit: {
			label: 'Logit {i}',
			help: 'Raw score of class {i} before softmax. Try a huge value such as 1000.'
		},
		depth: { label: 'Hidden layers', help: 'Number of hidden layers between the input and the output unit (2–20).' },
		width: { label: 'Units per layer', help: 'Number of units in every hidden layer.' },
		init: { label: 'Initialisation', help: 'How the weights are drawn before training starts.' },
		lr: {
			label: 'Learning rate',
			help: 'SGD step size, w ← w − lr · ∂L/∂w. Too large and the loss jumps and ReLU units die.'
		},
		data: { label: 'Dataset', help: 'The two-class 2-D problem the network learns.' },
		spf: { label: 'Steps per frame', help: 'Training steps run between two redraws; more trains faster on screen.' },
		seed: { label: 'Seed', help: 'Random seed for the data and the initial weights: the same seed replays the same run.' }
	},
	options: {
		init: {
			xavier: 'Xavier (Glorot)',
			he: 'He (Kaiming)',
			normal: 'Normal N(0, 1)',
			small: 'Small N(0, 0.01²)'
		},
		initHelp: {
			xavier: 'Variance 2 / (fan-in + fan-out): keeps signals steady for tanh (and roughly for sigmoid).',
			he: 'Variance 2 / fan-in: makes up for ReLU zeroing half of its inputs.',
			normal: 'Variance 1 whatever the width: far too large for wide layers, so signals and gradients explode.',
			small: 'Standard deviation 0.01: far too small, so signals and gradients shrink in every layer.'
		},
		data: { moons: 'Two moons', circle: 'Circle', xor: 'XOR', spiral: 'Spiral' }
	},
	curves: {
		intro: blocks(
			r`Here are the six activations you will meet most often, each with its derivative $f'(x)$. The derivative matters as much as the function: backpropagation multiplies by $f'$ at every layer, so where a function is flat (it *saturates*) almost no gradient gets through.`,
			bullets(
				r`**Saturating:** sigmoid and tanh level off for large $|x|$, where $f'(x) \to 0$.`,
				r`**Piecewise linear:** ReLU and leaky ReLU have slope exactly 1 for $x > 0$, so they never saturate on that side.`,
				r`**Smooth, ReLU-like:** ELU and GELU follow $x$ for large positive inputs and bend smoothly below zero.`
			)
		),
		activations: {
			sigmoid: {
				name: 'Sigmoid',
				fullName: 'Logistic sigmoid',
				formulaTex: r`\sigma(x) = \frac{1}{1 + e^{-x}}`,
				derivativeTex: r`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) \le \tfrac{1}{4}`,
				rangeTex: r`(0,\ 1)`,
				pros: r`Reads as a probability, which makes it the output unit for binary and multi-label classification; smooth everywhere.`,
				cons: r`Its slope is at most $1/4$ (at $x = 0$) and almost 0 for $|x| > 5$, so every sigmoid layer shrinks the gradient; outputs are not zero-centred; needs an exponential.`
			},
			tanh: {
				name: 'tanh',
				fullName: 'Hyperbolic tangent',
				formulaTex: r`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\,\sigma(2x) - 1`,
				derivativeTex: r`\tanh'(x) = 1 - \tanh^{2}(x) \le 1`,
				rangeTex: r`(-1,\ 1)`,
				pros: r`Zero-centred outputs and a slope of up to 1 (four times sigmoid's), so gradients survive more layers; the usual choice inside RNN and LSTM cells.`,
				cons: r`Still saturates: for $|x| > 3$ the slope is below 0.01, so deep stacks still lose gradient; needs exponentials.`
			},
			relu: {
				name: 'ReLU',
				fullName: 'Rectified linear unit',
				formulaTex: r`\operatorname{ReLU}(x) = \max(0,\ x)`,
				derivativeTex: r`\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}`,
				rangeTex: r`[0,\ \infty)`,
				pros: r`Slope exactly 1 for $x > 0$, so no saturation there; a comparison instead of an exponential; many outputs are exactly 0 (sparse activations).`,
				cons: r`Zero gradient for $x < 0$: a unit whose input is negative for every example stops learning for good (a *dead* ReLU); not zero-centred; no derivative at 0 (frameworks use 0).`
			},
			leakyRelu: {
				name: 'Leaky ReLU',
				fullName: 'Leaky rectified linear unit',
				formulaTex: r`\operatorname{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}`,
				derivativeTex: r`\operatorname{LeakyReLU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x < 0 \end{cases}`,
				rangeTex: r`(-\infty,\ \infty)`,
				pros: r`Keeps a small slope $\alpha$ (often 0.01) for $x < 0$, so every unit always gets some gradient and cannot die; as cheap as ReLU.`,
				cons: r`One more hyperparameter (PReLU learns $\alpha$ instead); the gain over ReLU is often small; the negative side is unbounded.`
			},
			elu: {
				name: 'ELU',
				fullName: 'Exponential linear unit',
				formulaTex: r`\operatorname{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
				derivativeTex: r`\operatorname{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\, e^{x} & x \le 0 \end{cases}`,
				rangeTex: r`(-\alpha,\ \infty)`,
				pros: r`No kink at 0 when $\alpha = 1$; its negative outputs pull mean activations towards zero, which tends to speed up learning; negative inputs still get gradient.`,
				cons: r`Needs an exponential for $x < 0$, so it is slower than ReLU; the negative side saturates at $-\alpha$.`
			},
			gelu: {
				name: 'GELU',
				fullName: 'Gaussian error linear unit',
				formulaTex: r`\operatorname{GELU}(x) = x\,\Phi(x) \approx \frac{x}{2}\Bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^{3})\bigr)\Bigr)`,
				derivativeTex: r`\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x), \qquad \varphi(x) = \frac{e^{-x^{2}/2}}{\sqrt{2\pi}}`,
				rangeTex: r`[\approx -0.17,\ \infty)`,
				pros: r`Smooth: it weights $x$ by $\Phi(x)$, the probability that a standard normal variable is below $x$; the standard activation of transformers such as BERT and GPT.`,
				cons: r`Costlier than ReLU (needs $\operatorname{erf}$ or the tanh approximation); not monotonic: it dips to about $-0.17$ near $x \approx -0.75$.`
			}
		},
		chart: {
			title: 'Activation functions',
			description: 'Each activation f(x) over the same inputs; the activation chosen above is highlighted.'
		},
		derivChart: {
			title: 'Their derivatives',
			description:
				'The derivative f′(x) of each activation; the one chosen above is highlighted. Where the derivative is close to 0 the function saturates and passes almost no gradient back. Sigmoid never exceeds 1/4.'
		},
		legendF: 'function f(x)',
		legendDf: 'derivative f′(x)',
		maxSlope: 'Largest slope: {value}',
		alphaNote: r`The $\alpha$ slider sets leaky ReLU's slope for negative inputs. At $\alpha = 0$ it would be plain ReLU; at $\alpha = 1$ it would be the identity, and the network linear again. ELU's $\alpha$ is a different parameter (the level $-\alpha$ its negative side levels off at); the chart draws ELU with the usual $\alpha = 1$.`,
		table: {
			name: 'Activation',
			formula: 'Definition',
			derivative: 'Derivative',
			range: 'Output range',
			pros: 'Strengths',
			cons: 'Weaknesses'
		}
	},
	softmax: {
		intro: r`A classifier with $K$ mutually exclusive classes ends in $K$ raw scores, the logits $z_1, \dots, z_K$. Softmax turns them into probabilities that are positive and sum to 1. With a temperature $T > 0$ the logits are divided by $T$ first:`,
		formulaTex: r`p_i = \operatorname{softmax}(z / T)_i = \frac{e^{z_i / T}}{\sum_{j=1}^{K} e^{z_j / T}}`,
		temperature: blocks(
			r`Softmax keeps the order of the logits and only looks at their differences: adding the same constant to every $z_i$ changes nothing.`,
			bullets(
				r`$T = 1$: the ordinary softmax.`,
				r`$T \to 0$: the gaps $(z_i - z_j)/T$ grow without bound and the output approaches a one-hot vector on the largest logit, the argmax (tied maxima share the mass).`,
				r`$T \to \infty$: every $z_i / T$ approaches 0 and the output approaches the uniform distribution, $1/K$ for each class.`
			),
			r`Sampling text from a language model "with temperature" turns exactly this knob: low $T$ is nearly greedy, high $T$ more random.`
		),
		versusSigmoid: r`Use softmax when exactly one class is true: a digit from 0 to 9, the next word. When the outputs are independent yes/no questions (binary classification, or multi-label tagging where a photo can be both "cat" and "outdoors") use one sigmoid per output instead; those probabilities need not sum to 1. For two classes the two agree: $\operatorname{softmax}(z_1, z_2)_1 = \sigma(z_1 - z_2)$.`,
		overflow: blocks(
			r`Computed literally, the formula breaks for large logits. $e^{x}$ exceeds the largest float64 (a JavaScript number) once $x > 709.78$, and the largest float32 (typical GPU tensors) once $x > 88.72$. Beyond that it becomes Infinity, and Infinity divided by Infinity is NaN. With a temperature the exponent is $z_i / T$, so a small $T$ overflows even moderate logits. Very negative logits fail the other way: every $e^{z_j}$ underflows to 0 and the result is $0/0$.`,
			r`The mathematics is fine; only the arithmetic fails. The fix uses the shift invariance: subtract the largest logit $m = \max_j z_j$ before exponentiating. The largest term becomes $e^{0} = 1$, so nothing overflows and the sum is at least 1:`
		),
		stableFormulaTex: r`p_i = \frac{e^{(z_i - m)/T}}{\sum_{j} e^{(z_j - m)/T}}, \qquad m = \max_j z_j`,
		logSumExp: "The same trick gives the log-sum-exp that cross-entropy needs, so that $\\log p_i = z_i - \\operatorname{LSE}(z)$ never takes the logarithm of 0. This is why frameworks compute the loss from logits (`tf.losses.softmaxCrossEntropy` in TensorFlow.js, `nn.CrossEntropyLoss` in PyTorch) rather than from probabilities:",
		logSumExpTex: r`\operatorname{LSE}(z) = \log \sum_{j} e^{z_j} = m + \log \sum_{j} e^{z_j - m}`,
		crossEntropy: r`Softmax does **not** cause exploding gradients. With the cross-entropy loss $\mathcal{L} = -\sum_i y_i \log p_i$ and a one-hot target $y$, the gradient with respect to the logits is simply $p - y$ (divided by $T$ if a temperature is used). Every component lies between $-1$ and $1$, whatever the logits: a confidently wrong prediction gets a strong but bounded push. When a network's gradients explode, look at its depth, weights and learning rate (next section), not at the softmax.`,
		gradientTex: r`\frac{\partial \mathcal{L}}{\partial z_i} = p_i - y_i`,
		chart: {
			title: 'Softmax probabilities',
			description:
				'One bar per class: its probability for the logits and temperature set below, from the stable formula. The naive formula is computed alongside to show when it breaks.'
		},
		logitsChart: {
			title: 'Logits z (drag a bar or use the arrow keys)',
			description: 'The raw scores fed to softmax, one bar per class. Drag a bar, or focus it and press the up and down arrows, to change a logit.'
		},
		entropyLabel: 'Entropy: {value} bits',
		classLabel: 'class {i}',
		naiveLabel: 'Naive: exp(z/T) / Σ exp(z/T)',
		stableLabel: 'Stable: subtract max z first',
		sumLabel: 'Sum of probabilities: {sum}',
		overflowWarning:
			'exp({value}) is larger than the biggest floating-point number (about 1.8 × 10³⁰⁸), so it overflows to Infinity and the naive formula returns Infinity / Infinity = NaN.',
		underflowWarning:
			'Every exp(z/T) underflows to 0 (the largest exponent is {value}), so the naive formula returns 0 / 0 = NaN.',
		editHint: 'Edit the logits below; the bars update at once.',
		resetLogits: 'Reset logits'
	},
	depth: {
		intro: r`Now the real test. The widget trains a multilayer perceptron live in your browser: 2 inputs, 2 to 20 hidden layers of equal width, one sigmoid output unit, binary cross-entropy loss, plain SGD. Choose the activation, the initialisation and the learning rate, press Play, and watch how large the gradient is at each layer.`,
		backprop: blocks(
			r`Write hidden layer $k$ as $a_k = W_k h_{k-1} + b_k$ and $h_k = f(a_k)$, with $h_0 = x$ the input and $h_L$ the last hidden layer, and let $g_k = \partial \mathcal{L} / \partial h_k$. The chain rule passes the gradient down one layer at a time, multiplying by each layer's transposed Jacobian, a weight matrix times the activation's slopes:`,
			r`$$g_l = W_{l+1}^{\top} D_{l+1}\, W_{l+2}^{\top} D_{l+2} \cdots W_L^{\top} D_L\; g_L, \qquad D_k = \operatorname{diag}\bigl(f'(a_k)\bigr)$$`,
			r`and layer $l$'s weights receive $\partial \mathcal{L} / \partial W_l = (D_l\, g_l)\, h_{l-1}^{\top}$. The gradient reaching layer 1 is therefore a product of about $L$ factors. If they are typically smaller than 1 it shrinks geometrically with depth; if they are larger than 1 it grows geometrically.`
		),
		vanishing: blocks(
			r`With sigmoid every entry of $D_k$ is at most $1/4$, and far less where units saturate. Weights large enough to compensate push the units into saturation, which makes $f'$ smaller still. So each layer cuts the gradient by a factor of several: across ten layers, $(1/4)^{10} \approx 10^{-6}$. The last layers learn while the first ones, which see the input, barely move. This is the **vanishing gradient** problem.`,
			r`The forward signal suffers too: after many sigmoid layers almost every input is mapped to the same vector, so the loss sits near $\ln 2 \approx 0.69$, the loss of guessing on two balanced classes, for a long time or for good. tanh fares better (slope up to 1, zero-centred, and Xavier initialisation was derived for it) but vanishes too once its units saturate.`
		),
		exploding: r`**Exploding gradients** are the same product with factors above 1: weights too large for the activation. With $\mathcal{N}(0, 1)$ weights, a layer of width $n$ scales the signal by about $\sqrt{n}$ per layer, about $\sqrt{n/2}$ with ReLU. Gradient norms reach hundreds or more, one SGD step throws the weights far away, and the loss jumps, turns into NaN, or (with ReLU) freezes because most units died in the jump. Recurrent networks are the classic case, since they multiply by the same matrix at every time step.`,
		fixes: blocks(
			'How deep networks are trained anyway:',
			bullets(
				r`**ReLU-family activations** (ReLU, leaky ReLU, ELU, GELU): slope 1 for positive inputs, so $D_k$ does not shrink the gradient there.`,
				r`**Initialisation matched to the activation**: Xavier/Glorot, $\operatorname{Var}(W) = 2/(n_{\text{in}} + n_{\text{out}})$, for tanh and sigmoid; He, $\operatorname{Var}(W) = 2/n_{\text{in}}$, for ReLU. Both keep the size of signals and gradients roughly constant from layer to layer at the start of training.`,
				r`**Normalisation** (batch norm, layer norm): re-centres and rescales the pre-activations of every layer, which keeps units out of saturation.`,
				r`**Residual connections** $h_k = h_{k-1} + F(h_{k-1})$: the Jacobian becomes $I + \partial F / \partial h_{k-1}$, so the gradient has an identity path that is not a product of small factors.`,
				r`**Gradient clipping** against explosion: rescale the gradient whenever its norm exceeds a threshold.`,
				r`**Gated recurrent cells** (LSTM, GRU) for recurrent networks: the additively updated cell state, controlled by the forget gate, carries gradients across many time steps.`
			)
		),
		tryThis: blocks(
			'Things to try:',
			bullets(
				'Sigmoid, Xavier, 15 hidden layers: compare layer 1 with the last layer.',
				'Same depth with ReLU and He: the gap closes.',
				r`ReLU with $\mathcal{N}(0, 1)$: exploding gradients, then dead units.`,
				r`Any activation with the small $\mathcal{N}(0, 0.01^2)$ initialisation: tiny weights shrink the signal in every layer, so even ReLU's gradients vanish.`
			)
		),
		charts: {
			gradNorm: {
				title: 'Gradient norm per layer',
				description:
					"The norm of each layer's weight gradient ‖∂L/∂W‖ at the current step, on a log scale; layer 1 is nearest the input. If the first layers sit orders of magnitude below the last ones, the gradient is vanishing."
			},
			heatmap: {
				title: 'Gradient norm over training',
				description:
					"One column per training step, one row per layer (layer 1 = nearest the input); the colour is the log of that layer's gradient norm. Rows near the input that stay at the low end of the scale are layers that do not learn."
			},
			loss: {
				title: 'Training loss',
				description:
					'Binary cross-entropy on the training set after each step. A flat line near 0.69 (ln 2) means the network does no better than guessing.'
			},
			network: {
				title: 'Network',
				description:
					'Every unit of the network, coloured by the size of its gradient at the current step. Dead ReLU units, which output 0 for every input, are grey.'
			},
			legendSmallGrad: 'small gradient',
			legendLargeGrad: 'large gradient',
			legendDead: 'dead unit'
		},
		layerLabel: 'layer {i}',
		outputLabel: 'output',
		readouts: {
			step: 'Step {step}',
			loss: 'Loss {loss}',
			accuracy: 'Accuracy {accuracy}',
			ratio: 'Layer 1 / layer {n} gradient: {ratio}',
			ratioHelp: 'Near 1: every layer learns at a similar pace. Far below 1 (10⁻³ or less): the first layer is practically frozen.',
			divergedHint:
				'Lower the learning rate, or pick the initialisation that matches the activation (He for the ReLU family, Xavier for tanh and sigmoid), then reset.'
		}
	},
	deadRelu: {
		intro: r`A ReLU unit passes gradient back only where its pre-activation $a = w^{\top} h + b$ is positive. If $a < 0$ for **every** input in the training set, the unit outputs 0 everywhere and its weights and bias receive exactly zero gradient, so no update can ever push it back. Such a unit is **dead**: it costs compute and contributes nothing. A unit that is negative for some inputs and positive for others is merely sparse, which is fine.`,
		causes: blocks(
			'How units die:',
			bullets(
				'**Too high a learning rate**: one large update moves a unit\'s weights and bias so that its input is negative for every example. This is the usual cause, and the one you can provoke here.',
				'**A large negative bias**, set at initialisation or learned.',
				'**Unlucky or badly scaled initial weights**: an exploding first step kills many units at once, and in a narrow network a few units can be dead from the very start.'
			),
			'If every unit of one layer dies, that layer blocks all gradient to the layers below it and the whole network stops learning: the loss freezes.'
		),
		chartNote: r`The chart shows, after each step, the share of hidden ReLU units that output 0 for every training input. A share that climbs after you raise the learning rate and then stays up is dying ReLU in action. It seldom comes back down: a dead unit's own weights get no gradient, and only changes in the layers below it could revive it.`,
		fixes: blocks(
			'Remedies:',
			bullets(
				'a lower learning rate (or a warm-up that starts low);',
				'leaky ReLU, ELU or GELU, whose negative side still has a slope;',
				'He initialisation, with biases at 0 or a small positive value;',
				'normalisation (batch norm, layer norm), which keeps pre-activations centred so that each unit is positive for part of the data.'
			)
		),
		chart: {
			title: 'Share of dead ReLU units over training',
			description: 'After each training step: the fraction of hidden units whose ReLU output is 0 for every training input.'
		},
		deadShare: 'Dead units: {share}',
		notApplicable: 'n/a for this activation',
		notApplicableNote:
			'Only ReLU units can die: leaky ReLU, ELU and GELU keep a small slope below zero, and sigmoid and tanh saturate instead.'
	},
	interview: {
		question: 'Which activation functions are common in deep neural networks, and what are the strengths and weaknesses of each?',
		answer: blocks(
			'An activation adds the nonlinearity without which stacked layers collapse into a single linear map. The common ones:',
			bullets(
				r`**Sigmoid** $\sigma(x) = 1/(1 + e^{-x})$, range $(0, 1)$: reads as a probability, so it is the output for binary and multi-label tasks. In hidden layers it saturates and its slope is at most $1/4$, so deep sigmoid stacks suffer vanishing gradients; it is not zero-centred.`,
				r`**tanh**, range $(-1, 1)$: zero-centred with slope up to 1, so better than sigmoid in hidden layers and standard in RNN/LSTM cells; still saturates.`,
				r`**ReLU** $\max(0, x)$: cheap, does not saturate for $x > 0$, sparse; the default for hidden layers of MLPs and CNNs. Its gradient is 0 for $x < 0$, so units can die, especially with a high learning rate.`,
				r`**Leaky ReLU / PReLU**: a slope $\alpha$ for $x < 0$ keeps units alive; the gain over ReLU is often modest.`,
				r`**ELU**: smooth negative part, mean activations closer to zero; costs an exponential.`,
				r`**GELU** $x\,\Phi(x)$: smooth, the standard in transformers (BERT, GPT); costlier than ReLU.`,
				r`**Softmax** (output layer only): turns logits into a distribution over mutually exclusive classes. Compute it with the maximum subtracted (log-sum-exp) to avoid overflow, and pair it with cross-entropy, whose gradient $p - y$ is bounded.`
			),
			'Rule of thumb: ReLU (GELU in transformers) in hidden layers with He initialisation; sigmoid or softmax only at the output, chosen by whether the labels are independent or mutually exclusive.'
		),
		traps: {
			tanhOverfitting: {
				myth: 'tanh suppresses overfitting.',
				fact: r`An activation function is not a regulariser. What tanh really offers over sigmoid is zero-centred outputs and a maximum slope of 1 instead of $1/4$. Against overfitting use more data, L2, dropout or early stopping.`
			},
			softmaxExploding: {
				myth: 'Softmax can cause exploding gradients.',
				fact: r`With cross-entropy the gradient with respect to the logits is $p - y$, every component between $-1$ and $1$. The real problem is numerical: $e^{z}$ overflows for large logits (float64 above about 709, float32 above about 88). Subtract the largest logit (log-sum-exp) and use the framework's loss on logits.`
			},
			reluNoVanishing: {
				myth: 'ReLU completely solves the vanishing gradient problem.',
				fact: r`Its gradient is exactly 0 for $x < 0$, so units can die, and with badly scaled weights a deep ReLU network still vanishes or explodes. Deep ReLU networks still rely on He initialisation, normalisation and residual connections.`
			},
			sigmoidMulticlass: {
				myth: 'For a multi-class problem, put a sigmoid on every class output.',
				fact: 'If exactly one class is true, use softmax: its outputs compete and sum to 1. One sigmoid per class is right for multi-label problems, where several labels can be true at once.'
			},
			smoothIsFree: {
				myth: 'GELU and ELU are simply better than ReLU, at no cost.',
				fact: r`They need $\operatorname{erf}$, tanh or exp, so each unit costs more, and any advantage depends on the model and the data. GELU is the standard in transformers; ReLU remains a strong, cheap default for MLPs and CNNs.`
			},
			initAgnostic: {
				myth: 'The initialisation does not depend on the activation.',
				fact: r`Xavier keeps the variance steady for tanh-like units. ReLU zeroes about half of its inputs, so it needs He's variance $2/n_{\text{in}}$; with Xavier a deep ReLU network's signals shrink layer by layer.`
			}
		}
	},
	selfCheck: {
		intro: 'Predict the answer first, then set the controls and check it with the widgets above.',
		setControls: 'Set these controls',
		questions: {
			sigmoidDepth: {
				prompt: "Sigmoid, Xavier initialisation, 15 hidden layers. During the first training steps, how does layer 1's gradient norm compare with the last layer's?",
				options: ['About the same', 'About 10 times larger', 'Several orders of magnitude smaller', 'Exactly zero'],
				correct: 2,
				explanation: r`Every sigmoid layer multiplies the backward signal by slopes of at most $1/4$ (times the weights), so after 14 such factors layer 1 typically gets $10^{-6}$ of the last layer's gradient or less. It is tiny but not exactly zero. The loss stays near 0.69 because the first layers hardly learn.`,
				tryIt: 'Activation: sigmoid, initialisation: Xavier, hidden layers: 15. Press Reset, then Play, and read the per-layer gradient chart and the layer 1 / layer 15 read-out.'
			},
			reluHe: {
				prompt: 'Keep 15 hidden layers but switch to ReLU with He initialisation. What happens to the gap between layer 1 and the last layer?',
				options: [
					'It stays several orders of magnitude wide',
					'It mostly closes: all layers get gradients of a similar size',
					'It reverses: layer 1 gets a million times more than the last layer',
					'Every gradient becomes exactly zero'
				],
				correct: 1,
				explanation: r`ReLU's slope is 1 wherever a unit is active, and He's variance $2/n_{\text{in}}$ makes up for the inactive half, so each layer passes the gradient on at about the same size. The norms stay within roughly an order of magnitude of each other and the loss usually starts to fall (a narrow, deep ReLU network can still lose units; see the dead-ReLU section).`,
				tryIt: 'Activation: ReLU, initialisation: He, hidden layers: 15. Press Reset, then Play.'
			},
			normalInit: {
				prompt: 'ReLU with N(0, 1) initialisation, 15 hidden layers, learning rate 0.1. What do the first training steps show?',
				options: [
					'Tiny gradients in every layer',
					'Huge gradients in every layer (orders of magnitude above those with He), a very large starting loss, then many dead units',
					'The same picture as with He initialisation'
				],
				correct: 1,
				explanation: r`With variance 1 instead of $2/n_{\text{in}}$ each ReLU layer multiplies the signal by about $\sqrt{n/2}$ (2 for width 8), so activations and gradients grow geometrically with depth: exploding gradients. The first SGD steps are enormous, weights land far away, and many units end up dead, after which the loss often freezes. A matched initialisation or gradient clipping prevents this.`,
				tryIt: 'Activation: ReLU, initialisation: Normal N(0, 1), hidden layers: 15, learning rate: 0.1. Press Reset, then Play; compare the gradient chart with the He run.'
			},
			smallInit: {
				prompt: 'ReLU with the small N(0, 0.01²) initialisation and 10 hidden layers. What happens?',
				options: [
					'Fast training: small weights keep units out of saturation',
					'Tiny gradients in every layer, and the loss stays near 0.69',
					'Exploding gradients'
				],
				correct: 1,
				explanation: r`Each layer scales its signal by roughly $0.01 \cdot \sqrt{n/2}$, about 0.02 for width 8, so after 10 layers the forward signal, and with it every weight gradient, has all but vanished. No activation can make up for a bad scale; this is why Xavier and He set the variance from the layer width.`,
				tryIt: 'Activation: ReLU, initialisation: Small N(0, 0.01²), hidden layers: 10. Press Reset, then Play.'
			},
			highLr: {
				prompt: 'ReLU, He initialisation, 10 hidden layers. You raise the learning rate from 0.1 to 3. What happens to the share of dead units?',
				options: [
					'It drops to zero',
					'It rises and stays up, and the loss freezes',
					'Nothing: the learning rate does not affect which units are active'
				],
				correct: 1,
				explanation: r`Big steps overshoot: after one large update many units have a negative pre-activation for every input. Their gradient is exactly zero, so nothing brings them back, and once a whole layer is dead no gradient reaches the layers below. The loss freezes, typically near 0.69.`,
				tryIt: 'Activation: ReLU, initialisation: He, hidden layers: 10, learning rate: 3. Press Reset, then Play, and watch the dead-unit chart; then compare with learning rate 0.1.'
			},
			temperature: {
				prompt: 'With the default logits (2, 1, 0.5, −1, −2) you lower the temperature to 0.1. What do the softmax bars look like?',
				options: [
					'Almost all the probability on class 1 (above 0.99)',
					'Nearly uniform, about 0.2 each',
					'The same as at T = 1',
					'NaN: the exponentials overflow'
				],
				correct: 0,
				explanation: r`Dividing by $T = 0.1$ multiplies every gap between logits by 10: class 1 now leads class 2 by 10 instead of 1, so $p_1 = 1/(1 + e^{-10} + \dots) > 0.9999$. As $T \to 0$ softmax approaches the argmax. The largest exponent is only 20, far from overflow. At $T = 10$ the bars are instead nearly uniform.`,
				tryIt: 'Reset the logits, then move the temperature slider to 0.1, and afterwards to 10.'
			},
			overflow: {
				prompt: 'Set logit 1 to 1000 and keep T = 1. What does the naive formula $e^{z_i} / \\sum_j e^{z_j}$ return?',
				options: [
					'1 for class 1 and 0 for the others, like the stable formula',
					'NaN for class 1 and 0 for the others',
					'An error: the browser refuses to compute',
					'0.2 for every class'
				],
				correct: 1,
				explanation: r`$e^{1000}$ is beyond the largest float64 (about $1.8 \times 10^{308}$, reached at $x \approx 709.78$), so it becomes Infinity. The sum is Infinity too: class 1 gets Infinity / Infinity = NaN and every other class gets a finite number divided by Infinity, 0. The stable formula subtracts 1000 first, computes $e^{0} = 1$ and returns $p_1 \approx 1$. The mathematics was never the problem, only the floating-point range.`,
				tryIt: 'Type 1000 into logit 1, keep the temperature at 1, and compare the naive and the stable result.'
			}
		}
	}
} satisfies L02Text;
