import type { Bilingual } from '$lib/app/i18n/define';

/** Lesson ids, L01..L17, as in CURRICULUM.md. */
export type LessonId =
	| 'L01' | 'L02' | 'L03' | 'L04' | 'L05' | 'L06' | 'L07' | 'L08' | 'L09'
	| 'L10' | 'L11' | 'L12' | 'L13' | 'L14' | 'L15' | 'L16' | 'L17';

/** A section of a lesson that the home page can link to (`/lessons/<slug>#<id>`). */
export interface LessonSection {
	id: string;
	title: Bilingual;
}

/** One lesson as the home page and the router know it; light, no component code. */
export interface LessonInfo {
	id: LessonId;
	/** URL slug: `/lessons/<slug>`; also the folder name under `lessons/`. */
	slug: string;
	title: Bilingual;
	summary: Bilingual;
	/** Syllabus question numbers (1-30) this lesson answers. */
	questions: number[];
	/** Linkable sections (built lessons only). */
	sections: LessonSection[];
	/** False while the lesson is not built: shown as "coming", never linked. */
	built: boolean;
}

/** All 17 lessons in syllabus order. */
export const LESSONS: readonly LessonInfo[] = [
	{
		id: 'L01', slug: 'backpropagation', built: true, questions: [1, 15],
		title: { en: 'Forward pass and backpropagation', zh: '前向传播与反向传播' },
		summary: { en: 'Watch an MLP compute, measure its error and push gradients back, one layer at a time.', zh: '逐层观察多层感知机如何计算输出、度量误差并把梯度反向传回。' },
		sections: [
			{ id: 'mlp', title: { en: 'What an MLP computes', zh: '多层感知机如何计算输出' } },
			{ id: 'playground', title: { en: 'The MLP playground', zh: 'MLP 实验场' } },
			{ id: 'step', title: { en: 'Step by step: forward, loss, backward, update', zh: '逐步演示：前向、损失、反向、更新' } },
			{ id: 'backprop', title: { en: 'Backpropagation: the chain rule at work', zh: '反向传播：链式法则的运用' } },
			{ id: 'xor', title: { en: 'Why hidden layers: XOR', zh: '为什么需要隐藏层：异或问题' } },
			{ id: 'interview', title: { en: 'Interview question', zh: '面试题' } },
			{ id: 'self-check', title: { en: 'Check yourself', zh: '自测' } }
		]
	},
	{
		id: 'L02', slug: 'activation-functions', built: true, questions: [2],
		title: { en: 'Activation functions and vanishing gradients', zh: '激活函数与梯度消失' },
		summary: { en: 'Sigmoid, tanh, ReLU and friends, softmax with temperature, and what depth does to gradients.', zh: 'Sigmoid、tanh、ReLU 等激活函数，带温度的 softmax，以及网络加深后梯度会怎样。' },
		sections: [
			{ id: 'curves', title: { en: 'Activation functions and their derivatives', zh: '激活函数及其导数' } },
			{ id: 'softmax', title: { en: 'Softmax and temperature', zh: 'Softmax 与温度' } },
			{ id: 'depth', title: { en: 'Depth experiment: vanishing gradients', zh: '加深实验：梯度消失' } },
			{ id: 'dead-relu', title: { en: 'Dead ReLU units', zh: 'ReLU 神经元“死亡”' } },
			{ id: 'interview', title: { en: 'Interview question', zh: '面试题' } },
			{ id: 'self-check', title: { en: 'Check yourself', zh: '自测' } }
		]
	},
	{
		id: 'L03', slug: 'loss-functions', built: true, questions: [30],
		title: { en: 'Loss functions', zh: '损失函数' },
		summary: { en: 'MSE, MAE, Huber and cross-entropy: their shapes, gradients and behaviour with outliers.', zh: 'MSE、MAE、Huber 与交叉熵：曲线形状、梯度，以及面对离群点的表现。' },
		sections: [
			{ id: 'regression', title: { en: 'Regression losses: MSE, MAE and Huber', zh: '回归损失：MSE、MAE 与 Huber' } },
			{ id: 'classification', title: { en: 'Classification losses: cross-entropy, focal, hinge and KL', zh: '分类损失：交叉熵、Focal、合页损失与 KL 散度' } },
			{ id: 'outliers', title: { en: 'Outliers: three fits side by side', zh: '离群点：三种拟合并排比较' } },
			{ id: 'saturation', title: { en: 'Why not MSE for classification', zh: '为什么分类不用 MSE' } },
			{ id: 'choosing', title: { en: 'How to choose a loss', zh: '如何选择损失函数' } },
			{ id: 'interview', title: { en: 'Interview question', zh: '面试题' } },
			{ id: 'self-check', title: { en: 'Check yourself', zh: '自测' } }
		]
	},
	{
		id: 'L04', slug: 'metrics', built: true, questions: [3],
		title: { en: 'Evaluation metrics and cross-validation', zh: '评估指标与交叉验证' },
		summary: { en: 'Confusion matrix, precision, recall, ROC and PR curves, and k-fold cross-validation on a live classifier.', zh: '在实时训练的分类器上看混淆矩阵、精确率、召回率、ROC 与 PR 曲线和 k 折交叉验证。' },
		sections: [
			{ id: 'classifier', title: { en: 'A live classifier on imbalanced data', zh: '在不平衡数据上实时训练的分类器' } },
			{ id: 'confusion', title: { en: 'Confusion matrix and threshold metrics', zh: '混淆矩阵与阈值相关指标' } },
			{ id: 'roc', title: { en: 'ROC curve and AUC', zh: 'ROC 曲线与 AUC' } },
			{ id: 'pr', title: { en: 'Precision-recall curve and average precision', zh: '精确率-召回率曲线与平均精确率' } },
			{ id: 'cross-validation', title: { en: 'k-fold cross-validation', zh: 'k 折交叉验证' } },
			{ id: 'interview', title: { en: 'Interview question', zh: '面试题' } },
			{ id: 'self-check', title: { en: 'Check yourself', zh: '自测' } }
		]
	},
	{
		id: 'L05', slug: 'optimizers', built: false, questions: [5], sections: [],
		title: { en: 'Optimizers, learning rate and batch size', zh: '优化器、学习率与批量大小' },
		summary: { en: 'Race SGD, momentum, Adam and others across loss surfaces; schedules and batch sizes on a real run.', zh: '让 SGD、动量、Adam 等优化器在损失曲面上赛跑；在真实训练中比较学习率调度与批量大小。' }
	},
	{
		id: 'L06', slug: 'preprocessing', built: false, questions: [25], sections: [],
		title: { en: 'Data preprocessing', zh: '数据预处理' },
		summary: { en: 'Scaling, missing values and outliers, and why the scaler is fitted on the training split only.', zh: '特征缩放、缺失值与离群点处理，以及为什么只在训练集上拟合缩放器。' }
	},
	{
		id: 'L07', slug: 'regularization', built: false, questions: [4, 22, 24, 29], sections: [],
		title: { en: 'Overfitting, regularization and generalization', zh: '过拟合、正则化与泛化' },
		summary: { en: 'L1, L2, dropout, early stopping and ensembles against a model that memorises noise.', zh: '用 L1、L2、Dropout、早停与集成对抗一个会记住噪声的模型。' }
	},
	{
		id: 'L08', slug: 'hyperparameter-tuning', built: false, questions: [6, 26], sections: [],
		title: { en: 'Hyperparameter tuning', zh: '超参数调优' },
		summary: { en: 'Grid search, random search and successive halving, with many small models trained at once.', zh: '网格搜索、随机搜索与逐次减半，同时训练许多小模型。' }
	},
	{
		id: 'L09', slug: 'convolution', built: true, questions: [8, 10],
		title: { en: 'Convolution, stride, padding and feature-map size', zh: '卷积、步长、填充与特征图尺寸' },
		summary: { en: 'Slide a kernel over a digit and see how kernel size, stride, padding and dilation shape the output.', zh: '让卷积核在数字图像上滑动，看核大小、步长、填充和膨胀如何决定输出。' },
		sections: [
			{ id: 'convolution', title: { en: 'Sliding a kernel over an image', zh: '让卷积核在图像上滑动' } },
			{ id: 'output-size', title: { en: 'Output size: stride, padding and dilation', zh: '输出尺寸：步长、填充与膨胀' } },
			{ id: 'channels', title: { en: 'Many channels and the parameter count', zh: '多通道与参数量' } },
			{ id: 'pooling', title: { en: 'Pooling: max and average', zh: '池化：最大池化与平均池化' } },
			{ id: 'interview', title: { en: 'Interview question', zh: '面试题' } },
			{ id: 'self-check', title: { en: 'Check yourself', zh: '自测' } }
		]
	},
	{
		id: 'L10', slug: 'cnn', built: true, questions: [7, 9],
		title: { en: 'CNN architecture and pooling', zh: 'CNN 结构与池化' },
		summary: { en: 'A small CNN trained live on real MNIST digits, with every feature map on show.', zh: '在真实 MNIST 手写数字上实时训练小型 CNN，展示每一层特征图。' },
		sections: [
			{ id: 'building-blocks', title: { en: 'Building blocks and parameter counts', zh: '基本组成与参数量' } },
			{ id: 'training', title: { en: 'Training on real digits', zh: '在真实手写数字上训练' } },
			{ id: 'feature-maps', title: { en: 'Feature maps of every layer', zh: '每一层的特征图' } },
			{ id: 'pooling', title: { en: 'Max and average pooling', zh: '最大池化与平均池化' } },
			{ id: 'confusion', title: { en: 'Which digits does it confuse?', zh: '它会把哪些数字认错？' } },
			{ id: 'interview', title: { en: 'Interview questions', zh: '面试题' } },
			{ id: 'self-check', title: { en: 'Check yourself', zh: '自测' } }
		]
	},
	{
		id: 'L11', slug: 'rnn-lstm-gru', built: false, questions: [11, 12], sections: [],
		title: { en: 'RNN, LSTM and GRU', zh: 'RNN、LSTM 与 GRU' },
		summary: { en: 'Memory tasks where a simple RNN forgets and gated cells remember; gates and hidden states over time.', zh: '在需要记忆的任务上，简单 RNN 会遗忘而门控单元能记住；观察门与隐藏状态随时间的变化。' }
	},
	{
		id: 'L12', slug: 'attention', built: false, questions: [13, 14], sections: [],
		title: { en: 'Self-attention and multi-head attention', zh: '自注意力与多头注意力' },
		summary: { en: 'Scaled dot-product attention step by step, several heads, and a tiny transformer learning to reverse.', zh: '逐步演示缩放点积注意力与多头注意力，并训练一个学会反转序列的小型 Transformer。' }
	},
	{
		id: 'L13', slug: 'sequence-metrics', built: false, questions: [16], sections: [],
		title: { en: 'Evaluating sequence outputs: edit distance, BLEU, ROUGE', zh: '序列输出评估：编辑距离、BLEU 与 ROUGE' },
		summary: { en: 'Type a reference and a candidate and see every count behind edit distance, BLEU and ROUGE.', zh: '输入参考文本与候选文本，查看编辑距离、BLEU 与 ROUGE 背后的每一个计数。' }
	},
	{
		id: 'L14', slug: 'gans', built: false, questions: [17, 18, 19, 20], sections: [],
		title: { en: 'GANs: structure, losses, mode collapse and training', zh: 'GAN：结构、损失、模式崩溃与训练' },
		summary: { en: 'A generator and a discriminator fight in 2-D; see mode collapse happen and the fixes that work.', zh: '生成器与判别器在二维平面上对抗；亲眼看到模式崩溃及有效的对策。' }
	},
	{
		id: 'L15', slug: 'transfer-learning', built: false, questions: [21, 27], sections: [],
		title: { en: 'Transfer learning and pre-training', zh: '迁移学习与预训练' },
		summary: { en: 'Pre-train on some digits, fine-tune on others, and compare with training from scratch.', zh: '先在部分数字上预训练，再在其他数字上微调，并与从零训练比较。' }
	},
	{
		id: 'L16', slug: 'interpretability', built: false, questions: [23], sections: [],
		title: { en: 'Interpretability', zh: '可解释性' },
		summary: { en: 'Saliency, occlusion, Grad-CAM, LIME and SHAP on models whose answers we know.', zh: '在已知答案的模型上比较显著图、遮挡、Grad-CAM、LIME 与 SHAP。' }
	},
	{
		id: 'L17', slug: 'data-augmentation', built: false, questions: [28], sections: [],
		title: { en: 'Data augmentation', zh: '数据增强' },
		summary: { en: 'Image, text and audio augmentations, and how they narrow the gap between training and validation.', zh: '图像、文本与音频的数据增强，以及它们如何缩小训练与验证之间的差距。' }
	}
];

/** The lesson with this slug, if any. */
export function lessonBySlug(slug: string): LessonInfo | undefined {
	return LESSONS.find((l) => l.slug === slug);
}

/** The lesson with this id. */
export function lessonById(id: LessonId): LessonInfo {
	const l = LESSONS.find((x) => x.id === id);
	if (!l) throw new Error(`unknown lesson ${id}`);
	return l;
}
