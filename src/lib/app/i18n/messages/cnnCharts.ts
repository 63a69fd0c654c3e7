import { defineMessages } from '../define';

/**
 * Strings of the image-grid charts (FeatureMapGrid, ArchitectureDiagram, DigitGallery) and of
 * selectable MatrixChart cells: tile names, read-outs, summaries and data-table columns. Keys live under `chart.` like the rest of the kit.
 */
export const cnnCharts = defineMessages(
	{
		'chart.col.channel': 'channel',
		'chart.col.shape': 'shape',
		'chart.col.params': 'parameters',
		'chart.col.weightShape': 'weight shape',
		'chart.col.index': 'index',
		'chart.col.label': 'label',
		'chart.col.prediction': 'prediction',
		'chart.hint.tiles': 'Use the arrow keys to move between tiles, Enter to select one.',
		'chart.fmap.channel': 'channel {n}',
		'chart.fmap.tile': '{name}: values from {min} to {max}',
		'chart.fmap.readout': '{name}, row {row}, column {col}: {value}',
		'chart.fmap.summary': '{channels} channels of {h} × {w} values, from {min} to {max}.',
		'chart.fmap.ownScale': 'colour: each tile’s own range',
		'chart.arch.params': '{n} params',
		'chart.arch.total': 'Total: {n} learnable parameters',
		'chart.arch.layer': '{name}: output {shape}, {params} parameters',
		'chart.arch.weights': 'weights {shape}',
		'chart.arch.summary': '{layers} layers, {params} learnable parameters in all.',
		'chart.digits.digit': 'digit {id}',
		'chart.digits.summary': '{count} digits.',
		'chart.digits.none': 'No digits to show.',
		'chart.matrix.cell': '{rowTitle} {row}, {colTitle} {col}: {value}'
	},
	{
		'chart.col.channel': '通道',
		'chart.col.shape': '形状',
		'chart.col.params': '参数量',
		'chart.col.weightShape': '权重形状',
		'chart.col.index': '序号',
		'chart.col.label': '标签',
		'chart.col.prediction': '预测',
		'chart.hint.tiles': '用方向键在各小图之间移动，按 Enter 选中。',
		'chart.fmap.channel': '通道 {n}',
		'chart.fmap.tile': '{name}：数值从 {min} 到 {max}',
		'chart.fmap.readout': '{name}，第 {row} 行，第 {col} 列：{value}',
		'chart.fmap.summary': '共 {channels} 个通道，每个 {h} × {w}，数值从 {min} 到 {max}。',
		'chart.fmap.ownScale': '颜色：每张小图各用自己的数值范围',
		'chart.arch.params': '{n} 个参数',
		'chart.arch.total': '合计 {n} 个可学习参数',
		'chart.arch.layer': '{name}：输出 {shape}，{params} 个参数',
		'chart.arch.weights': '权重 {shape}',
		'chart.arch.summary': '共 {layers} 层，可学习参数合计 {params} 个。',
		'chart.digits.digit': '第 {id} 个数字',
		'chart.digits.summary': '共 {count} 个数字。',
		'chart.digits.none': '没有可显示的数字。',
		'chart.matrix.cell': '{rowTitle} {row}，{colTitle} {col}：{value}'
	}
);
