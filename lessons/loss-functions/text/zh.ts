import { blocks, bullets, type L03Text } from './types';

const r = String.raw;
/** Inline code in Prose. */
const c = (code: string) => `\`${code}\``;

/** Lesson L03's text in Simplified Chinese. */
export const zh = {
	title: '损失函数',
	lead: blocks(
		r`损失函数把“模型在这个样本上错了多少”变成一个数 $\mathcal{L}(\hat y, y)$，训练就是最小化它在数据上的平均值。梯度下降从不直接看损失本身，只看它的梯度：每个样本朝哪个方向、以多大的力度拉动参数。`,
		r`因此，损失的选择决定了模型最终预测的是什么（均值、中位数还是概率），单个异常样本能把模型拖偏多少，以及模型错得离谱时梯度是否仍然有用。本课把每种损失和它的梯度画在一起；在你添加离群点的同时，用三种损失对同一组点拟合三条直线；最后说明为什么用平方误差训练 sigmoid 分类器会卡住。`
	),
	axes: {
		error: '误差 ŷ − y',
		loss: '损失',
		gradient: '梯度 ∂L/∂ŷ',
		probability: '预测概率 p',
		gradientProb: '梯度 ∂L/∂p',
		logit: 'logit z',
		gradientLogit: '梯度 ∂L/∂z',
		margin: '间隔 m = t·s',
		gradientMargin: '梯度 ∂L/∂m',
		step: '训练步数',
		slope: '斜率 a',
		x: '横坐标 x',
		y: '纵坐标 y'
	},
	controls: {
		delta: {
			label: 'Huber 阈值 δ',
			help: '小于 δ 的误差按平方惩罚（同 MSE），大于 δ 的按线性惩罚（同 MAE）。曲线图和 Huber 拟合都使用它。'
		},
		gamma: { label: 'Focal γ', help: 'Focal 损失的聚焦参数；γ = 0 时就是普通交叉熵。' },
		k: { label: '类别数 K', help: 'softmax 的类别数；其余 K − 1 个 logit 固定为 0。' },
		z: { label: 'Logit z', help: 'sigmoid 单元的输入；输出为 p = σ(z)，目标为 1。' },
		out: { label: '预设离群点个数', help: '在 x 较大处、远低于直线的位置放置的离群点数量（“添加离群点”按钮每次加一个）。' },
		noise: { label: '噪声', help: '干净数据点上高斯噪声的标准差，单位与 y 相同。' },
		lr: { label: '学习率 η₀', help: '三条拟合线的初始梯度下降步长。MAE 与 Huber 的步长按 η₀ / (1 + t/τ) 逐渐减小；每次编辑后重新开始。超过 2 时 MSE 拟合会发散。' },
		spf: { label: '每帧步数', help: '两次重绘之间执行的梯度下降步数。' },
		seed: { label: '随机种子', help: '数据点和离群点的随机种子：种子相同，数据就相同。' }
	},
	models: { mse: 'MSE', mae: 'MAE', huber: 'Huber' },
	regression: {
		intro: blocks(
			r`在回归任务中，模型预测一个数 $\hat y$，我们通过误差 $e = \hat y - y$ 把它与目标 $y$ 比较。三种标准损失的区别只在于它们随 $|e|$ 增长的方式，因而梯度也不同：`,
			bullets(
				r`**均方误差（MSE）** $e^2$：按平方增长，梯度 $2e$ 无上界。距离远一倍的点，拉力也大一倍。`,
				r`**平均绝对误差（MAE）** $|e|$：线性增长，无论误差多大，梯度 $\operatorname{sign}(e)$ 都是 $\pm 1$：每个点的拉力都一样大。`,
				r`**Huber 损失**（阈值 $\delta$）：$|e| \le \delta$ 时为平方，超出后为线性。它的梯度是把 $e$ 截断到 $[-\delta, \delta]$：误差小时像 MSE，误差大时像 MAE。`
			)
		),
		losses: {
			mse: {
				fullName: '均方误差（L2 损失）',
				formulaTex: r`\mathcal{L} = e^{2}`,
				gradientTex: r`\frac{\partial \mathcal{L}}{\partial \hat y} = 2e`,
				minimiser: r`目标值的**均值**`,
				outliers: r`敏感：离群点的平方误差主导总和，而且离得越远拉力越大。`
			},
			mae: {
				fullName: '平均绝对误差（L1 损失）',
				formulaTex: r`\mathcal{L} = |e|`,
				gradientTex: r`\frac{\partial \mathcal{L}}{\partial \hat y} = \operatorname{sign}(e)`,
				minimiser: r`目标值的**中位数**`,
				outliers: r`稳健：远处离群点的拉力并不比近处的点大；但梯度在最优点附近不会变小，且在 $e = 0$ 处不可导。`
			},
			huber: {
				fullName: 'Huber 损失（平滑 L1）',
				formulaTex: r`\mathcal{L}_\delta = \begin{cases} \tfrac12 e^{2} & |e| \le \delta \\ \delta\bigl(|e| - \tfrac12\delta\bigr) & |e| > \delta \end{cases}`,
				gradientTex: r`\frac{\partial \mathcal{L}_\delta}{\partial \hat y} = \operatorname{clip}(e,\ -\delta,\ \delta)`,
				minimiser: r`介于中位数和均值之间，由 $\delta$ 决定`,
				outliers: r`**稳健**：离群点的拉力被限制在 $\delta$ 以内，而小误差仍保留 MSE 那种平滑、逐渐变小的梯度。`
			}
		},
		chart: {
			title: '回归损失',
			description: 'MSE、MAE 与 Huber 损失随误差 ŷ − y 的变化。Huber 使用下方设置的阈值 δ，超出 ±δ 后线性增长。'
		},
		gradChart: {
			title: '它们的梯度',
			description: '各损失对预测值的导数：MSE 的梯度无上界，MAE 的恒为 ±1，Huber 的被限制在 ±δ 以内。'
		},
		deltaNote: r`拖动 $\delta$，观察 Huber 曲线：$\delta$ 很大时几乎所有误差都算“小”，Huber 就相当于 $\tfrac12$ MSE（$\delta \to \infty$ 时趋于 $\tfrac12 e^2$）；$\delta$ 很小时它是按比例缩放的 MAE（$\delta \to 0$ 时 $\mathcal{L}_\delta / \delta \to |e|$）。好的 $\delta$ 应接近正常噪声的大小：噪声能解释的误差按平方处理，更大的误差则被当作可能的离群点。`,
		robustness: blocks(
			r`**稳健性是梯度的性质。** 有 $N$ 个点时，每个点都为参数更新贡献自己的一份梯度。在 MSE 下，误差为 10 的点的拉力是误差为 1 的点的十倍，所以一个严重的离群点就可能压过几十个正常点。在 Huber 和 MAE 下，它的拉力有上限（$\delta$ 或 1），与其他同方向偏离的点分量相当。`,
			r`统计学里是同一件事：使 $\sum_i (y_i - c)^2$ 最小的常数 $c$ 是均值，一个极端值就能把它拉到任意远；使 $\sum_i |y_i - c|$ 最小的是中位数，它根本不在乎极端值有多极端。Huber 的估计介于两者之间。`
		),
		frameworks: blocks(
			'不同框架的约定并不一样，比较数值之前先确认：',
			bullets(
				r`TensorFlow.js 的 ${c('tf.losses.meanSquaredError')} 对 $e^2$ 取平均，前面没有 $\tfrac12$（Keras 和 PyTorch 的 ${c('MSELoss')} 也一样）；${c('tf.losses.absoluteDifference')} 对 $|e|$ 取平均。`,
				r`${c('tf.losses.huberLoss(labels, predictions, weights, delta)')} 使用的正是上面的公式，参数 ${c('delta')} 就是阈值 $\delta$（默认 1.0）：阈值内为 $\tfrac12 e^2$，阈值外为 $\delta(|e| - \tfrac12\delta)$。PyTorch 的 ${c('HuberLoss(delta)')} 与之相同；而 ${c('SmoothL1Loss(beta)')} 等于 Huber 除以 $\beta$。`,
				r`归约方式：tfjs 的损失默认使用 ${c('Reduction.SUM_BY_NONZERO_WEIGHTS')}，即把（加权）总和除以非零权重的个数，不给权重时就是普通平均；${c('Reduction.MEAN')} 改为除以权重之和，${c('SUM')} 不做除法，${c('NONE')} 返回每个元素各自的损失。`
			)
		),
		table: { name: '损失', formula: '单点损失', gradient: '梯度', minimiser: '最优常数预测', outliers: '面对离群点' }
	},
	classification: {
		intro: r`分类器输出的是概率，最自然的损失是真实标签的**负对数似然**：模型看到正确答案时有多“意外”。对单个二元标签 $y \in \{0, 1\}$ 和预测的正类概率 $p = \sigma(z)$，这就是二元交叉熵（BCE）：`,
		bceTex: r`\mathcal{L}_{\text{BCE}}(p, y) = -\bigl[\,y \log p + (1 - y)\log(1 - p)\,\bigr], \qquad \frac{\partial \mathcal{L}}{\partial p} = \frac{p - y}{p(1 - p)}`,
		bce: blocks(
			r`当 $y = 1$ 时只剩 $-\log p$：$p = 1$ 时为 0，$p = 0.5$ 时为 $\log 2 \approx 0.69$，$p \to 0$ 时趋于无穷。自信的错误答案会受到无上限的惩罚，此处对 $p$ 的梯度同样会爆炸。`,
			r`与 sigmoid 复合之后，两处发散恰好抵消：$\partial \mathcal{L} / \partial z = p - y$，有界于 $(-1, 1)$，并且模型错得越离谱它越大。这就是框架接收 **logit** 而非概率的原因：${c('tf.losses.sigmoidCrossEntropy')} 计算的是 $\max(z, 0) - zy + \log(1 + e^{-|z|})$，既不会对 0 取对数，也不会溢出。`
		),
		bceChart: {
			title: '二元交叉熵',
			description: '损失随预测正类概率的变化：正样本（y = 1）、负样本（y = 0），以及正样本的 focal 损失。'
		},
		bceGradChart: {
			title: 'BCE 对 p 的梯度',
			description: '各曲线的 ∂L/∂p：预测越接近错误的一端，梯度越大，没有上界。（对 logit 的梯度则就是 p − y。）'
		},
		legendPositive: '正样本（y = 1）的 BCE：−log p',
		legendNegative: '负样本（y = 0）的 BCE：−log(1 − p)',
		legendFocal: '正样本的 focal 损失，γ = {gamma}',
		focal: r`**Focal 损失**把 BCE 乘以 $(1 - p_t)^\gamma$，其中 $p_t$ 是模型给真实类别的概率。已经分对的样本（$p_t$ 接近 1）几乎失去全部损失，于是在严重不平衡的问题中（例如目标检测里大量的背景区域），海量的简单样本不再淹没少数困难样本。取 $\gamma = 2$ 时，$p_t = 0.9$ 的样本只保留 1% 的 BCE，$p_t = 0.1$ 的样本保留 81%。$\gamma = 0$ 就是普通 BCE。`,
		focalTex: r`\mathcal{L}_{\text{focal}} = -(1 - p_t)^{\gamma} \log p_t`,
		crossEntropy: r`有 $K$ 个互斥类别时，softmax 把 logit $z_1, \dots, z_K$ 变成概率，**交叉熵**（CE）就是真实类别概率的 $-\log$。它的梯度仍然是“预测减目标”，对 one-hot 的 $y$ 即 $p - y$。下面的图沿真实类别的 logit $z$ 变化，其余 $K - 1$ 个 logit 保持为 0：$z = 0$ 时各类等可能，损失为 $\log K$；$K = 2$ 时恰好就是作用在 logit 上的 BCE。`,
		crossEntropyTex: r`\mathcal{L}_{\text{CE}} = -\sum_{k=1}^{K} y_k \log p_k = -\log p_{\text{true}}, \qquad p = \operatorname{softmax}(z), \qquad \frac{\partial \mathcal{L}}{\partial z_k} = p_k - y_k`,
		ceChart: {
			title: 'K 类交叉熵',
			description: '损失随真实类别 logit z 的变化（其余 K − 1 个 logit 为 0），分别画出所选 K 与 K = 2（二元交叉熵）的情形。'
		},
		ceGradChart: {
			title: '交叉熵对真实类别 logit 的梯度',
			description: 'p_true − 1：真实类别得分很低时接近 −1，随着它胜出逐渐减小到 0。'
		},
		legendClasses: 'K = {k}',
		uniformReadout: 'z = 0、K = {k} 时：损失 = log K = {value}',
		margin: blocks(
			r`支持向量机这类分类器使用标签 $t \in \{-1, +1\}$ 和得分 $s$，看的是**间隔** $m = t \cdot s$：符号正确时为正，正确且留有余地时很大。我们真正想要的 0–1 损失（错一个记 1，否则记 0）无法用于训练：它的梯度几乎处处为 0。所以改为最小化一个凸的*替代损失*：`,
			bullets(
				r`**合页损失（hinge）** $\max(0, 1 - m)$（SVM），它是 0–1 损失的上界：样本一旦以至少 1 的间隔落在正确一侧，损失和梯度就都为 0；只有靠近或越过边界的样本（支持向量）还在施加拉力。`,
				r`**逻辑损失（logistic）** $\log(1 + e^{-m})$：用间隔写出的二元交叉熵。它永远不会恰好为 0，所以自信且正确的样本仍有一点拉力，得分也保留了概率含义。`
			)
		),
		marginTex: r`\mathcal{L}_{\text{hinge}} = \max(0,\ 1 - m), \qquad \mathcal{L}_{\text{logistic}} = \log\bigl(1 + e^{-m}\bigr), \qquad m = t\, s`,
		marginNames: { zeroOne: '0–1 损失', hinge: '合页损失 hinge', logistic: '逻辑损失（BCE）' },
		marginChart: {
			title: '间隔损失',
			description: '0–1 损失及两种凸替代损失（合页损失与逻辑损失）随间隔 m = t·s 的变化（正值表示分在正确一侧）。'
		},
		marginGradChart: {
			title: '间隔损失的梯度',
			description: '合页损失：间隔达到 1 之前为 −1，之后恰为 0。逻辑损失：−1/(1 + e^m)，永不为 0。0–1 损失：完全没有梯度。'
		},
		kl: blocks(
			r`**KL 散度**衡量模型分布 $q$ 与目标分布 $p$ 相差多远。交叉熵可以拆成目标分布自身的熵加上这个散度，所以目标固定时，最小化交叉熵与最小化 KL 散度是一回事；目标为 one-hot 时 $H(p) = 0$，两者完全相等。KL 散度总是 $\ge 0$，只有 $q = p$ 时为 0，而且不对称。当目标本身就是一个分布时，它是首选的损失：知识蒸馏（教师模型给出的软标签）、变分自编码器的正则项，以及强化学习中对策略变化的约束。`
		),
		klTex: r`H(p, q) = -\sum_k p_k \log q_k = H(p) + \mathrm{KL}(p \,\|\, q), \qquad \mathrm{KL}(p \,\|\, q) = \sum_k p_k \log \frac{p_k}{q_k} \ \ge 0`
	},
	outliers: {
		intro: r`这里有 30 个点，带高斯噪声地分布在虚线 $y = 0.6x + 2$ 附近。同时对它们拟合三条直线 $y = a x + b$：一条最小化平均 MSE，一条最小化平均 MAE，一条最小化平均 Huber 损失（使用上面的 $\delta$）。添加离群点，看看哪条线会被拉走。`,
		method: r`三个拟合作为一个带前置“模型轴”的模型一起运行：一个参数张量 $P \in \mathbb{R}^{3 \times 2}$ 存放三条直线的 $(a, b)$，每一步梯度下降一次算出三行残差 $R = P X - y$，分别套用各损失的梯度（三行依次为 $2R$、$\operatorname{sign}(R)$、$\operatorname{clip}(R, -\delta, \delta)$），再用手写的梯度更新 $P$。模型内部对 $x$ 做了标准化，使同一个学习率适用于任何数据；步长逐渐衰减，让 MAE 那种大小恒定的梯度能够稳定下来，而不是在最优点附近来回抖动。每次编辑数据后，拟合从当前的直线出发重新开始。由于 $x$ 已标准化，MSE 每走一步，直线的误差就乘以 $1 - \eta_0$：$\eta_0 < 2$ 时 MSE 拟合收敛（$\eta_0 = 1$ 时一步就落到最小二乘直线上）；超过 2 时，每一步越过最优直线的幅度都比原来的偏差还大，拟合随之发散；$\eta_0 = 10$ 时误差每步放大 9 倍，训练以“发散”状态停止。MAE 与 Huber 的梯度有界（分别不超过 1 和 $\delta$），步长又在衰减，所以它们只会越过头再回来，最终稳定下来。`,
		chart: {
			title: '同一组点的三种拟合',
			description: '数据点（离群点为红色）、真实直线 y = 0.6x + 2（虚线），以及在 MSE、MAE、Huber 下拟合出的直线。点击图中空白处添加点，拖动点可移动它。'
		},
		slopeChart: {
			title: '训练过程中的拟合斜率',
			description: '每个记录步上三条拟合直线的斜率 a；虚线是真实斜率 0.6。'
		},
		trueLine: '真实直线 y = 0.6x + 2',
		classPoint: '数据点',
		classOutlier: '离群点',
		addOutlier: '添加离群点',
		resetPoints: '重置数据点',
		editHint: '点击图中空白处添加一个点（按住 Shift 点击则添加离群点）；拖动某个点即可移动它。直线会立即重新拟合。',
		table: { model: '损失', slope: '斜率 a', intercept: '截距 b', loss: '平均损失' },
		fitting: '拟合中…',
		settled: '已收敛',
		pointCount: '共 {n} 个点，其中预设离群点 {out} 个',
		diverged: '{fits} 拟合发散了，训练因此停止：学习率超过 2 时，MSE 每一步越过最优直线的幅度都比原来的偏差还大（误差每步放大 |1 − η₀| 倍，η₀ = 10 时为 9 倍）。MAE 与 Huber 的梯度有界，只会越过头再回来，最终稳定下来。请把 η₀ 调到 2 以下，然后重置。',
		why: blocks(
			r`在最右侧加入三个离群点后，MSE 直线明显向下倾斜：它们的平方误差太大，以至于把整条线拉向它们、哪怕让其他所有点都变差，总和仍然更小。MAE 直线几乎不动，Huber 直线也紧随其后：超出 $\delta$ 之后，每个离群点的拉力固定为 $\delta$，无论它离得多远。这正是“**Huber 损失对离群点稳健**”的含义：它比 MSE 更不敏感，而不是更敏感。`,
			r`试试 $\delta = 10$：此时所有误差都算“小”，Huber 等于一半的 MSE，它的直线与 MSE 直线重合。再试试 $\delta = 0.1$：Huber 几乎就是按比例缩放的 MAE，直线跟随 MAE 直线。`
		),
		limits: r`稳健损失限制的是*残差*大的点能施加多大的拉力；但 $x$ 方向上远离其他点的点（*高杠杆点*）仍然握着一根长杠杆，这样的点足够多时，连 MAE 和 Huber 的直线也会倾斜（试试 10 个离群点）。如果相当一部分数据可能是错的，下一步应考虑崩溃点高的方法，例如 RANSAC、Theil–Sen 估计或最小截尾二乘。`
	},
	saturation: {
		intro: r`为什么不用平方误差训练分类器？取一个 sigmoid 输出 $p = \sigma(z)$ 和一个正样本（目标 $y = 1$），比较两种损失传到 logit $z$ 上的梯度（平方误差前照例乘以 $\tfrac12$）：`,
		mseGradTex: r`\frac{\partial}{\partial z}\,\tfrac12 (p - y)^2 = (p - y)\, p\,(1 - p)`,
		bceGradTex: r`\frac{\partial}{\partial z}\,\mathcal{L}_{\text{BCE}} = p - y`,
		gradChart: {
			title: 'logit 处的梯度：MSE 与 BCE',
			description: '目标为 1 的 sigmoid 输出在平方误差和二元交叉熵下的 ∂L/∂z。竖线标出所选的 z。'
		},
		lossChart: {
			title: '两种损失随 logit 的变化',
			description: '平方误差 ½(σ(z) − 1)² 在 z 很负时趋于平稳，停在 ½；二元交叉熵则继续（近似线性地）增长。'
		},
		legendMse: '平方误差 MSE：½(p − y)²',
		legendBce: 'BCE',
		readout: 'z = {z}：p = {p}，MSE 梯度 = {mse}，BCE 梯度 = {bce}',
		ratio: 'BCE 梯度 / MSE 梯度 = {ratio}',
		explanation: blocks(
			r`平方误差的梯度多出一个因子 $\sigma'(z) = p(1 - p) \le \tfrac14$。当单元**自信地犯错**时（目标为 1，$z$ 很负，$p \approx 0$），这个因子几乎为 0，于是梯度恰恰在模型最需要改变的时候消失了：$z = -8$ 时它约为 $-3 \times 10^{-4}$，而 BCE 的梯度约为 $-1$。它的最大幅度也只有 $4/27 \approx 0.15$（在 $p = 1/3$ 处）。平方误差本身也饱和在 $\tfrac12$，所以自信的错误几乎不比犹豫的错误代价更高。`,
			r`使用 BCE 时，$\log$ 抵消了 sigmoid 的平坦，梯度就是 $p - y$：自信犯错时约为 $-1$，随着预测变对平滑地减小到 0。再加上 BCE 正是伯努利标签的负对数似然（其最小值点就是真实的类别概率），这就是分类任务使用交叉熵的原因。对概率的平方误差（Brier 分数）作为衡量校准程度的*指标*仍然很好用。`
		)
	},
	choosing: {
		intro: r`无论你是否这样想，一个损失函数都是某种噪声模型的负对数似然：MSE 假设高斯噪声，MAE 假设拉普拉斯噪声，BCE 对应伯努利标签，CE 对应类别分布。先从任务和输出层出发，再根据数据做调整：`,
		table: { task: '任务', output: '输出层', loss: '损失', why: '理由' },
		rows: {
			regression: {
				task: '回归，噪声大致服从高斯分布',
				output: '线性输出',
				loss: 'MSE',
				why: '高斯噪声下的最大似然；预测条件均值；梯度平滑。'
			},
			robust: {
				task: '含离群点或重尾噪声的回归',
				output: '线性输出',
				loss: r`Huber（或 MAE）`,
				why: r`限制每个点的拉力；MAE 预测中位数。$\delta$ 取在正常噪声水平附近。`
			},
			binary: {
				task: '二分类',
				output: r`一个 logit（sigmoid）`,
				loss: '作用于 logit 的二元交叉熵',
				why: r`伯努利似然；自信犯错时梯度 $p - y$ 不会消失。`
			},
			multiclass: {
				task: 'K 类中选一类',
				output: r`K 个 logit（softmax）`,
				loss: '作用于 logit 的交叉熵',
				why: r`类别分布的似然；从 logit 出发用 log-sum-exp 计算。`
			},
			multilabel: {
				task: '多标签（可同时属于多个标签）',
				output: r`K 个 logit，各接一个 sigmoid`,
				loss: '每个标签一个 BCE，再取平均',
				why: '各标签是相互独立的是非题；softmax 会强迫它们互相竞争。'
			},
			imbalanced: {
				task: '类别不平衡',
				output: r`sigmoid 或 softmax`,
				loss: '类别加权交叉熵或 focal 损失',
				why: '避免多数类主导梯度；用召回率、精确率和 PR 曲线而不是准确率来评判结果。'
			},
			margin: {
				task: '大间隔分类器',
				output: '原始得分',
				loss: '合页损失 hinge',
				why: '只有间隔内的样本（支持向量）起作用；得分不是概率。'
			},
			distributions: {
				task: '拟合一个分布（知识蒸馏、VAE）',
				output: r`softmax 或分布的参数`,
				loss: 'KL 散度',
				why: '目标是一整个分布，而不是单个标签。'
			}
		},
		imbalance: r`**类别不平衡。** 如果每 1 个正样本对应 99 个负样本，普通交叉熵主要靠把负样本分对来降低，少数类对梯度几乎没有影响。两种常用对策：给每个类别的损失项加权，常按频率的倒数（$w_k \propto 1/n_k$，即 PyTorch ${c('BCEWithLogitsLoss')} 中的 ${c('pos_weight')}）；或使用上面的 focal 损失，它不分类别地降低简单样本的权重。第三种做法是对数据重采样。无论采用哪种，都要用能看见少数类的指标来选择判定阈值、评价模型（见第 L04 课）。`,
		weightedTex: r`\mathcal{L}_{\text{weighted}} = -\sum_{k=1}^{K} w_k\, y_k \log p_k`,
		beyond: r`你还会遇到的其他损失：标签平滑（把真实类别的一小部分概率 $\varepsilon$ 平均分给所有类别，再对这个目标求交叉熵，以抑制过度自信的 logit）、用于嵌入学习的对比损失与三元组损失、用于预测区间的分位数（pinball）损失、用于分割的 Dice/IoU 损失，以及 GAN 的对抗损失（第 L14 课）。`
	},
	interview: {
		question: '深度学习中的损失函数有哪些类型？如何选择？',
		answer: blocks(
			'损失函数衡量预测与目标之间的差距，而训练模型靠的是它的梯度。选择取决于任务类型和数据中的噪声：',
			bullets(
				r`**回归：** 默认用 MSE $\frac1N\sum (\hat y - y)^2$（对应高斯噪声，预测均值）。MAE $\frac1N\sum|\hat y - y|$ 预测中位数，对离群点稳健，但梯度大小恒定。**Huber** 在阈值 $\delta$ 以内是平方、以外是线性，因此在最优点附近平滑，并且**对离群点稳健**：离群点的梯度被限制在 $\delta$ 以内。`,
				r`**二分类与多标签分类：** sigmoid 输出配合二元交叉熵，从 logit 计算。`,
				r`**多分类：** softmax 配合交叉熵 $-\log p_{\text{true}}$，从 logit 计算（log-sum-exp）；它对 logit 的梯度为 $p - y$。`,
				r`**分类不要用 MSE：** 在 sigmoid 输出上，它的梯度等于 BCE 的梯度乘以 $\sigma'(z) \le \tfrac14$，模型自信犯错时梯度消失；而且它也不是类别标签的似然。`,
				r`**类别不平衡：** 类别加权交叉熵或 focal 损失，并配合能反映少数类的评价指标。`,
				r`**其他：** 最大间隔分类器用合页损失；目标是一个分布时（知识蒸馏、VAE）用 KL 散度。`
			)
		),
		traps: {
			huberSensitive: {
				myth: 'Huber 损失对离群点敏感',
				fact: r`恰恰相反：人们用 Huber *正是因为*它稳健。超过 $\delta$ 后它线性增长，离群点的梯度被限制在 $\delta$，而不像 MSE 那样随误差增长。在离群点实验中，MSE 直线明显倾斜，Huber 直线几乎不动。`
			},
			mseClassification: {
				myth: '分类任务用 MSE 也一样好',
				fact: r`在 sigmoid 或 softmax 输出上，它的梯度要乘以激活函数的斜率，而模型自信犯错时这个斜率几乎为 0，于是学习恰好在本该最快的地方停滞。交叉熵的梯度则是 $p - y$。`
			},
			maeAlwaysBetter: {
				myth: 'MAE 稳健，所以总比 MSE 好',
				fact: r`MAE 预测的是中位数而不是均值，而且它的梯度直到最优点都是 $\pm 1$，梯度下降需要衰减步长才能稳定下来。噪声为高斯且没有离群点时，MSE 是更有效的选择；Huber 兼得两者的大部分优点。`
			},
			probabilitiesIn: {
				myth: '先做 softmax（或 sigmoid），再对概率取对数求交叉熵',
				fact: r`一旦概率下溢为 0，它的 $\log$ 就是 $-\infty$。应把 logit 交给框架的融合损失（${c('tf.losses.softmaxCrossEntropy')}、${c('sigmoidCrossEntropy')}），它们用 log-sum-exp 计算，既精确又稳定。`
			},
			accuracyLoss: {
				myth: '关心准确率，就直接用准确率训练',
				fact: r`准确率（0–1 损失）是分段常数函数，梯度几乎处处为 0。应在可导的替代损失（交叉熵、合页损失）上训练，再选择判定阈值，报告准确率或 F1。`
			},
			imbalance: {
				myth: '类别不平衡不需要改动损失函数',
				fact: r`在 99:1 的划分下，多数类主导了平均梯度，而且总是预测多数类就能得到 99% 的准确率。应给类别加权（按频率倒数、${c('pos_weight')}），使用 focal 损失或重采样，并用召回率、精确率和 PR 曲线来评估。`
			}
		}
	},
	selfCheck: {
		intro: '先预测答案，再设置控件，用上面的组件验证。',
		setControls: '设置这些控件',
		questions: {
			outliers: {
				prompt: '从干净的数据点出发，在 x 较大处、远低于直线的位置加入三个离群点（δ = 1）。哪条拟合线的斜率变化最大？',
				options: ['MSE', 'MAE', 'Huber', '三条变化一样大'],
				correct: 0,
				explanation: r`离群点的平方误差（每个约 40）主导了 MSE 的总和，MSE 直线便向它们倾斜：在默认数据上，斜率从约 0.64 降到约 0.37。它们对 Huber 直线的拉力每个最多为 $\delta = 1$，对 MAE 直线最多为 1，所以这两条线的斜率只变化约 0.05 或更少。`,
				tryIt: '预设离群点个数：3，Huber 阈值 δ：1。比较表格中的斜率和斜率曲线图。'
			},
			bigDelta: {
				prompt: '保留三个离群点，把 δ 提高到 10。Huber 直线会去哪里？',
				options: ['仍与 MAE 直线在一起', '与 MSE 直线重合', '变成水平线'],
				correct: 1,
				explanation: r`现在所有误差都小于 $\delta$，每个点的 Huber 损失都是 $\tfrac12 e^2$：恰好是一半的 MSE，最小值点相同，斜率也与 MSE 相同。阈值比离群点的误差还大，就完全放弃了稳健性。`,
				tryIt: '预设离群点个数：3，Huber 阈值 δ：10。'
			},
			smallDelta: {
				prompt: '保留离群点，把 δ 降到 0.1。此时 Huber 跟随哪条线？',
				options: ['MSE 直线', '（几乎就是）MAE 直线', '都不跟随：它不再收敛'],
				correct: 1,
				explanation: r`$\delta = 0.1$ 时几乎所有误差都超过 $\delta$，那里的 Huber 损失是 $\delta(|e| - \tfrac12\delta)$，即按比例缩放的 MAE。它的最小值点靠近类似中位数的 MAE 直线（默认数据上斜率约 0.59，MAE 为 0.60）。`,
				tryIt: '预设离群点个数：3，Huber 阈值 δ：0.1。'
			},
			saturation: {
				prompt: '一个目标为 1 的 sigmoid 单元输出 p = σ(−8) ≈ 0.0003：自信地犯了错。在 MSE 和 BCE 下，它的 logit 处梯度各有多大？',
				options: ['都约为 −1', 'MSE 约为 −0.0003，BCE 约为 −1', 'MSE 约为 −1，BCE 约为 −0.0003', '都约为 0'],
				correct: 1,
				explanation: r`MSE 的梯度 $(p - 1)\,p\,(1 - p)$ 含有因子 $p \approx 3.4 \times 10^{-4}$，因此约为 $-3.4 \times 10^{-4}$：几乎没有学习信号。BCE 的梯度是 $p - 1 \approx -1$，已达到最大幅度。两者相差约 3000 倍。`,
				tryIt: 'Logit z：−8。读取饱和图下方的两个梯度。'
			},
			uniform: {
				prompt: '有 K = 10 个类别、所有 logit 都为 0 时，交叉熵是多少？真实类别 logit 处的梯度又是多少？',
				options: ['损失 0，梯度 0', '损失 log 10 ≈ 2.30，梯度 −0.9', '损失 1，梯度 −1', '损失 10，梯度 −10'],
				correct: 1,
				explanation: r`十个概率都是 $0.1$，所以损失为 $-\log 0.1 = \log 10 \approx 2.30$ 纳特，即均匀瞎猜的损失；梯度为 $p_{\text{true}} - 1 = -0.9$。刚初始化的分类器应当从 $\log K$ 附近起步；起始损失大得多，通常说明初始 logit 的尺度不对。`,
				tryIt: '类别数 K：10。在交叉熵图上读取 z = 0 处的值。'
			},
			focal: {
				prompt: 'γ = 2 的 focal 损失：简单正样本（p = 0.9）和困难正样本（p = 0.1）各保留多少 BCE？',
				options: ['都保留 100%', '简单的 1%，困难的 81%', '简单的 81%，困难的 1%', '都保留 25%'],
				correct: 1,
				explanation: r`调制因子是 $(1 - p)^2$：简单样本为 $0.1^2 = 0.01$，困难样本为 $0.9^2 = 0.81$。简单样本几乎从总和中消失，大量简单负样本便不再淹没少数困难样本。`,
				tryIt: 'Focal γ：2。在 p = 0.9 和 p = 0.1 处比较 focal 曲线与 y = 1 的 BCE 曲线。'
			}
		}
	}
} satisfies L03Text;
