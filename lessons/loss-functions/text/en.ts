import { blocks, bullets, type L03Text } from './types';

const r = String.raw;
/** Inline code in Prose. */
const c = (code: string) => `\`${code}\``;

/** Lesson L03's text in English. */
export const en = {
	title: 'Loss functions',
	lead: blocks(
		r`A loss function turns "how wrong is the model on this example" into one number, $\mathcal{L}(\hat y, y)$, and training minimises its average over the data. Gradient descent never sees the loss itself, only its gradient: how strongly, and in which direction, each example pulls on the parameters.`,
		r`So the choice of loss decides what the model ends up predicting (a mean, a median, a probability), how much a single strange example can drag it around, and whether the gradient is still useful when the model is badly wrong. This lesson draws each loss next to its gradient, fits three lines to the same points under three losses while you add outliers, and shows why a sigmoid classifier trained with squared error can get stuck.`
	),
	axes: {
		error: 'error ŷ − y',
		loss: 'loss',
		gradient: 'gradient ∂L/∂ŷ',
		probability: 'predicted probability p',
		gradientProb: 'gradient ∂L/∂p',
		logit: 'logit z',
		gradientLogit: 'gradient ∂L/∂z',
		margin: 'margin m = t·s',
		gradientMargin: 'gradient ∂L/∂m',
		step: 'training step',
		slope: 'slope a',
		x: 'x',
		y: 'y'
	},
	controls: {
		delta: {
			label: 'Huber threshold δ',
			help: 'Errors smaller than δ are penalised quadratically (like MSE), larger ones linearly (like MAE). Used by the curves and by the Huber fit.'
		},
		gamma: { label: 'Focal γ', help: 'Focusing parameter of the focal loss; γ = 0 gives plain cross-entropy.' },
		k: { label: 'Classes K', help: 'Number of classes of the softmax; the other K − 1 logits are held at 0.' },
		z: { label: 'Logit z', help: "The sigmoid unit's input; its output is p = σ(z) and the target is 1." },
		out: {
			label: 'Seeded outliers',
			help: 'How many outliers are placed far below the line at large x (the "Add outlier" button adds one).'
		},
		noise: { label: 'Noise', help: 'Standard deviation of the Gaussian noise on the clean points, in y units.' },
		lr: {
			label: 'Learning rate η₀',
			help: 'Initial gradient-descent step size of the three fits. MAE and Huber steps shrink as η₀ / (1 + t/τ); every edit restarts them. Above 2 the MSE fit diverges.'
		},
		spf: { label: 'Steps per frame', help: 'Gradient-descent steps run between two redraws.' },
		seed: { label: 'Seed', help: 'Random seed of the points and the outliers: the same seed gives the same data.' }
	},
	models: { mse: 'MSE', mae: 'MAE', huber: 'Huber' },
	regression: {
		intro: blocks(
			r`In regression the model predicts a number $\hat y$ and we compare it with the target $y$ through the error $e = \hat y - y$. The three standard losses only differ in how they grow with $|e|$, and therefore in their gradients:`,
			bullets(
				r`**Mean squared error (MSE)**, $e^2$: grows quadratically, so its gradient $2e$ grows without bound. A point twice as far away pulls twice as hard.`,
				r`**Mean absolute error (MAE)**, $|e|$: grows linearly, and its gradient $\operatorname{sign}(e)$ is $\pm 1$ however large the error: every point pulls with the same strength.`,
				r`**Huber loss** with threshold $\delta$: quadratic for $|e| \le \delta$, linear beyond. Its gradient is $e$ clipped to $[-\delta, \delta]$: MSE-like for small errors, MAE-like for large ones.`
			)
		),
		losses: {
			mse: {
				fullName: 'Mean squared error (L2 loss)',
				formulaTex: r`\mathcal{L} = e^{2}`,
				gradientTex: r`\frac{\partial \mathcal{L}}{\partial \hat y} = 2e`,
				minimiser: r`the **mean** of the targets`,
				outliers: r`Sensitive: an outlier's squared error dominates the sum, and its pull grows with its distance.`
			},
			mae: {
				fullName: 'Mean absolute error (L1 loss)',
				formulaTex: r`\mathcal{L} = |e|`,
				gradientTex: r`\frac{\partial \mathcal{L}}{\partial \hat y} = \operatorname{sign}(e)`,
				minimiser: r`the **median** of the targets`,
				outliers: r`Robust: a far outlier pulls no harder than a near point; but the gradient does not shrink near the optimum and is undefined at $e = 0$.`
			},
			huber: {
				fullName: 'Huber loss (smooth L1)',
				formulaTex: r`\mathcal{L}_\delta = \begin{cases} \tfrac12 e^{2} & |e| \le \delta \\ \delta\bigl(|e| - \tfrac12\delta\bigr) & |e| > \delta \end{cases}`,
				gradientTex: r`\frac{\partial \mathcal{L}_\delta}{\partial \hat y} = \operatorname{clip}(e,\ -\delta,\ \delta)`,
				minimiser: r`between the median and the mean, set by $\delta$`,
				outliers: r`**Robust**: an outlier's pull is capped at $\delta$, while small errors keep MSE's smooth, shrinking gradient.`
			}
		},
		chart: {
			title: 'Regression losses',
			description: 'MSE, MAE and Huber loss against the error ŷ − y. Huber uses the threshold δ set below; beyond ±δ it grows linearly.'
		},
		gradChart: {
			title: 'Their gradients',
			description:
				"The derivative of each loss with respect to the prediction: MSE's grows without bound, MAE's is ±1, Huber's is capped at ±δ."
		},
		deltaNote: r`Move $\delta$ and watch the Huber curves: with a large $\delta$ almost every error is "small" and Huber behaves like $\tfrac12$ MSE (it tends to $\tfrac12 e^2$ as $\delta \to \infty$); with a small $\delta$ it is a scaled MAE ($\mathcal{L}_\delta / \delta \to |e|$ as $\delta \to 0$). A good $\delta$ sits near the size of the normal noise: errors the noise can explain are treated quadratically, anything bigger is treated as a possible outlier.`,
		robustness: blocks(
			r`**Robustness is a property of the gradient.** With $N$ points, each one contributes its own gradient to the update of the parameters. Under MSE a point with error 10 pulls ten times harder than a point with error 1, so one gross outlier can outweigh dozens of good points. Under Huber and MAE its pull is capped ($\delta$ or 1), so it counts like any other point that is off in the same direction.`,
			r`The same fact in statistics: the constant $c$ that minimises $\sum_i (y_i - c)^2$ is the mean, which one extreme value can move arbitrarily far; the one that minimises $\sum_i |y_i - c|$ is the median, which does not care how extreme the extreme values are. Huber's estimate lies in between.`
		),
		frameworks: blocks(
			'Conventions differ between libraries; check them before comparing numbers:',
			bullets(
				r`TensorFlow.js ${c('tf.losses.meanSquaredError')} averages $e^2$, with no $\tfrac12$ (Keras and PyTorch's ${c('MSELoss')} do the same); ${c('tf.losses.absoluteDifference')} averages $|e|$.`,
				r`${c('tf.losses.huberLoss(labels, predictions, weights, delta)')} uses exactly the formula above, with ${c('delta')} = $\delta$ (default 1.0) as the threshold: $\tfrac12 e^2$ inside, $\delta(|e| - \tfrac12\delta)$ outside. PyTorch's ${c('HuberLoss(delta)')} is the same; its ${c('SmoothL1Loss(beta)')} is Huber divided by $\beta$.`,
				r`Reductions: tfjs losses default to ${c('Reduction.SUM_BY_NONZERO_WEIGHTS')}, which divides the (weighted) sum by the number of non-zero weights, i.e. a plain mean when no weights are given; ${c('Reduction.MEAN')} divides by the sum of the weights instead, ${c('SUM')} does not divide, ${c('NONE')} returns one loss per element.`
			)
		),
		table: { name: 'Loss', formula: 'Per-point loss', gradient: 'Gradient', minimiser: 'Best constant prediction', outliers: 'With outliers' }
	},
	classification: {
		intro: r`A classifier outputs probabilities, and the natural loss is the **negative log-likelihood** of the true label: how surprised the model is by the right answer. For one binary label $y \in \{0, 1\}$ and a predicted probability $p = \sigma(z)$ of class 1, that is binary cross-entropy (BCE):`,
		bceTex: r`\mathcal{L}_{\text{BCE}}(p, y) = -\bigl[\,y \log p + (1 - y)\log(1 - p)\,\bigr], \qquad \frac{\partial \mathcal{L}}{\partial p} = \frac{p - y}{p(1 - p)}`,
		bce: blocks(
			r`For $y = 1$ only $-\log p$ remains: 0 when $p = 1$, $\log 2 \approx 0.69$ at $p = 0.5$, and unbounded as $p \to 0$. A confident wrong answer is punished without limit, and the gradient with respect to $p$ blows up there too.`,
			r`Composed with the sigmoid, the two blow-ups cancel exactly: $\partial \mathcal{L} / \partial z = p - y$, bounded in $(-1, 1)$ and largest when the model is most wrong. This is why frameworks take **logits**, not probabilities: ${c('tf.losses.sigmoidCrossEntropy')} computes $\max(z, 0) - zy + \log(1 + e^{-|z|})$, which never takes the log of 0 and never overflows.`
		),
		bceChart: {
			title: 'Binary cross-entropy',
			description: 'Loss against the predicted probability of class 1, for a positive example (y = 1), a negative one (y = 0), and the focal loss of a positive example.'
		},
		bceGradChart: {
			title: 'BCE gradient with respect to p',
			description:
				'∂L/∂p for each curve: it grows without bound as the prediction approaches the wrong extreme. (With respect to the logit it is simply p − y.)'
		},
		legendPositive: 'BCE, y = 1: −log p',
		legendNegative: 'BCE, y = 0: −log(1 − p)',
		legendFocal: 'focal, y = 1, γ = {gamma}',
		focal: r`**Focal loss** multiplies BCE by $(1 - p_t)^\gamma$, where $p_t$ is the probability given to the true class. Well-classified examples ($p_t$ near 1) lose almost all their loss, so the many easy examples of a heavily imbalanced problem (say, background patches in object detection) stop drowning out the few hard ones. With $\gamma = 2$, an example at $p_t = 0.9$ keeps 1% of its BCE, one at $p_t = 0.1$ keeps 81%. $\gamma = 0$ is plain BCE.`,
		focalTex: r`\mathcal{L}_{\text{focal}} = -(1 - p_t)^{\gamma} \log p_t`,
		crossEntropy: r`With $K$ mutually exclusive classes, softmax turns the logits $z_1, \dots, z_K$ into probabilities and **cross-entropy** (CE) is $-\log$ of the true class's probability. Its gradient is again "prediction minus target", $p - y$ for a one-hot $y$. The charts follow the true class's logit $z$ while the other $K - 1$ logits stay at 0: at $z = 0$ every class is equally likely and the loss is $\log K$; $K = 2$ is exactly BCE on the logit.`,
		crossEntropyTex: r`\mathcal{L}_{\text{CE}} = -\sum_{k=1}^{K} y_k \log p_k = -\log p_{\text{true}}, \qquad p = \operatorname{softmax}(z), \qquad \frac{\partial \mathcal{L}}{\partial z_k} = p_k - y_k`,
		ceChart: {
			title: 'Cross-entropy over K classes',
			description: "Loss against the true class's logit z, with the other K − 1 logits at 0, for the chosen K and for K = 2 (binary cross-entropy)."
		},
		ceGradChart: {
			title: 'Cross-entropy gradient with respect to the true logit',
			description: 'p_true − 1: close to −1 while the true class is given a low score, fading to 0 as it wins.'
		},
		legendClasses: 'K = {k}',
		uniformReadout: 'At z = 0 with K = {k}: loss = log K = {value}',
		margin: blocks(
			r`Classifiers like the support-vector machine use labels $t \in \{-1, +1\}$ and a score $s$, and judge the **margin** $m = t \cdot s$: positive when the sign is right, large when it is right with room to spare. The loss we would really like, the 0–1 loss (1 for a mistake, else 0), is useless for training: its gradient is 0 almost everywhere. So we minimise a convex *surrogate* instead:`,
			bullets(
				r`**Hinge loss** $\max(0, 1 - m)$ (SVMs), an upper bound on the 0–1 loss: zero, with zero gradient, once an example is on the right side by a margin of 1; only the examples near or across the boundary (the support vectors) keep pulling.`,
				r`**Logistic loss** $\log(1 + e^{-m})$: binary cross-entropy written in terms of the margin. It is never exactly 0, so confidently right examples still pull a little, and the scores keep a probabilistic meaning.`
			)
		),
		marginTex: r`\mathcal{L}_{\text{hinge}} = \max(0,\ 1 - m), \qquad \mathcal{L}_{\text{logistic}} = \log\bigl(1 + e^{-m}\bigr), \qquad m = t\, s`,
		marginNames: { zeroOne: '0–1 loss', hinge: 'hinge', logistic: 'logistic (BCE)' },
		marginChart: {
			title: 'Margin losses',
			description: 'The 0–1 loss and two convex surrogates, hinge and logistic, against the margin m = t·s (positive = correct side).'
		},
		marginGradChart: {
			title: 'Margin-loss gradients',
			description: 'Hinge: −1 until the margin reaches 1, then exactly 0. Logistic: −1/(1 + e^m), never exactly 0. 0–1: no gradient at all.'
		},
		kl: blocks(
			r`**KL divergence** measures how far a model distribution $q$ is from a target distribution $p$. Cross-entropy splits into the target's own entropy plus this divergence, so with fixed targets minimising cross-entropy and minimising KL are the same thing; with one-hot targets $H(p) = 0$ and the two are equal. KL is always $\ge 0$, is 0 only when $q = p$, and is not symmetric. It is the loss of choice when the target is itself a distribution: knowledge distillation (soft labels of a teacher), the regulariser of a variational autoencoder, and policy constraints in reinforcement learning.`
		),
		klTex: r`H(p, q) = -\sum_k p_k \log q_k = H(p) + \mathrm{KL}(p \,\|\, q), \qquad \mathrm{KL}(p \,\|\, q) = \sum_k p_k \log \frac{p_k}{q_k} \ \ge 0`
	},
	outliers: {
		intro: r`Here 30 points lie around the dashed line $y = 0.6x + 2$ with Gaussian noise. Three lines $y = a x + b$ are fitted to them at the same time, one minimising the mean MSE, one the mean MAE, one the mean Huber loss (with the $\delta$ above). Add outliers and watch which line gives way.`,
		method: r`The three fits run as one model with a leading model axis: a single parameter tensor $P \in \mathbb{R}^{3 \times 2}$ holds $(a, b)$ of every line, one gradient-descent step computes all three residual rows $R = P X - y$ at once, applies each loss's gradient (rows $2R$, $\operatorname{sign}(R)$, $\operatorname{clip}(R, -\delta, \delta)$) and updates $P$ with hand-written gradients. $x$ is standardised inside the model so one learning rate suits every data set, and the step size decays so that MAE's constant-size gradient settles instead of jittering around the optimum. Each edit restarts the fit from the current lines. With $x$ standardised, one MSE step multiplies the line's error by $1 - \eta_0$: below $\eta_0 = 2$ the MSE fit converges ($\eta_0 = 1$ lands on the least-squares line in one step), above 2 every step overshoots by more than the line was off, and the fit diverges; at $\eta_0 = 10$ its error grows ninefold per step and the run stops as diverged. MAE's and Huber's gradients are bounded (by 1 and $\delta$) and their steps decay, so they only overshoot and then settle.`,
		chart: {
			title: 'Three fits of the same points',
			description:
				'The points (outliers in red), the true line y = 0.6x + 2 (dashed) and the lines fitted under MSE, MAE and Huber. Click to add a point, drag a point to move it.'
		},
		slopeChart: {
			title: 'Fitted slopes during training',
			description: 'The slope a of each fitted line after every recorded step; the dashed line is the true slope 0.6.'
		},
		trueLine: 'true line y = 0.6x + 2',
		classPoint: 'point',
		classOutlier: 'outlier',
		addOutlier: 'Add outlier',
		resetPoints: 'Reset points',
		editHint: 'Click the plot to add a point (Shift+click: an outlier); drag a point to move it. The lines refit at once.',
		table: { model: 'Loss', slope: 'Slope a', intercept: 'Intercept b', loss: 'Mean loss' },
		fitting: 'Fitting…',
		settled: 'Settled',
		pointCount: '{n} points, {out} seeded outliers',
		diverged: 'The {fits} fit diverged, which stopped the run: with a learning rate above 2 each MSE step overshoots the best line by more than the line was off (its error grows |1 − η₀| times per step, 9 times at η₀ = 10). MAE and Huber have bounded gradients, so they only overshoot and settle. Lower η₀ below 2 and reset.',
		why: blocks(
			r`With three outliers at the far right the MSE line tilts down hard: their squared errors are so large that moving the whole line towards them, and making every other point worse, still lowers the sum. The MAE line barely moves, and the Huber line stays close to it: beyond $\delta$ each outlier pulls with a fixed force $\delta$, no matter how far away it is. That is the sense in which **Huber loss is robust to outliers**: less sensitive to them than MSE, not more.`,
			r`Try $\delta = 10$: every error is now "small", Huber is half the MSE and its line coincides with the MSE line. Try $\delta = 0.1$: Huber is nearly a scaled MAE and follows the MAE line.`
		),
		limits: r`Robust losses bound how hard a point with a large *residual* can pull, but a point far out in $x$ (a *leverage* point) still has a long lever, and with enough such points even the MAE and Huber lines tilt (try 10 outliers). When a large share of the data may be wrong, methods with a high breakdown point, such as RANSAC, Theil–Sen or least trimmed squares, are the next step.`
	},
	saturation: {
		intro: r`Why not train a classifier with squared error? Take one sigmoid output $p = \sigma(z)$ and a positive example, target $y = 1$, and compare the gradient that reaches the logit $z$ under the two losses (with the usual $\tfrac12$ in front of the squared error):`,
		mseGradTex: r`\frac{\partial}{\partial z}\,\tfrac12 (p - y)^2 = (p - y)\, p\,(1 - p)`,
		bceGradTex: r`\frac{\partial}{\partial z}\,\mathcal{L}_{\text{BCE}} = p - y`,
		gradChart: {
			title: 'Gradient at the logit: MSE vs BCE',
			description:
				'∂L/∂z for a sigmoid output with target 1, under squared error and under binary cross-entropy. The vertical line marks the chosen z.'
		},
		lossChart: {
			title: 'The two losses against the logit',
			description: 'Squared error ½(σ(z) − 1)² levels off at ½ for very negative z; binary cross-entropy keeps growing (almost linearly).'
		},
		legendMse: 'MSE: ½(p − y)²',
		legendBce: 'BCE',
		readout: 'z = {z}: p = {p}, MSE gradient = {mse}, BCE gradient = {bce}',
		ratio: 'BCE gradient / MSE gradient = {ratio}',
		explanation: blocks(
			r`The squared-error gradient carries an extra factor $\sigma'(z) = p(1 - p) \le \tfrac14$. When the unit is **confidently wrong** (target 1, $z$ very negative, $p \approx 0$) that factor is almost 0, so the gradient vanishes exactly when the model most needs to change: at $z = -8$ it is about $-3 \times 10^{-4}$, while BCE's is about $-1$. Its largest size is only $4/27 \approx 0.15$, at $p = 1/3$. The squared-error loss itself also saturates at $\tfrac12$, so a confident mistake costs hardly more than a hesitant one.`,
			r`With BCE the $\log$ cancels the sigmoid's flatness and the gradient is $p - y$: about $-1$ for a confident mistake, fading smoothly to 0 as the prediction becomes right. This, together with BCE being the negative log-likelihood of a Bernoulli label (so its minimiser is the true class probability), is why classification uses cross-entropy. Squared error on probabilities (the Brier score) is still a fine *metric* for calibration.`
		)
	},
	choosing: {
		intro: r`A loss is the negative log-likelihood of a noise model, whether or not you think of it that way: MSE assumes Gaussian noise, MAE Laplace noise, BCE a Bernoulli label, CE a categorical one. Start from the task and the output layer, then adjust for the data:`,
		table: { task: 'Task', output: 'Output layer', loss: 'Loss', why: 'Why' },
		rows: {
			regression: {
				task: 'Regression, roughly Gaussian noise',
				output: 'linear',
				loss: 'MSE',
				why: 'Maximum likelihood under Gaussian noise; predicts the conditional mean; smooth gradient.'
			},
			robust: {
				task: 'Regression with outliers or heavy tails',
				output: 'linear',
				loss: r`Huber (or MAE)`,
				why: r`Caps each point's pull; MAE predicts the median. Choose $\delta$ near the normal noise level.`
			},
			binary: {
				task: 'Binary classification',
				output: r`one logit (sigmoid)`,
				loss: 'binary cross-entropy on the logit',
				why: r`Bernoulli likelihood; gradient $p - y$ does not vanish when confidently wrong.`
			},
			multiclass: {
				task: 'One of K classes',
				output: r`K logits (softmax)`,
				loss: 'cross-entropy on the logits',
				why: r`Categorical likelihood; compute it with log-sum-exp from logits.`
			},
			multilabel: {
				task: 'Multi-label (several labels may hold)',
				output: r`K logits, one sigmoid each`,
				loss: 'BCE per label, averaged',
				why: 'The labels are independent yes/no questions; softmax would force them to compete.'
			},
			imbalanced: {
				task: 'Imbalanced classes',
				output: r`sigmoid or softmax`,
				loss: 'class-weighted CE or focal loss',
				why: 'Stops the majority class from dominating the gradient; judge the result with recall, precision and PR curves, not accuracy.'
			},
			margin: {
				task: 'Large-margin classifier',
				output: 'raw score',
				loss: 'hinge',
				why: 'Only examples inside the margin matter (support vectors); scores are not probabilities.'
			},
			distributions: {
				task: 'Matching a distribution (distillation, VAE)',
				output: r`softmax or a distribution's parameters`,
				loss: 'KL divergence',
				why: 'The target is a whole distribution, not one label.'
			}
		},
		imbalance: r`**Class imbalance.** With 99 negatives for every positive, plain CE is minimised largely by getting the negatives right, and the rare class barely moves the gradient. Two standard fixes: weight each class's term, often by inverse frequency ($w_k \propto 1/n_k$, ${c('pos_weight')} in PyTorch's ${c('BCEWithLogitsLoss')}), or use the focal loss above, which down-weights easy examples whatever their class. Resampling the data is the third option. Whatever you do, choose the decision threshold and judge the model with metrics that see the rare class (lesson L04).`,
		weightedTex: r`\mathcal{L}_{\text{weighted}} = -\sum_{k=1}^{K} w_k\, y_k \log p_k`,
		beyond: r`Other losses you will meet: label smoothing (CE against a target that moves a small share $\varepsilon$ of the probability from the true class to all classes evenly, which discourages over-confident logits), contrastive and triplet losses for embeddings, quantile (pinball) loss for predicting intervals, Dice/IoU losses for segmentation, and the adversarial losses of GANs (lesson L14).`
	},
	interview: {
		question: 'Which types of loss function are used in deep learning, and how do you choose one?',
		answer: blocks(
			'A loss measures the gap between prediction and target, and its gradient is what trains the model. The choice follows the task and the noise in the data:',
			bullets(
				r`**Regression:** MSE $\frac1N\sum (\hat y - y)^2$ is the default (Gaussian noise, predicts the mean). MAE $\frac1N\sum|\hat y - y|$ predicts the median and is robust to outliers but has a constant-size gradient. **Huber** is quadratic below a threshold $\delta$ and linear above, so it is smooth near the optimum and **robust to outliers**: their gradient is capped at $\delta$.`,
				r`**Binary and multi-label classification:** sigmoid outputs with binary cross-entropy, computed from logits.`,
				r`**Multi-class classification:** softmax with cross-entropy $-\log p_{\text{true}}$, computed from logits (log-sum-exp); its gradient with respect to the logits is $p - y$.`,
				r`**Not MSE for classification:** on a sigmoid output its gradient is BCE's times $\sigma'(z) \le \tfrac14$, so it vanishes when the model is confidently wrong; it is also not the likelihood of a class label.`,
				r`**Imbalanced classes:** class-weighted cross-entropy or focal loss, plus metrics that see the minority class.`,
				r`**Others:** hinge loss for max-margin classifiers, KL divergence when the target is a distribution (distillation, VAEs).`
			)
		),
		traps: {
			huberSensitive: {
				myth: 'Huber loss is sensitive to outliers.',
				fact: r`The opposite: Huber is used *because* it is robust. Beyond $\delta$ it grows linearly, so an outlier's gradient is capped at $\delta$ instead of growing with its error as under MSE. In the outlier widget the Huber line barely moves while the MSE line tilts.`
			},
			mseClassification: {
				myth: 'MSE works just as well for classification.',
				fact: r`On a sigmoid or softmax output its gradient is multiplied by the activation's slope, which is nearly 0 when the model is confidently wrong, so learning stalls exactly where it should be fastest. Cross-entropy's gradient is $p - y$.`
			},
			maeAlwaysBetter: {
				myth: 'MAE is always better than MSE because it is robust.',
				fact: r`MAE predicts the median, not the mean, and its gradient is $\pm 1$ right up to the optimum, so gradient descent needs a decaying step size to settle. With Gaussian noise and no outliers MSE is the efficient choice; Huber gives most of both.`
			},
			probabilitiesIn: {
				myth: 'Apply softmax (or sigmoid) first, then take the log for the cross-entropy.',
				fact: r`$\log$ of a probability that underflowed to 0 is $-\infty$. Pass logits to the framework's fused loss (${c('tf.losses.softmaxCrossEntropy')}, ${c('sigmoidCrossEntropy')}), which uses log-sum-exp and is exact and stable.`
			},
			accuracyLoss: {
				myth: 'If you care about accuracy, train on accuracy.',
				fact: r`Accuracy (the 0–1 loss) is piecewise constant: its gradient is 0 almost everywhere. Train on a differentiable surrogate (cross-entropy, hinge), then choose the decision threshold and report accuracy or F1.`
			},
			imbalance: {
				myth: 'Class imbalance needs no change to the loss.',
				fact: r`With a 99:1 split the majority class dominates the averaged gradient and always predicting it already scores 99% accuracy. Weight the classes (inverse frequency, ${c('pos_weight')}), use focal loss or resample, and evaluate with recall, precision and PR curves.`
			}
		}
	},
	selfCheck: {
		intro: 'Predict the answer first, then set the controls and check it with the widgets above.',
		setControls: 'Set these controls',
		questions: {
			outliers: {
				prompt: 'Starting from the clean points, you add three outliers far below the line at large x (δ = 1). Which fitted slope changes the most?',
				options: ['MSE', 'MAE', 'Huber', 'All three change by the same amount'],
				correct: 0,
				explanation: r`The outliers' squared errors (around 40 each) dominate MSE's sum, so the MSE line tilts towards them: its slope drops from about 0.64 to about 0.37 on the default data. Their pull on the Huber line is capped at $\delta = 1$ each and on the MAE line at 1, so those slopes move by about 0.05 or less.`,
				tryIt: 'Seeded outliers: 3, Huber threshold δ: 1. Compare the slopes in the table and the slope chart.'
			},
			bigDelta: {
				prompt: 'Keep the three outliers and raise δ to 10. Where does the Huber line go?',
				options: ['It stays with the MAE line', 'It lands on the MSE line', 'It becomes horizontal'],
				correct: 1,
				explanation: r`Every error is now below $\delta$, so Huber is $\tfrac12 e^2$ for every point: half the MSE, with the same minimiser. Its slope equals MSE's. A threshold larger than the outliers' errors gives up all robustness.`,
				tryIt: 'Seeded outliers: 3, Huber threshold δ: 10.'
			},
			smallDelta: {
				prompt: 'Keep the outliers and lower δ to 0.1. Which line does Huber follow now?',
				options: ['The MSE line', 'The MAE line (nearly)', 'Neither: it no longer converges'],
				correct: 1,
				explanation: r`With $\delta = 0.1$ almost every error lies beyond $\delta$, where Huber is $\delta(|e| - \tfrac12\delta)$: a scaled MAE. Its minimiser approaches the median-like MAE line (slope about 0.59 against MAE's 0.60 on the default data).`,
				tryIt: 'Seeded outliers: 3, Huber threshold δ: 0.1.'
			},
			saturation: {
				prompt: 'A sigmoid unit with target 1 outputs p = σ(−8) ≈ 0.0003: confidently wrong. How large is the gradient at its logit under MSE and under BCE?',
				options: ['Both about −1', 'MSE about −0.0003, BCE about −1', 'MSE about −1, BCE about −0.0003', 'Both about 0'],
				correct: 1,
				explanation: r`MSE's gradient $(p - 1)\,p\,(1 - p)$ has the factor $p \approx 3.4 \times 10^{-4}$, so it is about $-3.4 \times 10^{-4}$: almost no learning signal. BCE's is $p - 1 \approx -1$, its largest possible size. The ratio is about 3,000.`,
				tryIt: 'Logit z: −8. Read the two gradients under the saturation chart.'
			},
			uniform: {
				prompt: 'With K = 10 classes and every logit at 0, what is the cross-entropy, and the gradient at the true class\'s logit?',
				options: ['Loss 0, gradient 0', 'Loss log 10 ≈ 2.30, gradient −0.9', 'Loss 1, gradient −1', 'Loss 10, gradient −10'],
				correct: 1,
				explanation: r`All ten probabilities are $0.1$, so the loss is $-\log 0.1 = \log 10 \approx 2.30$ nats, the loss of a uniform guess, and the gradient is $p_{\text{true}} - 1 = -0.9$. A freshly initialised classifier should start near $\log K$; a much larger start loss points to badly scaled initial logits.`,
				tryIt: 'Classes K: 10. Read the cross-entropy charts at z = 0.'
			},
			focal: {
				prompt: 'Focal loss with γ = 2: how much of its BCE does an easy positive (p = 0.9) keep, and a hard one (p = 0.1)?',
				options: ['Both keep 100%', 'Easy 1%, hard 81%', 'Easy 81%, hard 1%', 'Both keep 25%'],
				correct: 1,
				explanation: r`The factor is $(1 - p)^2$: $0.1^2 = 0.01$ for the easy example and $0.9^2 = 0.81$ for the hard one. Easy examples nearly vanish from the sum, so a flood of easy negatives no longer swamps the rare hard examples.`,
				tryIt: 'Focal γ: 2. Compare the focal curve with the y = 1 BCE curve at p = 0.9 and p = 0.1.'
			}
		}
	}
} satisfies L03Text;
