import { blocks, bullets, type L01Text } from './types';

const r = String.raw;

/** Lesson L01's text in English. */
export const en = {
	title: 'Forward pass and backpropagation',
	lead: blocks(
		r`A neural network learns by repeating two passes. The **forward pass** turns an input into a prediction and measures its error with a loss. The **backward pass**, backpropagation, applies the chain rule from the loss back through every layer and gives the gradient of the loss with respect to every weight; gradient descent then moves each weight a little against its gradient.`,
		r`This lesson lets you watch both on a network small enough to see, one number at a time, and then train it live on 2-D data.`
	),
	axes: {
		step: 'training step',
		loss: 'loss (nats)',
		x1: 'x₁',
		x2: 'x₂'
	},
	controls: {
		data: { label: 'Dataset', help: 'The two-class 2-D problem the network learns.' },
		noise: { label: 'Noise', help: 'Standard deviation of the random jitter added to every point.' },
		layers: { label: 'Hidden layers', help: 'Number of hidden layers (0 = logistic regression, a single straight boundary).' },
		units: { label: 'Units in layer {i}', help: 'Number of units in hidden layer {i} (1 to 8).' },
		act: { label: 'Activation', help: 'The nonlinearity of every hidden unit; the output always uses the sigmoid.' },
		lr: { label: 'Learning rate', help: 'SGD step size η in w ← w − η · ∂L/∂w.' },
		batch: {
			label: 'Batch size',
			help: 'Training points per gradient step; the whole training set or more means full-batch gradient descent.'
		},
		spf: { label: 'Steps per frame', help: 'Training steps run between two redraws.' },
		pick: { label: 'Sample', help: 'Number of the training point that step mode follows through the network.' },
		test: { label: 'Show test data', help: 'Also draw the test points, which the network never trains on (other marker shapes).' },
		add1: { label: 'Add class 1', help: 'When on, a click adds a class-1 point (shift-click adds the other class).' },
		seed: { label: 'Seed', help: 'Random seed for the data, the minibatch order and the initial weights.' }
	},
	options: {
		data: {
			circle: 'Circle',
			xor: 'XOR',
			moons: 'Two moons',
			spiral: 'Spiral',
			blobs: 'Gaussian blobs'
		},
		act: {
			tanh: 'tanh',
			relu: 'ReLU',
			sigmoid: 'Sigmoid',
			leakyRelu: 'Leaky ReLU',
			elu: 'ELU',
			gelu: 'GELU'
		}
	},
	layerEditor: {
		addLayer: 'Add a hidden layer',
		removeLayer: 'Remove the last hidden layer',
		addUnit: 'Add a unit to layer {i}',
		removeUnit: 'Remove a unit from layer {i}',
		layer: 'Layer {i}',
		units: '{n} units',
		none: 'No hidden layer: the network is logistic regression.'
	},
	mlp: {
		intro: blocks(
			r`A multilayer perceptron (MLP) is a feed-forward network of fully connected layers: an input layer with one unit per feature (here the two coordinates $x_1, x_2$), one or more hidden layers, and an output layer. Every layer takes the vector of the layer before, multiplies it by a weight matrix, adds a bias vector and, in a hidden layer, applies a nonlinear activation $f$:`,
			r`$$z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}, \qquad a^{(l)} = f\big(z^{(l)}\big), \qquad a^{(0)} = x.$$`
		),
		layers: r`$W^{(l)}$ has one row per unit of layer $l$ and one column per unit of layer $l-1$: entry $w_{ji}$ sits on the edge from unit $i$ to unit $j$. A network with layer sizes 2, 4, 1 has $2 \cdot 4 + 4 = 12$ parameters in its first layer and $4 + 1 = 5$ in its second. Computing the output this way, layer after layer, is the **forward pass**.`,
		output: blocks(
			r`The output layer is linear; what its number means comes from the function put on top. For two classes one logit $z^{(L)}$ becomes a probability through the sigmoid, $\hat y = \sigma\big(z^{(L)}\big) = 1/\big(1 + e^{-z^{(L)}}\big)$; for $K$ classes, $K$ logits go through softmax; for regression the linear output is the prediction itself. A ReLU on the output, as in the formula $\mathrm{ReLU}\big(W_2\,\mathrm{ReLU}(W_1 x + b_1) + b_2\big)$ that is sometimes quoted, would clip every negative score to 0 and could not give a probability: it is not how a classifier's output is built. Training minimises the binary cross-entropy of $\hat y$ against the label $y \in \{0, 1\}$:`,
			r`$$\mathcal{L} = -\big[\,y \ln \hat y + (1 - y) \ln (1 - \hat y)\,\big].$$`
		),
		nonlinear: r`Why the activation? Without it two layers collapse into one, $W_2(W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2)$, and any depth would draw a straight boundary. With it, each hidden unit draws one soft line through the input plane and the next layer combines those half-planes into curved regions. Lesson L02 compares the activations themselves.`
	},
	playground: {
		intro: r`Train an MLP on a 2-D dataset. The data plot shows the training points (and, with *Show test data*, the test points in other shapes) over the network's prediction everywhere in the plane: the background colour is the predicted probability of class 1, and where it crosses 0.5 is the decision boundary. In the diagram, edge colour and width show each weight (red positive, blue negative) and node colour shows each unit's activation for the picked sample.`,
		howTo: bullets(
			r`Click the data plot to add a training point of class 0; shift-click, or switch on *Add class 1*, to add class 1. Click an existing point to pick it for step mode.`,
			r`**Play** trains continuously, **Step** runs one minibatch step, **Reset** starts again from the same initial weights.`,
			r`Add or remove hidden layers and units with **+** and **−**; the number of layers can go down to 0.`
		),
		charts: {
			data: {
				title: 'Data and decision boundary',
				description: 'Training points of both classes (and optionally the test points) over the predicted probability of class 1; click to add points, click a point to pick it.'
			},
			network: {
				title: 'Network: weights and activations',
				description: 'Edge colour and width: weight (red positive, blue negative). Node colour: activation of each unit for the picked sample.'
			},
			loss: {
				title: 'Loss: training and test',
				description: 'Mean binary cross-entropy on the training set and on the test set at each recorded step; the dashed line is ln 2, the loss of always answering 0.5.'
			}
		},
		classNames: ['class 0', 'class 1'],
		testClassNames: ['class 0 (test)', 'class 1 (test)'],
		probability: 'P(class 1)',
		legendTrain: 'training',
		legendTest: 'test',
		clearAdded: 'Remove added points',
		addedCount: 'Added points: {n}',
		readouts: {
			step: 'Step {step}',
			loss: 'Training loss {loss}',
			testLoss: 'Test loss {loss}',
			accuracy: 'Test accuracy {accuracy}',
			fullBatch: 'full batch ({n} points)',
			perEpoch: '{n} steps per epoch'
		},
		divergedHint: 'The loss became NaN or infinite. Lower the learning rate and press Reset.'
	},
	step: {
		intro: blocks(
			r`Step mode slows training down to single numbers. Pick a training sample (click it in the data plot or type its number), then press **Next**. The forward pass lights the layers one by one and shows each unit's $z$ and $a$; then comes the loss; then the backward pass goes from the output back towards the input, showing each unit's error $\delta = \partial \mathcal{L} / \partial z$ and each weight's gradient on its edge; finally the update moves every weight by $-\eta$ times its gradient.`,
			r`The update here uses this one sample's gradient (stochastic gradient descent with a batch of one), so every number can be checked by hand. **Play** trains on minibatches as usual.`
		),
		next: 'Next',
		prev: 'Back',
		restart: 'Start over',
		progress: 'Phase {i} of {n}',
		phases: {
			idle: 'Ready',
			forward: 'Forward: layer {layer} of {count}',
			loss: 'Loss',
			backward: 'Backward: layer {layer} of {count}',
			update: 'Update'
		},
		notes: {
			idle: r`Press **Next** to send the picked sample through the network.`,
			forwardHidden: r`Each unit of this layer takes the weighted sum of the previous layer's activations, adds its bias and applies the activation. The values $z$ and $a$ are kept: the backward pass needs them.`,
			forwardOutput: r`The output unit's weighted sum is the logit $z^{(L)}$; the sigmoid turns it into $\hat y$, the predicted probability of class 1.`,
			loss: r`The binary cross-entropy compares $\hat y$ with the label $y$: small when the network is confident and right, large when it is confident and wrong.`,
			backwardOutput: r`For a sigmoid output with cross-entropy the error at the logit is simply $\delta^{(L)} = \hat y - y$. Each weight into the output gets the gradient $\delta^{(L)}$ times the activation at its input end.`,
			backwardHidden: r`The chain rule carries the error one layer back: each unit sums the errors of the next layer, weighted by the connecting weights, and multiplies by its activation's slope $f'(z)$. A weight's gradient is the error at its output end times the activation at its input end.`,
			update: r`Every weight and bias moves against its gradient, $w \leftarrow w - \eta\, \partial \mathcal{L} / \partial w$. Press **Next** to run the forward pass again with the new weights: at a small learning rate this sample's loss is now lower.`
		},
		sample: 'Sample {i}: x = ({x1}, {x2}), label y = {y}',
		chart: {
			title: 'Step-by-step network',
			description: 'Forward: edges show weights, nodes show activations. Backward: edges show gradients, nodes show errors δ. Values are printed next to the nodes.'
		},
		nodeLegend: {
			activation: 'Nodes: activations a; edges: weights w.',
			delta: 'Nodes: errors δ = ∂L/∂z; edges: gradients ∂L/∂w (not yet computed ones are grey).'
		},
		table: {
			title: 'Every number for this sample',
			caption: 'The input, the label, every weight and bias with its gradient for the picked sample, from the same pass as the formulas.',
			kind: 'kind',
			layer: 'layer',
			from: 'from unit',
			to: 'to unit',
			value: 'value',
			grad: 'gradient',
			weight: 'weight',
			bias: 'bias',
			input: 'input x',
			label: 'label y'
		},
		playing: 'Training is running: the diagram follows the picked sample with the latest weights. Pause to step through.',
		updateLayer: 'Layer {layer}'
	},
	backprop: {
		chainRule: blocks(
			r`Backpropagation is the chain rule applied in the right order. The loss depends on a weight $w^{(l)}_{ji}$ only through the pre-activation $z^{(l)}_j$ it feeds, so`,
			r`$$\frac{\partial \mathcal{L}}{\partial w^{(l)}_{ji}} = \delta^{(l)}_j\, a^{(l-1)}_i, \qquad \delta^{(l)}_j = \frac{\partial \mathcal{L}}{\partial z^{(l)}_j}.$$`,
			r`And $z^{(l)}$ affects the loss only through the next layer, which gives the backward recursion, started at the output:`,
			r`$$\delta^{(l)} = \big(W^{(l+1)\top} \delta^{(l+1)}\big) \odot f'\big(z^{(l)}\big), \qquad \delta^{(L)} = \hat y - y.$$`,
			r`For a minibatch of $n$ samples the loss is the mean, so the gradients are averaged: $\partial \mathcal{L} / \partial W^{(l)} = \tfrac{1}{n} \sum_k \delta^{(l)}_k\, a^{(l-1)\top}_k$.`
		),
		cache: r`**What the forward pass must keep.** The backward formulas use each layer's input activations $a^{(l-1)}$ (for the weight gradients) and its pre-activations $z^{(l)}$ or outputs $a^{(l)}$ (for $f'$). Training therefore stores every layer's activations until the backward pass has used them, which is why it needs far more memory than inference, growing with batch size and depth. Gradient checkpointing trades that memory for recomputing some activations.`,
		cost: r`**Why it is cheap.** One backward pass gives the gradient of every weight at once, for roughly the cost of one or two forward passes (each layer does two matrix products instead of one). Estimating the same gradient by finite differences would take two forward passes *per parameter*: millions of passes for a modest network.`,
		graph:
			"**Computational graphs and autodiff.** Frameworks record the forward computation as a graph of primitive operations (matrix product, addition, tanh, ...) whose local derivatives they know. Reverse-mode automatic differentiation walks that graph backwards from the loss, multiplying local derivatives: backpropagation for any architecture, convolutions, recurrences and attention included. This lesson writes the MLP's backward pass out by hand so every number is visible; tfjs's `tf.grad` gives the same values.",
		check: r`**Gradient checking.** A backward pass is tested against central differences $\big(\mathcal{L}(w + h) - \mathcal{L}(w - h)\big) / 2h$ for some weights. This lesson's tests do it for every weight and bias of a sample, with an independent double-precision forward pass: the gradients shown agree with the finite differences to better than one part in a thousand. Products of many factors $f'(z)$ and $W$ on the way back are also why gradients can vanish or explode in deep networks (lesson L02).`
	},
	xor: {
		intro: r`XOR is the classic problem a single layer cannot solve: class 1 where $x_1$ and $x_2$ have the same sign, class 0 where they differ. No straight line separates the two diagonals.`,
		why: r`With no hidden layer the network is logistic regression, $\hat y = \sigma(w_1 x_1 + w_2 x_2 + b)$, and its boundary is a line. The best it can do on balanced XOR data is to answer about 0.5 everywhere, so the loss stays near $\ln 2 \approx 0.69$ nats however long it trains. One hidden layer of a few units draws several lines and combines them: with 4 tanh units the loss falls below 0.1 within a few hundred full-batch steps.`,
		tryThis: bullets(
			r`Choose XOR, set the hidden layers to 0, the learning rate to 1 and the batch size to 200, and press Play: the loss settles on the dashed $\ln 2$ line.`,
			r`Add one hidden layer of 4 units and press Reset and Play: the boundary bends into four quadrants and the loss drops towards 0.`,
			r`Try one hidden layer of 2 units, or the spiral: how many units does it need?`
		)
	},
	interview: {
		question: r`Explain the forward pass and backpropagation in a neural network. What must be stored during the forward pass, and why is backpropagation efficient?`,
		answer: blocks(
			r`**Forward pass:** starting from the input, each layer computes $z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$ and $a^{(l)} = f(z^{(l)})$; the output layer gives logits (sigmoid or softmax turns them into probabilities) and the loss compares them with the labels.`,
			r`**Backward pass:** the chain rule applied from the loss backwards. The error at the output is $\delta^{(L)} = \hat y - y$ for sigmoid or softmax with cross-entropy; each earlier layer gets $\delta^{(l)} = (W^{(l+1)\top} \delta^{(l+1)}) \odot f'(z^{(l)})$, and the gradients are $\partial \mathcal{L} / \partial W^{(l)} = \delta^{(l)} a^{(l-1)\top}$, $\partial \mathcal{L} / \partial b^{(l)} = \delta^{(l)}$, averaged over the batch. An optimizer such as SGD then updates $W \leftarrow W - \eta\, \partial \mathcal{L} / \partial W$.`,
			r`**Stored:** every layer's activations (and pre-activations) from the forward pass, because the backward pass needs them; this dominates training memory. **Efficient:** one backward pass yields all gradients at about the cost of one or two forward passes, instead of two passes per parameter with finite differences. Frameworks do this automatically with reverse-mode autodiff on the computational graph.`
		),
		traps: {
			backpropIsOptimizer: {
				myth: 'Backpropagation is what updates the weights',
				fact: r`Backpropagation only *computes* the gradient. The optimizer (SGD, momentum, Adam, ...) decides how to change the weights with it, and the same gradients can feed any of them.`
			},
			reluOutput: {
				myth: 'An MLP applies ReLU on its output layer too',
				fact: r`For classification the output layer is linear and followed by sigmoid or softmax; for regression it has no activation. A ReLU there would clip every negative score to 0, where its gradient is also 0.`
			},
			finiteDifferences: {
				myth: 'Gradients are computed numerically, by nudging each weight in turn',
				fact: r`That costs two forward passes per parameter. Backpropagation gets every gradient from one backward pass costing about one or two forward passes; finite differences only serve to *check* an implementation.`
			},
			zeroInit: {
				myth: 'Starting all weights at zero is a neutral choice',
				fact: r`Then all hidden units of a layer compute the same value and receive the same gradient, so they stay identical forever: the symmetry is never broken. Weights start small and random; biases may start at zero.`
			},
			backpropCausesVanishing: {
				myth: 'Vanishing gradients are a flaw of the backpropagation algorithm',
				fact: r`Backpropagation computes the exact gradient. It is tiny or huge because it is a product of one factor $f'(z)$ and one weight matrix per layer; the cures are in the network (ReLU, Xavier or He initialisation, normalisation, residual connections), see lesson L02.`
			}
		}
	},
	selfCheck: {
		intro: r`Predict the answer first, then use the widgets to check it. The button next to each question sets the controls for you.`,
		setControls: 'Set up the widget',
		questions: {
			xorNoHidden: {
				prompt: r`On XOR with **no hidden layer**, you train for a few thousand steps. Where does the training loss end up?`,
				options: [
					r`Close to 0: logistic regression fits any two classes given time`,
					r`Near $\ln 2 \approx 0.69$, whatever the learning rate`,
					r`It diverges to infinity`,
					r`Near 0.35, half way down`
				],
				correct: 1,
				explanation: r`Without a hidden layer the boundary is a straight line. On balanced XOR no line does better than guessing, so the network answers $\hat y \approx 0.5$ for every point and the loss is $-\ln 0.5 = \ln 2$.`,
				tryIt: r`Press the button, then **Play**, and watch the loss chart next to the dashed $\ln 2$ line.`
			},
			xorHidden: {
				prompt: r`Now give XOR **one hidden layer of 4 tanh units** (learning rate 1, full batch). What happens?`,
				options: [
					r`The loss stays at 0.69: XOR is too hard for 4 units`,
					r`The loss falls below 0.1 and the boundary splits the plane into quadrants`,
					r`The loss falls, but only to about 0.5`,
					r`Training diverges`
				],
				correct: 1,
				explanation: r`Each hidden unit draws one line; two of them already suffice for XOR in principle, and with 4 the training finds a solution quickly. The output unit combines the half-planes into the two diagonal regions.`,
				tryIt: r`Press the button and **Play**; the loss drops below 0.1 within a few hundred steps.`
			},
			reluDelta: {
				prompt: r`With ReLU, a hidden unit has a negative pre-activation $z$ for the picked sample. In the backward pass, what are its error $\delta$ and the gradients of the weights coming into it?`,
				options: [
					r`Both exactly 0 for this sample`,
					r`$\delta$ is 0 but the incoming gradients are not`,
					r`$\delta$ equals the error of the next layer`,
					r`Undefined: ReLU has no derivative`
				],
				correct: 0,
				explanation: r`$\delta = (W^\top \delta_{\text{next}})\, f'(z)$ and ReLU's slope is 0 for $z < 0$, so $\delta = 0$, and every incoming gradient $\delta\, a_{\text{in}}$ is 0 too: this sample cannot change those weights. (At exactly $z = 0$ the slope is taken as 0.)`,
				tryIt: r`Press the button, step through the forward pass until a hidden unit shows $a = 0$, then continue to the backward pass and look at its $\delta$ and its incoming edges.`
			},
			updateLowersLoss: {
				prompt: r`In step mode you press **Update** and then run the forward pass again on the same sample, at a small learning rate. What happens to that sample's loss?`,
				options: [r`It goes down`, r`It goes up`, r`It stays exactly the same`, r`Anything: the gradient says nothing about it`],
				correct: 0,
				explanation: r`The update moves every parameter against the gradient of this sample's loss, so for a small enough step the loss decreases, by about $\eta\, \|\nabla \mathcal{L}\|^2$. With a very large learning rate the step can overshoot and the loss can rise.`,
				tryIt: r`Press the button, step through one full round, note the loss, then step through the forward pass again and compare.`
			},
			batchNoise: {
				prompt: r`You change the batch size from the whole training set to **1**. How does the training-loss curve change?`,
				options: [
					r`It becomes smoother`,
					r`It becomes noisier: each step follows one sample's gradient`,
					r`Nothing changes: the gradient is the same`,
					r`Training stops working`
				],
				correct: 1,
				explanation: r`A batch of one gives an unbiased but noisy estimate of the full gradient, so the weights jitter from step to step and the loss on the whole training set wobbles. On average it still goes down; smaller learning rates or larger batches calm it.`,
				tryIt: r`Press the button and **Play**; then set the batch size to 200 and compare the curves.`
			}
		}
	}
} satisfies L01Text;
