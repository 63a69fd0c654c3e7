import { blocks, bullets, type L02Text } from './types';

const r = String.raw;

/** Lesson L02's text in Simplified Chinese. */
export const zh = {
	title: '激活函数与梯度消失',
	lead: blocks(
		r`一层神经网络计算 $h = f(Wx + b)$，其中激活函数 $f$ 是唯一的非线性部分。去掉它，两层网络就变成 $W_2(W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2)$，仍然只是一个线性映射。叠一百层线性层，表达能力也不会超过一层；用它们搭出的分类器只能画出直线形状的决策边界。`,
		r`激活函数的选择还决定了梯度在深层网络中反向传播时的命运：是顺利到达、逐渐消失，还是急剧爆炸。本课让你亲眼看到这两种情况。`
	),
	axes: {
		input: '输入 x',
		output: '函数值 f(x) 与导数 f′(x)',
		class: '类别',
		probability: '概率',
		step: '训练步数',
		layer: '层',
		gradNorm: '梯度范数（对数坐标）',
		loss: '损失',
		deadShare: '死亡单元占比'
	},
	controls: {
		act: { label: '激活函数', help: '在曲线图中高亮显示，并用于加深实验中的每一个隐藏层。' },
		alpha: { label: 'Leaky ReLU 斜率 α', help: 'Leaky ReLU 在输入为负时的斜率。' },
		temp: { label: '温度 T', help: 'softmax 之前先把 logits 除以 T：T 越小分布越尖锐，T 越大分布越平坦。' },
		logit: { label: '第 {i} 个 logit', help: '类别 {i} 进入 softmax 之前的原始得分。试试输入 1000 这样的大数。' },
		depth: { label: '隐藏层数', help: '输入与输出单元之间的隐藏层数量（2–20）。' },
		width: { label: '每层单元数', help: '每个隐藏层的神经元个数。' },
		init: { label: '初始化', help: '训练开始前权重的随机取值方式。' },
		lr: { label: '学习率', help: 'SGD 的步长：w ← w − lr · ∂L/∂w。过大时损失剧烈跳动，ReLU 单元也会死亡。' },
		data: { label: '数据集', help: '网络要学习的二维二分类问题。' },
		spf: { label: '每帧步数', help: '两次重绘之间执行的训练步数；数值越大，屏幕上训练得越快。' },
		seed: { label: '随机种子', help: '数据与初始权重的随机种子：种子相同，训练过程就完全相同。' }
	},
	options: {
		init: {
			xavier: 'Xavier（Glorot）初始化',
			he: 'He（Kaiming）初始化',
			normal: '标准正态 N(0, 1)',
			small: '小方差 N(0, 0.01²)'
		},
		initHelp: {
			xavier: '方差为 2 /（输入数 + 输出数）：让 tanh 网络各层信号大小稳定，对 sigmoid 也大致适用。',
			he: '方差为 2 / 输入数：补偿 ReLU 把约一半输入置零造成的衰减。',
			normal: '方差固定为 1、与宽度无关：对较宽的层来说太大，信号和梯度会爆炸。',
			small: '标准差 0.01：太小，信号和梯度逐层缩小。'
		},
		data: { moons: '双月牙', circle: '同心圆', xor: '异或（XOR）', spiral: '双螺旋' }
	},
	curves: {
		intro: blocks(
			r`下面是最常见的六种激活函数及其导数 $f'(x)$。导数和函数本身同样重要：反向传播在每一层都要乘上 $f'$，函数变平坦（即*饱和*）的区域几乎不让梯度通过。`,
			bullets(
				r`**饱和型：** sigmoid 和 tanh 在 $|x|$ 较大时趋于水平，此处 $f'(x) \to 0$。`,
				r`**分段线性：** ReLU 与 Leaky ReLU 在 $x > 0$ 时斜率恰为 1，正半轴永不饱和。`,
				r`**平滑的类 ReLU 函数：** ELU 与 GELU 在正输入较大时接近 $x$，在零点以下平滑弯曲。`
			)
		),
		activations: {
			sigmoid: {
				name: 'Sigmoid',
				fullName: 'Logistic Sigmoid 函数',
				formulaTex: r`\sigma(x) = \frac{1}{1 + e^{-x}}`,
				derivativeTex: r`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) \le \tfrac{1}{4}`,
				rangeTex: r`(0,\ 1)`,
				pros: r`输出可解释为概率，因此是二分类和多标签分类的输出单元；处处光滑。`,
				cons: r`斜率最大只有 $1/4$（在 $x = 0$ 处），$|x| > 5$ 时几乎为 0，每经过一层 sigmoid 梯度都会缩小；输出不是零中心的；需要计算指数。`
			},
			tanh: {
				name: 'tanh',
				fullName: '双曲正切函数',
				formulaTex: r`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\,\sigma(2x) - 1`,
				derivativeTex: r`\tanh'(x) = 1 - \tanh^{2}(x) \le 1`,
				rangeTex: r`(-1,\ 1)`,
				pros: r`输出以零为中心，斜率最大为 1（是 sigmoid 的 4 倍），梯度能穿过更多层；RNN 与 LSTM 单元内部的常用选择。`,
				cons: r`仍会饱和：$|x| > 3$ 时斜率已小于 0.01，深层堆叠照样会丢失梯度；需要计算指数。`
			},
			relu: {
				name: 'ReLU',
				fullName: '修正线性单元',
				formulaTex: r`\operatorname{ReLU}(x) = \max(0,\ x)`,
				derivativeTex: r`\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}`,
				rangeTex: r`[0,\ \infty)`,
				pros: r`$x > 0$ 时斜率恰为 1，不会饱和；只需一次比较，无需指数运算；大量输出恰好为 0（稀疏激活）。`,
				cons: r`$x < 0$ 时梯度为 0：若某个单元对所有样本的输入都为负，它将永远停止学习（即*死亡* ReLU）；输出不是零中心的；在 0 处不可导（框架通常取 0）。`
			},
			leakyRelu: {
				name: 'Leaky ReLU',
				fullName: '带泄漏修正线性单元',
				formulaTex: r`\operatorname{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}`,
				derivativeTex: r`\operatorname{LeakyReLU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x < 0 \end{cases}`,
				rangeTex: r`(-\infty,\ \infty)`,
				pros: r`$x < 0$ 时保留一个小斜率 $\alpha$（常取 0.01），每个单元总能得到梯度，不会死亡；计算量与 ReLU 相同。`,
				cons: r`多了一个超参数（PReLU 则把 $\alpha$ 作为可学习参数）；相对 ReLU 的提升往往有限；负半轴无下界。`
			},
			elu: {
				name: 'ELU',
				fullName: '指数线性单元',
				formulaTex: r`\operatorname{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}`,
				derivativeTex: r`\operatorname{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\, e^{x} & x \le 0 \end{cases}`,
				rangeTex: r`(-\alpha,\ \infty)`,
				pros: r`$\alpha = 1$ 时在 0 处没有折角；负值输出把激活均值拉向零，通常能加快学习；负输入仍有梯度。`,
				cons: r`$x < 0$ 时要算指数，比 ReLU 慢；负半轴在 $-\alpha$ 处饱和。`
			},
			gelu: {
				name: 'GELU',
				fullName: '高斯误差线性单元',
				formulaTex: r`\operatorname{GELU}(x) = x\,\Phi(x) \approx \frac{x}{2}\Bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^{3})\bigr)\Bigr)`,
				derivativeTex: r`\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x), \qquad \varphi(x) = \frac{e^{-x^{2}/2}}{\sqrt{2\pi}}`,
				rangeTex: r`[\approx -0.17,\ \infty)`,
				pros: r`处处光滑：用 $\Phi(x)$（标准正态变量小于 $x$ 的概率）给 $x$ 加权；BERT、GPT 等 Transformer 模型的标准激活函数。`,
				cons: r`计算比 ReLU 贵（需要 $\operatorname{erf}$ 或 tanh 近似）；非单调：在 $x \approx -0.75$ 附近下探到约 $-0.17$。`
			}
		},
		chart: {
			title: '激活函数',
			description: '各激活函数 f(x) 在同一输入范围上的曲线；上方选中的激活函数会高亮显示。'
		},
		derivChart: {
			title: '它们的导数',
			description:
				'各激活函数的导数 f′(x)；上方选中的那一个会高亮显示。导数接近 0 的地方函数处于饱和区，几乎不向回传递梯度。Sigmoid 的导数从不超过 1/4。'
		},
		legendF: '函数 f(x)',
		legendDf: '导数 f′(x)',
		maxSlope: '最大斜率：{value}',
		alphaNote: r`$\alpha$ 滑块设置 Leaky ReLU 在负输入时的斜率。$\alpha = 0$ 时它就是普通 ReLU；$\alpha = 1$ 时它变成恒等函数，整个网络又退化为线性。ELU 的 $\alpha$ 是另一个参数（负半轴趋近的下限 $-\alpha$），图中的 ELU 采用常用取值 $\alpha = 1$。`,
		table: {
			name: '激活函数',
			formula: '定义',
			derivative: '导数',
			range: '值域',
			pros: '优点',
			cons: '缺点'
		}
	},
	softmax: {
		intro: r`有 $K$ 个互斥类别的分类器，最后一层输出 $K$ 个原始得分，即 logits $z_1, \dots, z_K$。softmax 把它们变成全为正、总和为 1 的概率。加入温度 $T > 0$ 时，先把 logits 除以 $T$：`,
		formulaTex: r`p_i = \operatorname{softmax}(z / T)_i = \frac{e^{z_i / T}}{\sum_{j=1}^{K} e^{z_j / T}}`,
		temperature: blocks(
			r`softmax 保持 logits 的大小顺序，且只关心它们之间的差值：给所有 $z_i$ 加上同一个常数，结果不变。`,
			bullets(
				r`$T = 1$：普通的 softmax。`,
				r`$T \to 0$：差值 $(z_i - z_j)/T$ 无限增大，输出趋向最大 logit 处的独热向量，也就是 argmax（若有并列最大值，则由它们平分概率）。`,
				r`$T \to \infty$：所有 $z_i / T$ 都趋于 0，输出趋向均匀分布，每类 $1/K$。`
			),
			r`语言模型“带温度采样”调的正是这个旋钮：$T$ 越低越接近贪心解码，$T$ 越高越随机。`
		),
		versusSigmoid: r`恰好只有一个类别成立时用 softmax，例如 0 到 9 中的某个数字、下一个词。若各个输出是相互独立的“是/否”问题，例如二分类，或一张照片可以同时标为“猫”和“户外”的多标签分类，就给每个输出各用一个 sigmoid，这些概率之和不必为 1。两类时二者等价：$\operatorname{softmax}(z_1, z_2)_1 = \sigma(z_1 - z_2)$。`,
		overflow: blocks(
			r`按公式直接计算，logits 很大时就会出错。当 $x > 709.78$ 时 $e^{x}$ 超过 float64（JavaScript 的数值类型）能表示的最大值，当 $x > 88.72$ 时超过 float32（GPU 张量的常用类型）的最大值。此时发生数值溢出，结果变成 Infinity，而 Infinity 除以 Infinity 得到 NaN。有温度时指数是 $z_i / T$，所以 $T$ 很小时，不算大的 logits 也会溢出。logits 很负时则是反方向的问题：所有 $e^{z_j}$ 都下溢为 0，结果成了 $0/0$。`,
			r`数学本身没有问题，出问题的只是浮点运算。解决办法正是利用平移不变性：先减去最大的 logit $m = \max_j z_j$ 再取指数。最大的一项变成 $e^{0} = 1$，不会溢出，分母也至少为 1：`
		),
		stableFormulaTex: r`p_i = \frac{e^{(z_i - m)/T}}{\sum_{j} e^{(z_j - m)/T}}, \qquad m = \max_j z_j`,
		logSumExp: '同样的技巧给出交叉熵所需的 log-sum-exp，使 $\\log p_i = z_i - \\operatorname{LSE}(z)$ 永远不会对 0 取对数。这也是各框架直接从 logits 计算损失（TensorFlow.js 的 `tf.losses.softmaxCrossEntropy`、PyTorch 的 `nn.CrossEntropyLoss`），而不是从概率计算的原因：',
		logSumExpTex: r`\operatorname{LSE}(z) = \log \sum_{j} e^{z_j} = m + \log \sum_{j} e^{z_j - m}`,
		crossEntropy: r`softmax **并不会**导致梯度爆炸。配合交叉熵损失 $\mathcal{L} = -\sum_i y_i \log p_i$ 和独热目标 $y$，对 logits 的梯度就是 $p - y$（使用温度时再除以 $T$）。无论 logits 多大，每个分量都在 $-1$ 与 $1$ 之间：即使模型“自信地犯错”，得到的也是一个有力但有界的修正。网络出现梯度爆炸时，应检查它的深度、权重和学习率（见下一节），而不是 softmax。`,
		gradientTex: r`\frac{\partial \mathcal{L}}{\partial z_i} = p_i - y_i`,
		chart: {
			title: 'softmax 概率',
			description: '每个类别一根柱子：在下方设定的 logits 与温度下，由稳定公式算出的概率。朴素公式的结果同时给出，以便看到它何时失效。'
		},
		logitsChart: {
			title: 'Logit z（拖动柱子或用方向键调整）',
			description: '输入 softmax 的原始得分，每个类别一根柱子。拖动柱子，或选中后按上下方向键，即可修改 logit。'
		},
		entropyLabel: '熵：{value} 比特',
		classLabel: '类别 {i}',
		naiveLabel: '朴素公式：exp(z/T) / Σ exp(z/T)',
		stableLabel: '稳定公式：先减去 z 的最大值',
		sumLabel: '概率之和：{sum}',
		overflowWarning:
			'exp({value}) 超过了浮点数能表示的最大值（约 1.8 × 10³⁰⁸），溢出为 Infinity，朴素公式因此得到 Infinity / Infinity = NaN。',
		underflowWarning: '所有 exp(z/T) 都下溢为 0（最大的指数为 {value}），朴素公式因此得到 0 / 0 = NaN。',
		editHint: '修改下方的 logits，柱状图会立即更新。',
		resetLogits: '恢复默认 logits'
	},
	depth: {
		intro: r`下面进入真正的实验。这个组件在浏览器里实时训练一个多层感知机：2 个输入，2 到 20 个等宽隐藏层，1 个 sigmoid 输出单元，二元交叉熵损失，普通 SGD。选好激活函数、初始化方式和学习率，点击“运行”，观察每一层的梯度有多大。`,
		backprop: blocks(
			r`把第 $k$ 个隐藏层写成 $a_k = W_k h_{k-1} + b_k$、$h_k = f(a_k)$，其中 $h_0 = x$ 是输入，$h_L$ 是最后一个隐藏层，并记 $g_k = \partial \mathcal{L} / \partial h_k$。链式法则把梯度逐层向下传递，每经过一层就乘上该层雅可比矩阵的转置，即权重矩阵乘以激活函数的斜率：`,
			r`$$g_l = W_{l+1}^{\top} D_{l+1}\, W_{l+2}^{\top} D_{l+2} \cdots W_L^{\top} D_L\; g_L, \qquad D_k = \operatorname{diag}\bigl(f'(a_k)\bigr)$$`,
			r`第 $l$ 层的权重得到的梯度为 $\partial \mathcal{L} / \partial W_l = (D_l\, g_l)\, h_{l-1}^{\top}$。因此传到第 1 层的梯度是大约 $L$ 个因子的乘积：这些因子通常小于 1，梯度就随深度呈指数级缩小；大于 1，则呈指数级增长。`
		),
		vanishing: blocks(
			r`使用 sigmoid 时，$D_k$ 的每个元素最多为 $1/4$，单元饱和时还要小得多。若想用更大的权重来弥补，又会把单元推入饱和区，使 $f'$ 更小。于是每一层都让梯度缩小好几倍，十层下来约为 $(1/4)^{10} \approx 10^{-6}$。靠近输出的层还在学习，而直接接触输入的前几层几乎纹丝不动。这就是**梯度消失**。`,
			r`前向信号同样受损：经过许多层 sigmoid 后，几乎所有输入都被映射成同一个向量，于是损失长时间（甚至一直）停在 $\ln 2 \approx 0.69$ 附近，也就是在两类均衡时瞎猜的水平。tanh 表现更好（斜率最大为 1、零中心，而且 Xavier 初始化正是针对它推导的），但单元一旦饱和，梯度同样会消失。`
		),
		exploding: r`**梯度爆炸**是同一个乘积中各因子大于 1 的情形：权重相对激活函数而言过大。采用 $\mathcal{N}(0, 1)$ 初始化时，宽度为 $n$ 的层每层把信号放大约 $\sqrt{n}$ 倍，使用 ReLU 时约为 $\sqrt{n/2}$ 倍。梯度范数可达数百甚至更高，一步 SGD 就把权重甩到很远的地方，损失随之剧烈跳动、变成 NaN，或者（使用 ReLU 时）因大部分单元在这次跳变中死亡而停滞不前。循环神经网络是典型例子，因为它在每个时间步都乘以同一个矩阵。`,
		fixes: blocks(
			'深层网络之所以仍然能训练，靠的是以下手段：',
			bullets(
				r`**ReLU 系列激活函数**（ReLU、Leaky ReLU、ELU、GELU）：正输入处斜率为 1，$D_k$ 不会在这里缩小梯度。`,
				r`**与激活函数匹配的初始化**：tanh 与 sigmoid 用 Xavier/Glorot 初始化，$\operatorname{Var}(W) = 2/(n_{\text{in}} + n_{\text{out}})$；ReLU 用 He 初始化，$\operatorname{Var}(W) = 2/n_{\text{in}}$。二者都让训练开始时信号和梯度的大小在各层之间大致保持不变。`,
				r`**归一化**（批归一化、层归一化）：在每一层重新中心化并缩放预激活值，使单元远离饱和区。`,
				r`**残差连接** $h_k = h_{k-1} + F(h_{k-1})$：雅可比矩阵变为 $I + \partial F / \partial h_{k-1}$，梯度多了一条恒等通路，不再只是一串小因子的乘积。`,
				r`**梯度裁剪**（应对爆炸）：梯度范数超过阈值时按比例缩小。`,
				r`**门控循环单元**（LSTM、GRU，用于循环网络）：由遗忘门控制、以加法更新的细胞状态能把梯度传过许多时间步。`
			)
		),
		tryThis: blocks(
			'可以试试：',
			bullets(
				'sigmoid、Xavier 初始化、15 个隐藏层：比较第 1 层与最后一层的梯度。',
				'同样深度改用 ReLU 与 He 初始化：差距消失了。',
				r`ReLU 配 $\mathcal{N}(0, 1)$ 初始化：先是梯度爆炸，然后大量单元死亡。`,
				r`任意激活函数配小方差 $\mathcal{N}(0, 0.01^2)$ 初始化：过小的权重让信号逐层缩小，连 ReLU 的梯度也会消失。`
			)
		),
		charts: {
			gradNorm: {
				title: '各层梯度范数',
				description:
					'当前训练步中每一层权重梯度的范数 ‖∂L/∂W‖，使用对数坐标；第 1 层最靠近输入。若前几层比最后几层低了几个数量级，就说明发生了梯度消失。'
			},
			heatmap: {
				title: '梯度范数随训练的变化',
				description: '每一列是一个训练步，每一行是一层（第 1 层最靠近输入）；颜色表示该层梯度范数的对数。靠近输入的几行若始终处在色标低端，说明这些层没有在学习。'
			},
			loss: {
				title: '训练损失',
				description: '每一步之后训练集上的二元交叉熵。曲线平躺在 0.69（ln 2）附近，说明网络的表现不比瞎猜好。'
			},
			network: {
				title: '网络结构',
				description: '网络中的每个单元按当前训练步的梯度大小着色。死亡的 ReLU 单元（对所有输入都输出 0）显示为灰色。'
			},
			legendSmallGrad: '梯度小',
			legendLargeGrad: '梯度大',
			legendDead: '死亡单元'
		},
		layerLabel: '第 {i} 层',
		outputLabel: '输出',
		readouts: {
			step: '第 {step} 步',
			loss: '损失 {loss}',
			accuracy: '准确率 {accuracy}',
			ratio: '第 1 层 / 第 {n} 层梯度：{ratio}',
			ratioHelp: '接近 1：各层以相近的速度学习。远小于 1（10⁻³ 或更小）：第 1 层实际上已被冻结。',
			divergedHint: '请降低学习率，或换用与激活函数匹配的初始化（ReLU 系列用 He，tanh 与 sigmoid 用 Xavier），然后重置。'
		}
	},
	deadRelu: {
		intro: r`ReLU 单元只有在预激活值 $a = w^{\top} h + b$ 为正时才向回传递梯度。若对训练集中的**每一个**输入都有 $a < 0$，该单元处处输出 0，它的权重和偏置得到的梯度恰好为零，任何更新都无法把它拉回来。这样的单元就“死亡”了：白白消耗计算，却毫无贡献。对部分输入为负、对另一部分为正的单元只是稀疏激活，这完全正常。`,
		causes: blocks(
			'单元死亡的原因：',
			bullets(
				'**学习率过高**：一次过大的更新让某个单元的权重和偏置移动到对所有样本输入都为负的位置。这是最常见的原因，也是你在这里可以亲手触发的情形。',
				'**偏置过于负**：可能来自初始化，也可能是学出来的。',
				'**初始权重尺度不当或运气不好**：爆炸的第一步会一次性杀死大量单元；在很窄的网络中，甚至有少数单元一开始就是死的。'
			),
			'若某一层的单元全部死亡，这一层就会挡住流向下面各层的全部梯度，整个网络停止学习，损失曲线也随之停滞。'
		),
		chartNote: r`该图显示每一步之后，对所有训练输入都输出 0 的隐藏 ReLU 单元所占的比例。调高学习率后比例上升且居高不下，正是 ReLU 死亡的表现。它很少自行回落：死亡单元自身的权重得不到梯度，只有它下面各层的变化才可能让它复活。`,
		fixes: blocks(
			'对策：',
			bullets(
				'降低学习率（或使用从小学习率起步的预热）；',
				'改用 Leaky ReLU、ELU 或 GELU，它们的负半轴仍有斜率；',
				'使用 He 初始化，偏置初始化为 0 或一个小的正数；',
				'归一化（批归一化、层归一化）让预激活值保持居中，使每个单元都对一部分数据为正。'
			)
		),
		chart: {
			title: '死亡 ReLU 单元占比随训练的变化',
			description: '每一训练步之后，对所有训练输入都输出 0 的隐藏单元所占的比例。'
		},
		deadShare: '死亡单元：{share}',
		notApplicable: '此激活函数不适用',
		notApplicableNote: '只有 ReLU 单元会死亡：Leaky ReLU、ELU 和 GELU 在零以下仍保留小的斜率，sigmoid 与 tanh 的问题则是饱和。'
	},
	interview: {
		question: '深度神经网络中常用的激活函数有哪些？各自有什么优缺点？',
		answer: blocks(
			'激活函数引入非线性；没有它，多层网络叠加起来只相当于一个线性映射。常见的有：',
			bullets(
				r`**Sigmoid** $\sigma(x) = 1/(1 + e^{-x})$，值域 $(0, 1)$：输出可解释为概率，用作二分类和多标签任务的输出。放在隐藏层时会饱和，且斜率最大仅 $1/4$，深层 sigmoid 网络会出现梯度消失；输出不是零中心的。`,
				r`**tanh**，值域 $(-1, 1)$：零中心、斜率最大为 1，用在隐藏层比 sigmoid 好，也是 RNN/LSTM 单元的标准选择；但仍会饱和。`,
				r`**ReLU** $\max(0, x)$：计算简单，$x > 0$ 时不饱和，激活稀疏；MLP 和 CNN 隐藏层的默认选择。$x < 0$ 时梯度为 0，单元可能死亡，学习率高时尤甚。`,
				r`**Leaky ReLU / PReLU**：$x < 0$ 时保留斜率 $\alpha$，避免单元死亡；相对 ReLU 的提升通常有限。`,
				r`**ELU**：负半轴平滑，激活均值更接近零；需要计算指数。`,
				r`**GELU** $x\,\Phi(x)$：光滑，是 Transformer（BERT、GPT）的标准选择；计算比 ReLU 贵。`,
				r`**Softmax**（只用于输出层）：把 logits 变成互斥类别上的概率分布。实现时先减去最大值（log-sum-exp）以防数值溢出，并与交叉熵配合使用，其梯度 $p - y$ 有界。`
			),
			'经验法则：隐藏层用 ReLU（Transformer 中用 GELU）并配 He 初始化；sigmoid 和 softmax 只放在输出层，按标签是相互独立还是互斥来选择。'
		),
		traps: {
			tanhOverfitting: {
				myth: 'tanh 可以抑制过拟合。',
				fact: r`激活函数不是正则化手段。tanh 相对 sigmoid 的真正优势是输出以零为中心、最大斜率为 1 而不是 $1/4$。应对过拟合要靠更多数据、L2 正则、Dropout 或早停。`
			},
			softmaxExploding: {
				myth: 'softmax 可能导致梯度爆炸。',
				fact: r`配合交叉熵时，对 logits 的梯度是 $p - y$，每个分量都在 $-1$ 与 $1$ 之间。真正的问题在数值上：logits 很大时 $e^{z}$ 会溢出（float64 约在 709 以上，float32 约在 88 以上）。应先减去最大的 logit（log-sum-exp），并使用框架提供的、直接以 logits 为输入的损失函数。`
			},
			reluNoVanishing: {
				myth: 'ReLU 彻底解决了梯度消失问题。',
				fact: r`$x < 0$ 时它的梯度恰好为 0，单元可能死亡；权重尺度不当时，深层 ReLU 网络照样会梯度消失或爆炸。深层 ReLU 网络仍然依赖 He 初始化、归一化和残差连接。`
			},
			sigmoidMulticlass: {
				myth: '多分类问题就在每个类别的输出上各接一个 sigmoid。',
				fact: '若恰好只有一个类别成立，应使用 softmax：各输出相互竞争、总和为 1。每类一个 sigmoid 适用于多标签问题，即多个标签可以同时成立的情形。'
			},
			smoothIsFree: {
				myth: 'GELU 和 ELU 总是比 ReLU 好，而且没有代价。',
				fact: r`它们需要计算 $\operatorname{erf}$、tanh 或指数，每个单元的开销更大，收益也取决于模型和数据。GELU 是 Transformer 的标准选择；对 MLP 和 CNN 而言，ReLU 仍是既强又便宜的默认选项。`
			},
			initAgnostic: {
				myth: '初始化方式与激活函数无关。',
				fact: r`Xavier 初始化让 tanh 这类单元的方差保持稳定。ReLU 大约把一半输入置零，需要 He 初始化的方差 $2/n_{\text{in}}$；若用 Xavier，深层 ReLU 网络的信号会逐层缩小。`
			}
		}
	},
	selfCheck: {
		intro: '先预测答案，再按提示设置控件，用上面的组件验证。',
		setControls: '一键设置这些控件',
		questions: {
			sigmoidDepth: {
				prompt: 'sigmoid、Xavier 初始化、15 个隐藏层。在最初的几步训练中，第 1 层的梯度范数与最后一层相比如何？',
				options: ['大致相同', '大约大 10 倍', '小好几个数量级', '恰好为零'],
				correct: 2,
				explanation: r`每个 sigmoid 层都把反向信号乘以不超过 $1/4$ 的斜率（再乘以权重），经过 14 个这样的因子后，第 1 层得到的梯度通常只有最后一层的 $10^{-6}$ 甚至更少。它很小，但并不恰好为零。由于前几层几乎学不动，损失停在 0.69 附近。`,
				tryIt: '激活函数：sigmoid，初始化：Xavier，隐藏层数：15。先点“重置”，再点“运行”，查看各层梯度图和“第 1 层 / 第 15 层”读数。'
			},
			reluHe: {
				prompt: '保持 15 个隐藏层，改用 ReLU 与 He 初始化。第 1 层与最后一层之间的差距会怎样？',
				options: [
					'仍然相差好几个数量级',
					'基本消失：各层梯度大小相近',
					'反转：第 1 层的梯度比最后一层大一百万倍',
					'所有梯度都恰好变为零'
				],
				correct: 1,
				explanation: r`ReLU 在单元激活处斜率为 1，He 初始化的方差 $2/n_{\text{in}}$ 又补偿了未激活的那一半，所以每一层传递梯度时大小基本不变。各层范数相差大约不超过一个数量级，损失通常开始下降（窄而深的 ReLU 网络仍可能损失一些单元，见“ReLU 神经元死亡”一节）。`,
				tryIt: '激活函数：ReLU，初始化：He，隐藏层数：15。先点“重置”，再点“运行”。'
			},
			normalInit: {
				prompt: 'ReLU 配 N(0, 1) 初始化、15 个隐藏层、学习率 0.1。最初几步训练会呈现什么现象？',
				options: [
					'每一层的梯度都极小',
					'每一层的梯度都极大（比 He 初始化时大几个数量级），初始损失很高，随后大量单元死亡',
					'与 He 初始化时的情形相同'
				],
				correct: 1,
				explanation: r`方差是 1 而不是 $2/n_{\text{in}}$，每个 ReLU 层都把信号放大约 $\sqrt{n/2}$ 倍（宽度为 8 时是 2 倍），激活值和梯度随深度呈指数增长，这就是梯度爆炸。最初几步 SGD 的步子极大，权重被甩到很远处，许多单元随之死亡，此后损失往往停滞不动。使用匹配的初始化或梯度裁剪可以避免这种情况。`,
				tryIt: '激活函数：ReLU，初始化：标准正态 N(0, 1)，隐藏层数：15，学习率：0.1。先点“重置”，再点“运行”，并与 He 初始化时的梯度图对比。'
			},
			smallInit: {
				prompt: 'ReLU 配小方差 N(0, 0.01²) 初始化、10 个隐藏层。会发生什么？',
				options: ['训练很快：小权重让单元远离饱和', '每一层的梯度都极小，损失停在 0.69 附近', '梯度爆炸'],
				correct: 1,
				explanation: r`每一层大约把信号缩小为原来的 $0.01 \cdot \sqrt{n/2}$，宽度为 8 时约 0.02，经过 10 层后前向信号几乎完全消失，每个权重梯度也随之消失。激活函数弥补不了错误的尺度；这正是 Xavier 和 He 初始化根据层宽设定方差的原因。`,
				tryIt: '激活函数：ReLU，初始化：小方差 N(0, 0.01²)，隐藏层数：10。先点“重置”，再点“运行”。'
			},
			highLr: {
				prompt: 'ReLU、He 初始化、10 个隐藏层。把学习率从 0.1 提高到 3，死亡单元的占比会怎样？',
				options: ['降到零', '上升并居高不下，损失停滞', '不变：学习率不影响哪些单元被激活'],
				correct: 1,
				explanation: r`步子太大会冲过头：一次大更新之后，许多单元对所有输入的预激活值都为负。它们的梯度恰好为零，没有任何力量能把它们拉回来；一旦整层死亡，下面各层也收不到梯度。损失随之停滞，通常停在 0.69 附近。`,
				tryIt: '激活函数：ReLU，初始化：He，隐藏层数：10，学习率：3。先点“重置”，再点“运行”，观察死亡单元图；再与学习率 0.1 对比。'
			},
			temperature: {
				prompt: '使用默认 logits（2, 1, 0.5, −1, −2），把温度降到 0.1。softmax 柱状图会是什么样子？',
				options: ['几乎全部概率集中在类别 1（超过 0.99）', '接近均匀，每类约 0.2', '与 T = 1 时相同', 'NaN：指数溢出了'],
				correct: 0,
				explanation: r`除以 $T = 0.1$ 相当于把 logits 之间的差距都放大 10 倍：类别 1 领先类别 2 的幅度从 1 变成 10，因此 $p_1 = 1/(1 + e^{-10} + \dots) > 0.9999$。$T \to 0$ 时 softmax 趋向 argmax。最大的指数只有 20，离溢出还很远。若改为 $T = 10$，柱子则几乎一样高。`,
				tryIt: '恢复默认 logits，然后把温度滑块移到 0.1，再移到 10。'
			},
			overflow: {
				prompt: '把第 1 个 logit 设为 1000，温度保持 1。朴素公式 $e^{z_i} / \\sum_j e^{z_j}$ 会返回什么？',
				options: [
					'类别 1 为 1，其余为 0，与稳定公式相同',
					'类别 1 为 NaN，其余为 0',
					'报错：浏览器拒绝计算',
					'每类都是 0.2'
				],
				correct: 1,
				explanation: r`$e^{1000}$ 超出了 float64 的最大值（约 $1.8 \times 10^{308}$，在 $x \approx 709.78$ 处达到），变成 Infinity。分母也是 Infinity：类别 1 得到 Infinity / Infinity = NaN，其他类别是有限数除以 Infinity，得 0。稳定公式先减去 1000，算出 $e^{0} = 1$，返回 $p_1 \approx 1$。问题从来不在数学上，而在浮点数的表示范围。`,
				tryIt: '在第 1 个 logit 中输入 1000，温度保持 1，对比朴素公式与稳定公式的结果。'
			}
		}
	}
} satisfies L02Text;
