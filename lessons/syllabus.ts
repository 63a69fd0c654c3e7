import type { Bilingual } from '$lib/app/i18n/define';
import type { LessonId } from './catalog';

/** One of the 30 syllabus (interview) questions, in our own words, and where a lesson answers it. */
export interface SyllabusQuestion {
	/** Question number, 1-30, as in the syllabus. */
	n: number;
	question: Bilingual;
	/** The lesson that answers it (its `questions` in catalog.ts list `n`). */
	lesson: LessonId;
	/** Section id inside the lesson (catalog.ts `sections`); undefined while the lesson is not built. */
	section?: string;
}

/** The 30 questions in syllabus order. */
export const SYLLABUS: readonly SyllabusQuestion[] = [
	{ n: 1, lesson: 'L01', section: 'step', question: { en: 'How do the forward pass and backpropagation work in a deep network?', zh: '深度网络中的前向传播和反向传播是怎样进行的？' } },
	{ n: 2, lesson: 'L02', section: 'curves', question: { en: 'Which activation functions are common, and what are the strengths and weaknesses of each?', zh: '常见的激活函数有哪些？各自的优点和缺点是什么？' } },
	{ n: 3, lesson: 'L04', section: 'confusion', question: { en: 'How do you evaluate a model: accuracy, precision, recall, F1, the ROC curve (TPR against FPR) with its AUC, and cross-validation?', zh: '如何评估模型：准确率、精确率、召回率、F1、ROC 曲线（真正例率对假正例率）及 AUC，以及交叉验证？' } },
	{ n: 4, lesson: 'L07', question: { en: 'What regularization methods does deep learning use, and what does each one do?', zh: '深度学习中有哪些正则化方法？各自起什么作用？' } },
	{ n: 5, lesson: 'L05', question: { en: 'How can training be made faster and more reliable: learning rate, optimizer and batch size?', zh: '怎样让训练更快、更可靠：学习率、优化器与批量大小该如何选？' } },
	{ n: 6, lesson: 'L08', question: { en: 'What are the hyperparameters of a network, and how are they tuned?', zh: '神经网络有哪些超参数？如何调优？' } },
	{ n: 7, lesson: 'L10', section: 'building-blocks', question: { en: 'What are the building blocks of a convolutional neural network (CNN)?', zh: '卷积神经网络（CNN）由哪些基本部分组成？' } },
	{ n: 8, lesson: 'L09', section: 'convolution', question: { en: 'How does the convolution operation work?', zh: '卷积运算是如何进行的？' } },
	{ n: 9, lesson: 'L10', section: 'pooling', question: { en: 'What kinds of pooling are there, and how does each work?', zh: '池化有哪几种？各自如何工作？' } },
	{ n: 10, lesson: 'L09', section: 'output-size', question: { en: 'What is a feature map, and how do kernel size, stride and padding set its size?', zh: '什么是特征图？卷积核大小、步长和填充如何决定它的尺寸？' } },
	{ n: 11, lesson: 'L11', question: { en: 'How does a recurrent neural network (RNN) process a sequence?', zh: '循环神经网络（RNN）是如何处理序列的？' } },
	{ n: 12, lesson: 'L11', question: { en: 'LSTM and GRU: how do they differ, and what are the trade-offs?', zh: 'LSTM 与 GRU 有何不同？各有哪些取舍？' } },
	{ n: 13, lesson: 'L12', question: { en: 'How do multi-head attention and cross-attention work, and how are they different ideas?', zh: '多头注意力和交叉注意力分别如何工作？二者是怎样不同的概念？' } },
	{ n: 14, lesson: 'L12', question: { en: 'How does self-attention work in a Transformer?', zh: 'Transformer 中的自注意力是如何工作的？' } },
	{ n: 15, lesson: 'L01', section: 'mlp', question: { en: 'How does a multilayer perceptron (MLP) compute its output?', zh: '多层感知机（MLP）是如何计算输出的？' } },
	{ n: 16, lesson: 'L13', question: { en: 'How are the outputs of a sequence-to-sequence model evaluated (edit distance, BLEU, ROUGE)?', zh: '如何评估序列到序列模型的输出（编辑距离、BLEU、ROUGE）？' } },
	{ n: 17, lesson: 'L14', question: { en: 'What is the basic structure of a generative adversarial network (GAN)?', zh: '生成对抗网络（GAN）的基本结构是什么？' } },
	{ n: 18, lesson: 'L14', question: { en: 'Which loss functions are used to train GANs?', zh: '训练 GAN 常用哪些损失函数？' } },
	{ n: 19, lesson: 'L14', question: { en: 'What is mode collapse in a GAN, and what actually prevents it?', zh: 'GAN 的模式崩溃是什么？哪些方法真正能防止它？' } },
	{ n: 20, lesson: 'L14', question: { en: 'How can GAN training be made more stable?', zh: '如何让 GAN 的训练更稳定？' } },
	{ n: 21, lesson: 'L15', question: { en: 'How does transfer learning improve a model on a new task?', zh: '迁移学习如何提升模型在新任务上的表现？' } },
	{ n: 22, lesson: 'L07', question: { en: 'How do you recognise and deal with overfitting?', zh: '如何识别并应对过拟合？' } },
	{ n: 23, lesson: 'L16', question: { en: "How can a deep model's decisions be explained, and how do you judge an explanation?", zh: '如何解释深度模型的决策？又如何判断一种解释是否可信？' } },
	{ n: 24, lesson: 'L07', question: { en: 'How can a model be made to generalise better to new data?', zh: '如何提高模型在新数据上的泛化能力？' } },
	{ n: 25, lesson: 'L06', question: { en: 'What are the usual data preprocessing steps, and why do they matter?', zh: '常见的数据预处理步骤有哪些？为什么重要？' } },
	{ n: 26, lesson: 'L08', question: { en: 'Which hyperparameters matter most in practice, and which search strategies find good values?', zh: '实践中哪些超参数最重要？用什么搜索策略能找到好的取值？' } },
	{ n: 27, lesson: 'L15', question: { en: 'What is pre-training, and why does fine-tuning a pre-trained model help?', zh: '什么是预训练？为什么在预训练模型上微调会有帮助？' } },
	{ n: 28, lesson: 'L17', question: { en: 'What data augmentation methods exist for images, text and audio?', zh: '图像、文本和音频各有哪些数据增强方法？' } },
	{ n: 29, lesson: 'L07', question: { en: 'How are L1, L2, dropout and ensembles applied in practice?', zh: 'L1、L2、Dropout 与集成方法在实践中如何应用？' } },
	{ n: 30, lesson: 'L03', section: 'regression', question: { en: 'Which loss functions are there, and how do you choose one?', zh: '有哪些损失函数？应当如何选择？' } }
];

/** The questions a lesson answers, in order. */
export function questionsOf(lesson: LessonId): SyllabusQuestion[] {
	return SYLLABUS.filter((q) => q.lesson === lesson);
}
