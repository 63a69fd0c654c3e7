import { blocks, bullets, type L09Text } from './types';

/** String.raw, except that an escaped backtick (\`, for `code` in Prose) becomes a plain backtick. */
const r = (strings: TemplateStringsArray, ...values: unknown[]) => String.raw(strings, ...values).replaceAll('\\`', '`');

/** Lesson L09's text in Simplified Chinese. */
export const zh = {
	title: '卷积、步长、填充与特征图尺寸',
	lead: blocks(
		r`卷积层并不把每个输入像素都连到每个输出上。它拿一个很小的权重网格——**卷积核**（也叫滤波器）——在图像上滑动，在每个位置算一次加权和。这些和排成的网格就是**特征图**：图像在某处越像卷积核，那里的值就越大。`,
		r`有四个数决定卷积核能停在多少个位置上，也就决定了特征图的大小：核大小 $K$、步长 $S$、填充 $P$ 和膨胀率 $D$。下面可以在真实的手写数字上逐一调整它们，并观察窗口如何移动。`
	),
	controls: {
		src: { label: '输入', help: 'MNIST 测试集中的真实数字、内置图形，或你自己画的、上传的图片。' },
		digit: { label: '数字编号', help: '使用 2000 个验证集数字中的哪一个（0–1999）。' },
		size: { label: '输入尺寸 W', help: '图片缩小到 W × W 像素；尺寸小时格子里的数字看得清。' },
		k: { label: '核大小 K', help: '卷积核有 K × K 个权重（1–7）。' },
		kern: { label: '卷积核格子', help: '卷积核的 K × K 个格子；权重等于格子里的数除以除数。' },
		kdiv: { label: '除数', help: '每个格子都除以这个数，就像“1/16 × [1 2 1; …]”的写法。' },
		preset: { label: '预设卷积核', help: '当前尺寸下的经典卷积核；改动任一格子后变为自定义。' },
		stride: { label: '步长 S', help: '相邻两个输出之间窗口移动的像素数。' },
		pad: { label: '填充', help: '在输入四周补零：不补（valid）、按 TensorFlow 的 same 规则补，或每边补 P 个。' },
		p: { label: '自定义填充 P', help: '每一边补零的行数和列数（仅在自定义填充时有效）。' },
		dil: { label: '膨胀率 D', help: '卷积核各采样点之间的间距：D = 2 表示相邻采样点之间隔开一个像素。' },
		pos: { label: '窗口位置', help: '窗口当前对应的输出格子，按行依次编号。' },
		speed: { label: '速度', help: '播放时每秒移动的窗口位置数。' },
		cin: { label: '输入通道数 C_in', help: '输入的通道数（用 1–3 条颜色渐变给图片着色得到）。' },
		cout: { label: '输出通道数 C_out', help: '该层卷积核的个数，每个核产生一张特征图（1–8）。' },
		wts: { label: '权重', help: '经典卷积核（便于解读），或随机权重（相当于未训练的层）。' },
		pool: { label: '池化方式', help: '取每个窗口的最大值，或取平均值。' },
		psize: { label: '池化窗口大小', help: '池化窗口为 size × size。' },
		pstride: { label: '池化步长', help: '池化窗口每次移动的距离；与窗口大小相等时窗口互不重叠。' },
		xaxis: { label: '变化的量', help: '探索图中横轴所取的设置，其余设置保持上面的取值。' },
		seed: { label: '随机种子', help: '随机权重的种子：种子相同，权重也相同。' }
	},
	options: {
		src: { digit: 'MNIST 数字', shape: '内置图形', custom: '你画的或上传的图片' },
		pad: { valid: 'valid（不填充）', same: 'same', custom: '自定义 P' },
		preset: {
			identity: '恒等',
			edge: '边缘（拉普拉斯）',
			sobelX: 'Sobel x（竖直边缘）',
			sobelY: 'Sobel y（水平边缘）',
			box: '均值模糊',
			gaussian: '高斯模糊',
			sharpen: '锐化',
			custom: '自定义'
		},
		wts: { structured: '经典卷积核', random: '随机（He 初始化）' },
		pool: { max: '最大池化', avg: '平均池化' },
		xaxis: { input: '输入尺寸 W', kernel: '核大小 K', stride: '步长 S', dilation: '膨胀率 D' }
	},
	input: {
		gallery: '每个类别各一个数字',
		thumb: '数字 {label}（编号 {index}）',
		loading: '正在加载数字……',
		customMissing: '画的图和上传的图片不会保存在链接里；请在下方重新画一个或上传一张。在此之前显示的是数字。',
		drawTitle: '手绘',
		drawHint: '画板：随意画，整个画板都会成为输入',
		uploadTitle: '上传',
		uploadHint: '上传一张图片（会缩小为 28 × 28 的灰度图）',
		using: '输入：{name}，{size} 像素。',
		digitName: '数字 {label}（编号 {index}）',
		shapeName: '内置的带对角线的正方形',
		drawnName: '你画的图',
		uploadedName: '你上传的“{name}”'
	},
	conv: {
		intro: r`把卷积核放在图像左上角，让它的 $K \times K$ 个权重分别与下面对应的像素相乘，再把乘积加起来（并加上偏置 $b$）：这就是第一个输出值。然后把卷积核移动 $S$ 个像素，重复这一过程，一行一行地扫完整幅图。每个位置用的都是**同一组**权重。设输入为 $x$、卷积核为 $w$、步长为 $S$、膨胀率为 $D$，并在第一行和第一列之前各补 $P$ 个零，则输出 $(r, c)$ 为`,
		sumTex: r`y_{r,c} = b + \sum_{i=0}^{K-1} \sum_{j=0}^{K-1} w_{i,j}\; x_{\,rS - P + iD,\; cS - P + jD}`,
		crossCorrelation: blocks(
			r`严格地说，这是**互相关**，而不是卷积。信号处理里的卷积要先把卷积核翻转（旋转 180°）再滑动；深度学习框架所说的卷积（PyTorch 的 \`nn.Conv2d\`、TensorFlow 的 \`conv2d\`、TensorFlow.js 的 \`tf.conv2d\`）并不翻转：`
		),
		flipTex: r`\text{卷积：} (w \ast x)_{r,c} = \sum_{i,j} w_{i,j}\, x_{r-i,\,c-j} \qquad \text{互相关：} (w \star x)_{r,c} = \sum_{i,j} w_{i,j}\, x_{r+i,\,c+j}`,
		featureMap: blocks(
			r`一个卷积核在所有位置上的输出构成一张**特征图**：它标出了该卷积核所响应的图案出现在哪里。有 $C_\text{out}$ 个卷积核的层会得到 $C_\text{out}$ 张特征图，叠起来就是输出通道（$O \times O \times C_\text{out}$）；图中每个值是一个单元的输出，这个单元只看一个 $K \times K$ 的小块，即它的**感受野**。`,
			r`ReLU 之类的激活函数是之后再逐元素作用在特征图上的。它属于常见卷积模块（卷积、激活，可能再加池化）的一部分，但并不是卷积运算本身的一个步骤。`
		),
		presets: blocks(
			r`在数字上试试这些预设：`,
			bullets(
				r`**恒等**核原样复制图像（用 valid 填充时只是裁掉边框）。`,
				r`**均值模糊**和**高斯模糊**对邻域取平均；权重之和为 1，平坦区域保持原值。`,
				r`**边缘（拉普拉斯）**核是中心减去邻居；权重之和为 0，平坦区域输出 0，而笔画轮廓无论朝向都会亮起来。`,
				r`**Sobel x** 响应竖直边缘：图像向右变亮处为正，向右变暗处为负。**Sobel y** 对水平边缘做同样的事（方向为向下）。正负号表示边缘的方向。`,
				r`**锐化**核等于恒等加边缘：把轮廓叠回到图像上。`
			),
			r`训练好的网络会自己学出卷积核；图像模型的第一层往往会学到与这些十分相似的边缘和斑点检测器。`
		),
		inputChart: {
			title: '输入与滑动窗口',
			description: '输入图像（四周的斜线区域是补的零）；实心方块是卷积核在当前位置读取的像素，虚线框是它们的感受野。'
		},
		outputChart: {
			title: '特征图（输出）',
			description: '卷积核在每个位置的输出，用 tf.conv2d 实时计算；带框的格子是当前位置。把鼠标移到某个格子上或点击它，窗口就会移过去。'
		},
		inputLegend: '墨迹',
		outputLegend: '输出',
		outputSize: '输出：{rows} × {cols}',
		noFit: '卷积核跨度为 {span} 像素，而填充后的输入只有 {size} 像素宽：没有输出。请减小核大小或膨胀率，或增加填充。',
		tfCheck: '由 TensorFlow.js 在 {backend} 上计算；与循环定义的最大差异：{diff}。',
		tfPending: '正在用 TensorFlow.js 计算……',
		tfError: 'TensorFlow.js 计算失败（{error}）；显示的是循环计算的结果。',
		kernelTitle: '卷积核',
		geometryTitle: '核大小、步长、填充与膨胀'
	},
	kernel: {
		gridLabel: '卷积核格子',
		cellLabel: '卷积核第 {row} 行第 {col} 列',
		editHint: '输入数字后按回车（或按 Tab 离开）；方向键可在格子之间移动。',
		rotate: '旋转 180°（把互相关变成卷积）'
	},
	window: {
		intro: r`在下面的组件里，输入图上的实心方块是卷积核此刻读取的像素；输入四周的斜线带是补的零；特征图上带框的格子就是它们算出的值。点“播放”、逐步移动，或指向特征图的任意格子直接跳过去。两张图下面的表格替你算好了乘法。`,
		play: '播放',
		pause: '暂停',
		back: '后退',
		forward: '前进',
		restart: '回到开头',
		position: '第 {i} 个位置，共 {n} 个：输出第 {row} 行、第 {col} 列',
		groupLabel: '滑动窗口',
		dotTitle: '输出第 {row} 行、第 {col} 列处的点积（输入 × 权重，下方为乘积）',
		columns: { tap: '采样点', input: '输入', weight: '权重', product: '乘积' },
		padTag: '补的零',
		sum: '乘积之和：{sum}',
		divided: '除以除数：{sum} / {div} = {value}',
		output: '输出值：{value}'
	},
	size: {
		intro: r`沿每个方向，卷积核能在填充后的输入里放下若干个位置。数一数这些位置，就得到输出尺寸：`,
		formulaTex: r`O = \left\lfloor \frac{W + 2P - D\,(K - 1) - 1}{S} \right\rfloor + 1`,
		symbols: blocks(
			bullets(
				r`$W$：输入尺寸；$K$：核大小；$S$：步长；$P$：每边补零的个数；$D$：膨胀率。`,
				r`$D(K-1)+1$ 是膨胀后卷积核的跨度：$D = 1$ 时就是 $K$，公式变为 $\lfloor (W + 2P - K)/S \rfloor + 1$。`,
				r`向下取整 $\lfloor \cdot \rfloor$ 不能省：步长不能整除时，最后几个会伸出边界的位置被舍弃。`
			),
			r`常见的写法 $O = (W - K + 2P)/S + 1$ 把这两点都漏掉了：$W = 28$、$K = 3$、$P = 0$、$S = 2$ 时它给出 $13.5$，而实际输出是 13 行；对任何膨胀卷积它也都是错的。`
		),
		padding: r`填充是在卷积核滑动之前给输入四周补零。**valid** 表示不填充：输出缩小 $D(K-1)$ 个像素。**自定义**则在每一边补 $P$ 个零。CNN 用零填充；复制边缘像素（*replicate*）或镜像边缘（*reflect*）是另外的填充模式（PyTorch 的 \`padding_mode\`），并不是“same”的含义。两侧补零数不同时，公式要分别计入两侧：`,
		asymTex: r`O = \left\lfloor \frac{W + P_\text{before} + P_\text{after} - D\,(K - 1) - 1}{S} \right\rfloor + 1`,
		same: blocks(
			r`**same**（本课采用 TensorFlow 的规则）会选取填充量，使 $O = \lceil W / S \rceil$：步长为 1 时输出与输入一样大。为此总共需要 $P_\text{total} = \max\bigl(0,\ (O - 1)S + D(K-1) + 1 - W\bigr)$ 个零，前面放 $\lfloor P_\text{total}/2 \rfloor$ 个，其余放在后面。因此只要 $P_\text{total}$ 是奇数，两侧填充就不对称：$4 \times 4$ 的核前面补 1、后面补 2；$3 \times 3$ 的核以步长 2 作用于 28 像素时，前面补 0、后面补 1。`,
			r`PyTorch 只在步长为 1 时接受 \`padding='same'\`，多出来的那个零同样补在后面。所以步长大于 1 的层在框架之间移植时，可能会差一个像素。`
		),
		stride: r`**步长** $S$ 让窗口每次移动 $S$ 个像素，所以输出在每个方向上大约缩小为原来的 $1/S$。带步长的卷积是一种开销小、而且可学习的下采样方式。`,
		dilation: r`**膨胀率** $D$ 让采样点之间相隔 $D$ 个像素：$D = 2$ 的 $3 \times 3$ 卷积核用同样的 9 个权重覆盖 $5 \times 5$ 的区域。它在不增加参数的情况下扩大感受野（DeepLab 的空洞卷积和 WaveNet 都用到了它）。TensorFlow.js 的 \`conv2d\` 不允许步长和膨胀率同时大于 1；这时本课先以步长 1 计算，再每隔 $S$ 行、$S$ 列取一个，结果完全相同。`,
		liveTitle: '代入你当前的设置',
		padsNote: '每个方向上的零填充：前面 {pt} 个，后面 {pb} 个。',
		noOutput: '没有输出',
		explorer: {
			title: '输出尺寸随某一设置的变化',
			description: '所选设置在其范围内变化、其余设置保持上面的取值时，各种填充方式下的输出尺寸；标记处是当前设置。'
		},
		outputAxis: '输出尺寸 O',
		seriesValid: 'valid',
		seriesSame: 'same',
		seriesCustom: '自定义 P = {p}',
		current: '当前'
	},
	channels: {
		intro: r`真实的输入有多个通道（照片有红、绿、蓝三个），一层也有多个卷积核。每个输出通道**为每个输入通道**各配一个 $K \times K$ 的卷积核：它把每个输入通道与各自的卷积核做互相关，再把 $C_\text{in}$ 个结果与偏置相加。因此一层的权重是形状为 $K \times K \times C_\text{in} \times C_\text{out}$ 的四维张量。这里用颜色渐变给图片着色，最多得到三个输入通道。`,
		controlsTitle: '通道',
		sumTex: r`y_{r,c,o} = b_o + \sum_{m=1}^{C_\text{in}} \sum_{i=0}^{K-1} \sum_{j=0}^{K-1} w_{i,j,m,o}\; x_{\,rS - P + iD,\; cS - P + jD,\; m}`,
		paramsTex: r`\#\text{参数} = \underbrace{K \cdot K \cdot C_\text{in} \cdot C_\text{out}}_{\text{权重}} + \underbrace{C_\text{out}}_{\text{偏置}}`,
		sharing: blocks(
			r`参数量与图像大小无关，也与步长、填充和膨胀率无关：每个位置都使用同一组 $K \times K \times C_\text{in}$ 权重（**权重共享**）。这正是卷积适合图像的原因：同一图案无论出现在哪里都能被检测到（输入平移，特征图随之平移，即*平移等变性*）；每个单元只看一个小邻域（*局部性*）；与连接同样输入和输出的全连接层相比，所需权重少好几个数量级。`,
			r`$1 \times 1$ 卷积（$K = 1$）只在每个像素处混合各通道：共 $C_\text{in} \cdot C_\text{out}$ 个权重。网络常用它低成本地改变通道数。`
		),
		inputsChart: {
			title: '输入通道',
			description: '以 C_in 个通道表示的输入：图片乘以不同的颜色渐变，每个通道保留图片的不同部分。'
		},
		weightsChart: {
			title: '权重：C_out × C_in 个 K × K 卷积核',
			description: '每行对应一个输出通道，每列对应一个输入通道；每个小方块是一个 K × K 卷积核（蓝色为负，红色为正）。'
		},
		outputsChart: {
			title: '输出通道（特征图）',
			description: '每个输出通道一张特征图，等于各输入通道与该行卷积核的互相关之和；由 tf.conv2d 计算。'
		},
		inLabel: '输入 {i}',
		outLabel: '输出 {o}',
		kernelLabel: '输入 {i} → 输出 {o}',
		weightsCount: '权重：{k} × {k} × {cin} × {cout} = {weights}',
		withBias: '每个输出通道再加一个偏置（+{cout}）：共 {total} 个参数',
		dense: '若用全连接层把每个输入值连到每个输出值，需要 {dense} 个权重，是它的 {ratio} 倍。'
	},
	pooling: {
		intro: r`池化层逐通道地用一个数概括特征图的每个窗口：取**最大值**或**平均值**。最常见的是步长为 2 的 $2 \times 2$ 窗口，高和宽都减半。它的输出尺寸遵循同一个公式（没有膨胀，通常也不填充：$\lfloor (W - K)/S \rfloor + 1$）。这里池化的是第一节的特征图；把鼠标移到池化结果的格子上，可以看到它对应的窗口。`,
		maxVsAvg: r`**最大池化**保留每个窗口里最强的响应。特征只要出现在窗口内任何位置就能保留下来，输入平移一两个像素往往什么也不改变（带来少量平移不变性）。**平均池化**起平滑作用：窗口内每个值都算数，所以孤立的强响应会被邻居冲淡。两者都用于分类网络；区别在于保留了什么，而不是分别对应“检测”和“去噪”两类任务。`,
		noParams: r`池化**没有可学习的参数**：窗口大小和步长是固定的超参数，池化层对参数量的贡献为 0。它对每个通道分别计算，所以通道数不变。`,
		modern: r`许多现代网络改用带步长的卷积来下采样（让卷积自己学会如何下采样），并在最后用**全局平均池化**（对每个通道在整张图上取平均）代替庞大的全连接层（Network in Network、ResNet）。`,
		beforeChart: {
			title: '池化前的特征图',
			description: '第一节的特征图；方块标出你所指的池化结果格子对应的窗口。'
		},
		afterChart: {
			title: '池化后',
			description: '每个格子是池化前对应窗口的最大值或平均值；由 tf.maxPool 或 tf.avgPool 计算。'
		},
		shape: '{rows} × {cols} → {orows} × {ocols}',
		controlsTitle: '池化',
		tfCheck: '由 TensorFlow.js 在 {backend} 上池化；与循环定义的最大差异：{diff}。',
		noFit: '池化窗口比特征图还大：没有输出。'
	},
	interview: {
		question: r`卷积层是如何计算输出的？什么是特征图？核大小、步长和填充如何决定它的尺寸？这一层有多少个参数？`,
		answer: blocks(
			r`一个含 $K \times K \times C_\text{in}$ 个权重的卷积核在输入上滑动。在每个位置，它与下方的小块做点积（对所有输入通道求和），再加上偏置。这是互相关：深度学习框架不翻转卷积核，而由于卷积核本来就是学出来的，翻不翻转对学习没有影响。所有位置的值构成一张特征图；有 $C_\text{out}$ 个卷积核的层输出 $C_\text{out}$ 张特征图，即输出通道。ReLU 等激活函数在之后作用。`,
			r`每个方向上的输出尺寸为 $O = \lfloor (W + 2P - D(K-1) - 1)/S \rfloor + 1$：要向下取整，因为会伸出边界的窗口被舍弃；还要计入膨胀率 $D$（跨度为 $D(K-1)+1$）。“valid”表示 $P = 0$；“same”补零使 $O = \lceil W/S \rceil$，总填充为奇数时两侧不对称。除非特别指定 replicate 或 reflect 模式，填充都是补零。`,
			r`参数量：$K^2 C_\text{in} C_\text{out}$ 个权重加 $C_\text{out}$ 个偏置，与图像大小无关，因为所有位置共享同一组权重。池化层没有参数。`
		),
		traps: {
			flipped: {
				myth: 'CNN 里的卷积和信号处理一样，要把卷积核翻转',
				fact: r`框架计算的是互相关：PyTorch、TensorFlow 和 TensorFlow.js 的 \`conv2d\` 都不翻转卷积核。这不影响网络能学到什么，但像 Sobel 这样手写的卷积核一旦翻转，输出的符号就反了。`
			},
			formulaNoFloor: {
				myth: '输出尺寸等于 (W − K + 2P)/S + 1',
				fact: r`还要向下取整并计入膨胀率：$\lfloor (W + 2P - D(K-1) - 1)/S \rfloor + 1$。$W = 28$、$K = 3$、$S = 2$ 时，简化公式给出 13.5，而输出是 13 行。`
			},
			activationInside: {
				myth: '应用激活函数是卷积运算的一个步骤',
				fact: r`卷积是线性的：点积加偏置。ReLU 等激活函数是另外一步，逐元素作用在特征图上，通常与卷积放在同一个模块里。`
			},
			edgePadding: {
				myth: '填充就是在边界补零或复制边缘像素，两者随便选',
				fact: r`CNN 的填充是补零（“valid”不补，“same”补足够的零以保留 $\lceil W/S \rceil$ 个输出）。复制或镜像边缘是另外的填充模式，需要专门指定。`
			},
			featureMapPerNeuron: {
				myth: '特征图是每个神经元输出的矩阵',
				fact: r`特征图是一个卷积核（一个输出通道）在所有位置上的输出；图中每个值才是一个单元的输出。一层有多少个卷积核，就有多少张特征图。`
			},
			poolingUses: {
				myth: '最大池化用于检测任务，平均池化用于去噪',
				fact: r`最大池化保留每个窗口里最强的响应（带来一定的平移不变性），平均池化起平滑作用。两者都没有参数，都用于分类网络；许多现代网络则改用带步长的卷积或全局平均池化。`
			}
		}
	},
	selfCheck: {
		intro: r`先预测，再点“设置控件”去看看。`,
		setControls: '设置控件',
		questions: {
			sobelSquare: {
				prompt: r`对内置的（带对角线的）正方形使用 **Sobel x**，特征图中哪些部分响应最强？`,
				options: [r`上边和下边`, r`左边和右边（对角线也有，但弱一些）`, r`四条边一样强`, r`只有四个角`],
				correct: 1,
				explanation: r`Sobel x 计算右侧各列与左侧各列之差，所以响应竖直边缘：正方形的左右两边，每条边都有一正一负两条带。水平的边输出 0（左右两列相同）；对角线一半是竖直方向的，所以有部分响应。`,
				tryIt: r`输入选内置图形，预设选 Sobel x；再换成 Sobel y 比较。`
			},
			stride2: {
				prompt: r`$3 \times 3$ 的卷积核以步长 2、不填充的方式在 $28 \times 28$ 的输入上滑动。特征图有多大？`,
				options: [r`$14 \times 14$`, r`$13 \times 13$`, r`$13.5 \times 13.5$`, r`$26 \times 26$`],
				correct: 1,
				explanation: r`$\lfloor (28 - 3)/2 \rfloor + 1 = \lfloor 12.5 \rfloor + 1 = 13$。窗口从第 0、2、……、24 列开始；若从第 26 列开始，就需要第 26–28 列，而第 28 列并不存在。`,
				tryIt: r`核大小 3、步长 2、valid 填充、输入尺寸 28；读出输出尺寸，并把窗口移到最后一个位置。`
			},
			dilation: {
				prompt: r`膨胀率为 2 的 $3 \times 3$ 卷积核，步长 1、不填充，作用于 $28 \times 28$ 的输入：输出有多大？`,
				options: [r`$26 \times 26$`, r`$24 \times 24$`, r`$22 \times 22$`, r`$13 \times 13$`],
				correct: 1,
				explanation: r`膨胀率为 2 时，9 个采样点跨越 $2 \cdot (3-1) + 1 = 5$ 个像素，所以输出是 $28 - 5 + 1 = 24$。参数仍然是 9 个。`,
				tryIt: r`$3 \times 3$ 卷积核、膨胀率 2；看输入上间隔分布的采样点，以及代入数值后的公式。`
			},
			sameStride: {
				prompt: r`对 $28 \times 28$ 的输入使用 $3 \times 3$ 卷积核、步长 2 和“same”填充，会怎样？`,
				options: [
					r`输出 $14 \times 14$；下方和右侧各补一行、一列零，上方和左侧不补`,
					r`输出 $28 \times 28$；每一边补一个零`,
					r`输出 $14 \times 14$；每一边补一个零`,
					r`输出 $13 \times 13$；不填充`
				],
				correct: 0,
				explanation: r`“same”给出 $\lceil 28/2 \rceil = 14$ 个输出。这总共需要 $(14 - 1) \cdot 2 + 3 - 28 = 1$ 个零，TensorFlow 把多出的那个放在后面：前面 0 个，后面 1 个。只有步长为 1 时“same”才保持尺寸不变。`,
				tryIt: r`填充选 same、步长 2；读出公式下方的零填充，并观察斜线带。`
			},
			params: {
				prompt: r`一层使用 $3 \times 3$ 卷积核，有 3 个输入通道、8 个输出通道。它有多少个可学习参数？`,
				options: [r`80`, r`216`, r`224`, r`$28 \cdot 28 \cdot 8$`],
				correct: 2,
				explanation: r`$3 \cdot 3 \cdot 3 \cdot 8 = 216$ 个权重，加 8 个偏置，共 $224$ 个。它与图像大小无关：所有位置共享同一组权重。`,
				tryIt: r`核大小 3、输入通道 3、输出通道 8；读出参数量。`
			},
			maxPool: {
				prompt: r`对 $26 \times 26$ 的边缘特征图做 $2 \times 2$、步长 2 的最大池化，结果是什么？`,
				options: [
					r`$13 \times 13$，每个窗口中最强的响应`,
					r`$13 \times 13$，每个窗口的平均值`,
					r`$25 \times 25$，每个窗口中最强的响应`,
					r`$13 \times 13$，每个窗口有 4 个学到的权重`
				],
				correct: 0,
				explanation: r`$\lfloor (26 - 2)/2 \rfloor + 1 = 13$，每个输出是其窗口的最大值。池化什么也不学；换成平均池化则得到各窗口的平均值。`,
				tryIt: r`预设选边缘，最大池化，池化窗口 2、步长 2；再换成平均池化比较。`
			}
		}
	}
} satisfies L09Text;
