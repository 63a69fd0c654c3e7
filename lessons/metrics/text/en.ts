import { blocks, bullets, type L04Text } from './types';

const r = String.raw;

/** Lesson L04's text in English. */
export const en = {
	title: 'Evaluation metrics and cross-validation',
	lead: blocks(
		r`A binary classifier does not say "yes" or "no": it gives every input a *score*, here the probability $p$ that it belongs to the positive class. A *threshold* $t$ turns scores into decisions, and every decision is right or wrong in one of four ways. Each metric counts those four outcomes differently, so each answers a different question, and one of them, accuracy, can look excellent on a model that has learned nothing.`,
		r`Below, a logistic regression trains live on two overlapping classes. Change the class balance, the overlap and the threshold, and watch the confusion matrix, the metrics, the ROC and precision-recall curves and a k-fold cross-validation respond.`
	),
	axes: {
		score: 'score p = P(positive | x)',
		count: 'test points',
		share: 'share of the class',
		step: 'training step',
		loss: 'cross-entropy (nats)',
		fpr: 'false-positive rate (FPR)',
		tpr: 'true-positive rate (TPR, recall)',
		precision: 'precision',
		recall: 'recall',
		value: 'value',
		negatives: 'negatives (class 0)',
		positives: 'positives (class 1)',
		trainLoss: 'training loss',
		testLoss: 'test loss',
		x1: 'feature x₁',
		x2: 'feature x₂',
		pPositive: 'P(positive | x)',
		actual: 'actual class',
		predicted: 'predicted class',
		classNegative: 'negative',
		classPositive: 'positive'
	},
	controls: {
		pos: {
			label: 'Share of positives (%)',
			help: '50 is balanced; 5 means 95:5, 1 means 99:1. Applies to the training and the test set.'
		},
		noise: {
			label: 'Class spread',
			help: 'Standard deviation of each class around its centre: the larger, the more the classes overlap.'
		},
		lr: {
			label: 'Learning rate',
			help: 'Gradient-descent step size of the logistic regressions. Even 10 cannot make them diverge: the cross-entropy is convex and its gradient is bounded. On well-separated data a large step just converges faster; on heavily overlapping data (class spread 1.5) it overshoots, and the boundary keeps jumping back and forth instead of settling.'
		},
		t: {
			label: 'Threshold t',
			help: 'A test point is predicted positive when its score is at least t. Moving it never retrains the model.'
		},
		majority: {
			label: 'Always predict the majority class',
			help: 'Replace the classifier by a baseline that calls every point negative, the larger class.'
		},
		k: { label: 'Folds k', help: 'Number of cross-validation folds (2–10): k models, each validated on one fold.' },
		strat: {
			label: 'Stratified folds',
			help: 'Give every fold the same class balance as the whole training set.'
		},
		cvm: { label: 'Fold metric', help: 'The metric computed on each validation fold.' },
		hist: { label: 'Histogram', help: 'Count test points per bin, or show each class as a share of itself.' },
		spf: { label: 'Steps per frame', help: 'Training steps between two redraws.' },
		seed: { label: 'Seed', help: 'Random seed of the data and the folds: the same seed gives the same run.' }
	},
	options: {
		cvm: {
			accuracy: 'Accuracy',
			precision: 'Precision',
			recall: 'Recall',
			f1: 'F1',
			auc: 'ROC AUC',
			ap: 'Average precision'
		},
		hist: { count: 'Counts', share: 'Share of each class' }
	},
	metrics: {
		accuracy: 'Accuracy',
		precision: 'Precision',
		recall: 'Recall',
		f1: 'F1',
		specificity: 'Specificity'
	},
	readouts: {
		balance: 'Class balance {neg}:{pos} (negatives : positives)',
		step: 'Step {step}',
		loss: 'Training loss {train}, test loss {test}',
		threshold: 't = {value}',
		converged: 'Converged at step {step}: training paused itself. Press Play to train on.',
		maxSteps: 'Paused after {step} steps (the scores barely change any more). Press Play to train on.',
		oscillating: 'Paused after {step} steps without settling: the learning rate is too large for this data, so every step overshoots the optimum and the weights bounce back and forth. Lower the learning rate.',
		majorityOn: 'The majority-class baseline replaces the classifier: every point is predicted negative.',
		undefined: 'undefined'
	},
	classifier: {
		intro: blocks(
			r`The data: two classes of points in the plane, each a Gaussian cloud. Negatives (class 0) centre on $(-0.5, -0.5)$, positives (class 1) on $(0.5, 0.5)$, and the *class spread* sets how much they overlap. The *share of positives* sets the balance, from 50:50 down to 99:1, with exact counts: at 5% the 2,000 test points hold exactly 100 positives.`,
			r`The model is logistic regression: a straight decision boundary and a probability that grows across it.`
		),
		modelTex: r`p(x) = \sigma(w_1 x_1 + w_2 x_2 + b) = \frac{1}{1 + e^{-(w_1 x_1 + w_2 x_2 + b)}}`,
		lossTex: r`L(w, b) = -\frac{1}{n} \sum_{i=1}^{n} \Bigl[ y_i \log p(x_i) + (1 - y_i) \log\bigl(1 - p(x_i)\bigr) \Bigr]`,
		training: r`It is trained by gradient descent on the cross-entropy $L$ over 1,000 *training* points and judged on 2,000 separate *test* points it never sees: every chart below shows the test set. Before the first step the weights are 0 and the bias is the log-odds of the share of positives, so every point gets the same score, the base rate, and the ROC curve is the diagonal. Training starts by itself and pauses once it has converged. Every metric is recomputed on the main thread from the last scores, so the threshold slider responds instantly and never retrains anything.`,
		histogramNote: r`The histogram shows the test scores of each class, and the dashed line is the threshold $t$. Everything to the right of the line is predicted positive: positives there are *true positives*, negatives there are *false positives*. To the left, positives are *false negatives* and negatives are *true negatives*. In "share of each class" mode, the part of the positive curve right of $t$ is the true-positive rate and the part of the negative curve right of $t$ is the false-positive rate.`,
		histogram: {
			title: 'Test scores by class',
			description: 'Histogram of the classifier’s scores on the test set, one line per true class; the dashed line marks the threshold.'
		},
		lossChart: {
			title: 'Training and test loss',
			description: 'Mean cross-entropy of the model trained on all training points, on the training and on the test set, per step.'
		},
		boundary: {
			title: 'Test points and the decision boundary',
			description: 'A sample of 600 test points coloured by their true class, over the model’s probability of the positive class; the line marks where that probability equals the threshold.'
		},
		lineName: 'decision line (p = {value})',
		noLine: 'No decision line in view: p is the same everywhere (before training), the threshold is 0 or 1, or the line lies outside the plot.',
		boundaryNote: r`The plot shows 600 of the 2,000 test points, with the test set's class balance, coloured by their true class. Behind them is the model's probability $p(x)$, from blue (near 0) through white ($0.5$) to red (near 1). The boundary of logistic regression is straight: the line marks where $p(x) = t$, that is where $w_1 x_1 + w_2 x_2 + b = \log\frac{t}{1 - t}$, and the points on its redder side ($p \ge t$) are predicted positive. Moving the threshold slides the line parallel to itself, towards the positives as $t$ rises, without retraining: the weights stay the same, and so does the background.`
	},
	confusion: {
		intro: blocks(
			r`At a fixed threshold each test point lands in one cell of the *confusion matrix*: rows are the actual class, columns the predicted class. True negatives (TN) and true positives (TP) lie on the diagonal; false positives (FP, a false alarm, type I error) and false negatives (FN, a miss, type II error) off it. Every threshold metric is a ratio of these four counts:`
		),
		formulasTex: r`\begin{aligned} \text{accuracy} &= \frac{TP + TN}{TP + TN + FP + FN} & \text{precision} &= \frac{TP}{TP + FP} \\[4pt] \text{recall} = \text{TPR} &= \frac{TP}{TP + FN} & \text{specificity} = 1 - \text{FPR} &= \frac{TN}{TN + FP} \end{aligned}`,
		f1Tex: r`F_1 = \frac{2 \cdot \text{precision} \cdot \text{recall}}{\text{precision} + \text{recall}} = \frac{2\,TP}{2\,TP + FP + FN}`,
		threshold: r`Precision asks "of the points I flagged, how many are positive?"; recall asks "of the positives, how many did I flag?". They pull against each other through $t$: raise the threshold and fewer points are flagged, so precision usually rises while recall can only fall. F1, their harmonic mean, is high only when both are. Where a denominator is 0 (nothing predicted positive, say), the metric is reported as 0, as scikit-learn does with its default zero_division.`,
		paradox: r`**The accuracy paradox.** Set the share of positives to 5% and switch on "always predict the majority class". This baseline has learned nothing, yet its accuracy is exactly $1900 / 2000 = 95\%$, while its recall is 0: it misses every positive. On imbalanced data accuracy mostly measures the class balance. Look at recall, precision, F1 or the curves below instead, and always compare with this baseline.`,
		choosing: bullets(
			r`**Recall** when a miss is expensive: screening for a disease, fraud alerts that a human reviews.`,
			r`**Precision** when a false alarm is expensive: a spam filter that must not bin real mail.`,
			r`**F1** when both matter and positives are rare; note that it ignores true negatives entirely.`,
			r`**Specificity** (true-negative rate) completes recall: the two are the rates within each actual class, so neither depends on the class balance; precision and accuracy do.`
		),
		matrix: {
			title: 'Confusion matrix',
			description: 'Counts of test points by actual class (rows) and predicted class (columns) at the current threshold, with the share of each row.'
		},
		bars: {
			title: 'Threshold metrics',
			description: 'Accuracy, precision, recall, F1 and specificity of the test set at the current threshold.'
		},
		cells: { tn: 'TN', fp: 'FP', fn: 'FN', tp: 'TP' }
	},
	roc: {
		intro: r`A single threshold gives one confusion matrix. The *ROC curve* (receiver operating characteristic) shows all of them at once: it plots the **true-positive rate** against the **false-positive rate** as the threshold sweeps from $+\infty$, where nothing is flagged (the corner $(0, 0)$), down to the lowest score, where everything is (the corner $(1, 1)$).`,
		ratesTex: r`\text{TPR} = \frac{TP}{TP + FN} \qquad \text{FPR} = \frac{FP}{FP + TN} = 1 - \text{specificity}`,
		correction: r`**A common mix-up:** the ROC curve is not precision against recall. That is the precision-recall curve of the next section; some study guides, including the question list this course follows, confuse the two. The dot on the curve is the current threshold: move the slider and it slides along the curve, because every threshold is one of the curve's points.`,
		auc: r`The *area under the curve* (AUC) summarises the ranking, whatever the threshold. It equals the probability that a randomly drawn positive scores higher than a randomly drawn negative, tied pairs counting one half (the Mann-Whitney statistic):`,
		aucTex: r`\text{AUC} = \frac{1}{P \cdot N} \sum_{i:\,y_i = 1} \; \sum_{j:\,y_j = 0} \Bigl( [\,s_i > s_j\,] + \tfrac{1}{2}\,[\,s_i = s_j\,] \Bigr)`,
		imbalance: r`The diagonal is a classifier that guesses (AUC 0.5); a perfect ranking reaches the top-left corner (AUC 1); below the diagonal the ranking is worse than chance, and inverting the scores would help. Because TPR and FPR are each computed within one class, the ROC curve does not change when the class balance does. That makes it comparable across data sets, and also blind to what imbalance does to precision: see the next section.`,
		implementation: r`How it is computed here, as in scikit-learn's roc_curve with drop_intermediate=False: sort the scores once, add one point per distinct score (equal scores form one point, so a tie draws a diagonal segment), start at $(0, 0)$ with threshold $+\infty$, and take the trapezoid area, which equals the pair count above.`,
		chart: {
			title: 'ROC curve',
			description: 'True-positive rate against false-positive rate of the test set over every threshold; the dot is the current threshold and the dashed diagonal is chance.'
		},
		curveName: 'ROC curve',
		chanceName: 'chance (AUC 0.5)',
		pointName: 'threshold {value}',
		aucReadout: 'ROC AUC = {auc}',
		pointReadout: 'At the threshold: FPR = {fpr}, TPR = {tpr}'
	},
	pr: {
		intro: r`The *precision-recall curve* plots precision against recall over every threshold. Its baseline is not a diagonal but a horizontal line at the share of positives: a classifier that flags points at random has precision equal to the prevalence at any recall.`,
		apTex: r`\text{AP} = \sum_{n} (R_n - R_{n-1})\, P_n`,
		ap: r`*Average precision* (AP) summarises it: with the distinct thresholds in decreasing order (ties grouped), add each step's gain in recall $R_n - R_{n-1}$ times the precision $P_n$ at that threshold, starting from $R_0 = 0$. It is a step-wise sum, as in scikit-learn's average_precision_score, with no interpolation; the trapezoid area under the PR curve would be optimistic, because precision does not change linearly between points.`,
		imbalance: r`**AUC against AP under imbalance.** Move the share of positives from 50% to 1% and watch both. The ROC AUC hardly moves (about 0.95 here), because it is a within-class ranking measure. AP falls a long way (from about 0.95 to roughly 0.4–0.5): with 1,980 negatives, even a false-positive rate of 5% means 99 false alarms, five times the 20 positives, so precision collapses. When positives are rare and false alarms cost something, report the PR curve and AP, with the prevalence as the baseline.`,
		chart: {
			title: 'Precision-recall curve',
			description: 'Precision against recall of the test set over every threshold; the dot is the current threshold and the dashed line is the share of positives.'
		},
		curveName: 'PR curve',
		baselineName: 'baseline: prevalence {value}',
		apReadout: 'AP = {ap} (baseline {prevalence})',
		compare: 'ROC AUC {auc} · AP {ap}',
		pointReadout: 'At the threshold: precision = {precision}, recall = {recall}'
	},
	cv: {
		intro: r`One train/test split gives one number, and a different split would give another. *k-fold cross-validation* measures that variation: split the training data into $k$ folds, train $k$ models, each on $k - 1$ folds, score each on the fold it did not see, and report the mean and the standard deviation of the $k$ scores.`,
		meanTex: r`\bar{s} = \frac{1}{k} \sum_{j=1}^{k} s_j \qquad \sigma = \sqrt{\frac{1}{k} \sum_{j=1}^{k} (s_j - \bar{s})^2 \,}`,
		batched: r`Here all $k$ models train at the same time as the main model, stacked along a leading model axis: one weight matrix of shape $(k + 1) \times 3$ and a mask that hides each model's validation fold from its gradient. That is one small GPU step for all of them, instead of $k$ separate trainings. The test set plays no part: it stays untouched for the final check.`,
		stratified: r`**Stratified folds** keep the class balance of the whole set in every fold. Turn them off at 99:1 with $k = 10$: the 10 positives of the training set are dealt out at random, some folds get none, and recall or AUC on such a fold is undefined (recall is then reported as 0). The per-fold scores scatter and the mean becomes unreliable. scikit-learn's cross_val_score uses stratified folds for classifiers by default.`,
		leakage: r`**Leakage.** Everything learned from data belongs inside the folds: fit the scaler, the feature selection or the oversampling on each fold's training part only (a pipeline does this), never on the whole data set before splitting. Otherwise the validation fold has already influenced the model and the scores come out optimistic. Likewise, if you pick hyperparameters by their cross-validation score, that score is biased upwards: keep a test set, or use nested cross-validation.`,
		choosingK: r`$k = 5$ or $10$ is usual. A larger $k$ trains each model on more data (less pessimistic) but costs more and the folds overlap more; leave-one-out ($k = n$) is the extreme. The standard deviation shows the spread across folds; it is not a confidence interval, because the folds share training data.`,
		chart: {
			title: 'k-fold cross-validation',
			description: 'One row per fold model: its validation fold in colour, the training folds in grey, and the fold’s score as a bar, with the mean and one standard deviation either side.'
		},
		foldLabel: 'Fold {i}',
		trainLabel: 'training',
		validationLabel: 'validation',
		summary: '{metric}: {mean} ± {std} over {k} folds',
		undefinedFolds: '{n} of {k} folds have an undefined score (no positives in the fold); the mean leaves them out.',
		testScore: 'Held-out test set, model trained on all training points: {metric} {value}',
		columns: { fold: 'fold', size: 'validation points', positives: 'positives', score: 'score' },
		positivesIn: '{n}+',
		meanLabel: 'mean ± std'
	},
	interview: {
		question: 'How do you evaluate a classification model? Explain accuracy, precision, recall, F1, the ROC curve with its AUC, and cross-validation.',
		answer: blocks(
			r`Start from the confusion matrix at a chosen threshold: TP, FP, TN, FN.`,
			bullets(
				r`**Accuracy** $(TP + TN) / \text{all}$: fine for balanced classes, misleading for imbalanced ones (predicting the majority of a 95:5 set scores 95%).`,
				r`**Precision** $TP / (TP + FP)$: how trustworthy a positive prediction is. **Recall** (TPR, sensitivity) $TP / (TP + FN)$: how many positives are found. The threshold trades one for the other.`,
				r`**F1** $= 2PR / (P + R)$: the harmonic mean, high only when both are; it ignores TN.`,
				r`**ROC curve**: TPR against FPR over all thresholds. **AUC** is the probability that a random positive outscores a random negative: 0.5 is chance, 1 is perfect. It is threshold-free and insensitive to class balance; under heavy imbalance, add the **precision-recall curve** and **average precision**, which show what false alarms do to precision.`,
				r`**k-fold cross-validation**: train on $k - 1$ folds, validate on the remaining one, rotate, report mean ± std. Use stratified folds for classification, keep all preprocessing inside the folds, and keep a separate test set for the final estimate.`
			),
			'Choose the metric from the costs of the two kinds of error, pick the threshold on validation data, and always compare with a trivial baseline.'
		),
		traps: {
			rocAxes: {
				myth: 'The ROC curve plots precision against recall.',
				fact: r`The ROC curve plots the true-positive rate (recall) against the **false-positive rate** $FP / (FP + TN)$. Precision against recall is the precision-recall curve, a different plot with a different baseline.`
			},
			accuracyImbalance: {
				myth: 'My model has 95% accuracy, so it is good.',
				fact: r`With 95% negatives, always saying "negative" also scores 95%, with a recall of 0. Compare with the majority baseline and report recall, precision, F1 or AP.`
			},
			aucVsAp: {
				myth: 'A ROC AUC of 0.95 means the positive predictions can be trusted.',
				fact: r`AUC ranks within each class and ignores the balance. At 99:1 a 5% false-positive rate already means five false alarms per positive, so precision can be poor at an AUC of 0.95. Average precision shows it.`
			},
			cvLeakage: {
				myth: 'Standardise (or select features on) the whole data set first, then cross-validate.',
				fact: r`Then every validation fold has shaped the preprocessing, and the scores are optimistic. Fit every data-dependent step on each fold's training part only, for example with a pipeline.`
			},
			stratified: {
				myth: 'Plain shuffled k-fold is fine for any classification problem.',
				fact: r`With rare positives some folds get few or none, so per-fold recall and AUC swing or are undefined. Stratified k-fold keeps the class balance in every fold.`
			},
			fixedThreshold: {
				myth: 'The decision threshold is always 0.5.',
				fact: r`0.5 is only a default. Precision, recall, F1 and accuracy all depend on $t$; choose it on validation data from the costs of false positives and false negatives. AUC and AP do not depend on it.`
			}
		}
	},
	selfCheck: {
		intro: 'Predict the answer first, then set the controls and check it with the widgets above.',
		setControls: 'Set these controls',
		questions: {
			majority: {
				prompt: 'The data is 95:5 (5% positives). A "classifier" always predicts the majority class. What are its accuracy and its recall?',
				options: ['Accuracy 95%, recall 0', 'Accuracy 50%, recall 50%', 'Accuracy 5%, recall 100%', 'Accuracy 95%, recall 95%'],
				correct: 0,
				explanation: r`It calls all 2,000 test points negative: the 1,900 negatives are right (accuracy $1900/2000 = 95\%$) and all 100 positives are missed (recall $0/100 = 0$). Precision is $0/0$, reported as 0. The confusion matrix has an empty "predicted positive" column.`,
				tryIt: 'Share of positives: 5, then switch on "Always predict the majority class" and read the confusion matrix and the bars.'
			},
			thresholdZero: {
				prompt: 'Share of positives 20%. You set the threshold to 0. What are recall, precision and specificity?',
				options: [
					'Recall 1, precision 0.2, specificity 0',
					'Recall 0, precision 1, specificity 1',
					'Recall 1, precision 1, specificity 1',
					'All three stay as they were'
				],
				correct: 0,
				explanation: r`Every score is at least 0, so every point is flagged: all positives are found (recall 1), every negative is a false positive (specificity 0), and the flagged points are as mixed as the data (precision = prevalence = 0.2). It is the $(1, 1)$ corner of the ROC curve and the right end of the PR curve.`,
				tryIt: 'Share of positives: 20, threshold: 0.'
			},
			thresholdUp: {
				prompt: 'You raise the threshold from 0.5 to 0.8. What happens on the ROC chart?',
				options: [
					'The dot moves down and to the left along the same curve; the AUC does not change',
					'The dot moves up and to the right; the AUC rises',
					'The whole curve shifts down and the AUC falls',
					'Nothing: the threshold is not part of the ROC curve'
				],
				correct: 0,
				explanation: r`A higher threshold flags fewer points, so both TP and FP can only fall: TPR and FPR shrink, and the dot moves towards $(0, 0)$. The curve itself is every threshold at once, so it, and its area, stay the same. Nothing retrains: only the counting changes.`,
				tryIt: 'Threshold: 0.8 (then move it back and forth and watch the dot on the ROC curve).'
			},
			aucVsAp: {
				prompt: 'Keep the class spread and change the share of positives from 50% to 1%. What happens to ROC AUC and to average precision?',
				options: [
					'Both fall sharply',
					'AUC stays about the same; AP falls sharply',
					'AUC falls sharply; AP stays about the same',
					'Both stay about the same'
				],
				correct: 1,
				explanation: r`The classes overlap just as before, so the ranking within each class, and with it the ROC curve, hardly changes (AUC about 0.95). But now there are 99 negatives per positive: the same false-positive rate produces many more false alarms relative to the few positives, so precision, and AP, drop (here from about 0.95 to roughly 0.4–0.5).`,
				tryIt: 'Share of positives: 1, then compare the ROC AUC and AP read-outs with share 50.'
			},
			stratified: {
				prompt: '99:1 data, k = 10 folds, stratification off, fold metric recall. What do the per-fold scores look like?',
				options: [
					'All about equal, with a small standard deviation',
					'Scattered: some folds have no positives at all, so their recall is 0 or undefined',
					'All exactly 1',
					'Cross-validation refuses to run'
				],
				correct: 1,
				explanation: r`The training set holds only 10 positives. Dealt out at random, some folds get two or three and others none; a fold without positives has recall $0/0$. Turn stratification on and every fold gets exactly one positive: the folds are comparable, though one positive per fold still makes recall jump between 0 and 1, a sign that this fold metric needs more positives.`,
				tryIt: 'Share of positives: 1, folds k: 10, stratified folds: off, fold metric: recall; then switch stratification on.'
			}
		}
	}
} satisfies L04Text;
