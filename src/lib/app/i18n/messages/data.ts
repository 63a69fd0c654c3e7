import { defineMessages } from '../define';

/** Strings of the shipped data sets and of the drawing and upload inputs. */
export const data = defineMessages(
	{
		'data.digits.loading': 'Loading the MNIST digits…',
		'data.digits.retry': 'Try again',
		'data.digits.error.empty': 'The digit file is empty ({detail}). Rebuild the app (npm run build) to recreate it.',
		'data.digits.error.magic': 'This is not a DL Explorables digit file ({detail}).',
		'data.digits.error.version': 'The digit file has a format this version cannot read ({detail}).',
		'data.digits.error.header': 'The digit file’s header is wrong ({detail}).',
		'data.digits.error.truncated': 'The digit file is cut short or padded ({detail}).',
		'data.digits.error.label': 'The digit file has an impossible label ({detail}).',
		'data.digits.error.gzip': 'The digit file could not be decompressed ({detail}).',
		'data.digits.error.fetch': 'The digit file could not be loaded ({detail}).',
		'data.draw.label': 'Drawing pad: draw a digit',
		'data.draw.hint': 'Draw with the mouse, a finger or a pen.',
		'data.draw.clear': 'Clear',
		'data.draw.empty': 'The pad is empty.',
		'data.upload.label': 'Upload an image',
		'data.upload.tooBig': '“{name}” is {size} MB; images up to 10 MB are accepted.',
		'data.upload.notImage': '“{name}” is not an image this browser can decode.',
		'data.upload.tooManyPixels': '“{name}” is {width}×{height} pixels; pictures up to 64 megapixels are accepted.',
		'data.upload.loaded': 'Loaded “{name}” ({width}×{height}), shown in grayscale at {side}×{side}.'
	},
	{
		'data.digits.loading': '正在加载 MNIST 手写数字…',
		'data.digits.retry': '重试',
		'data.digits.error.empty': '数字数据文件为空（{detail}）。请重新构建应用（npm run build）以重新生成。',
		'data.digits.error.magic': '这不是 DL Explorables 的数字数据文件（{detail}）。',
		'data.digits.error.version': '数字数据文件的格式版本无法识别（{detail}）。',
		'data.digits.error.header': '数字数据文件的文件头有误（{detail}）。',
		'data.digits.error.truncated': '数字数据文件不完整或多出数据（{detail}）。',
		'data.digits.error.label': '数字数据文件含有不可能的标签（{detail}）。',
		'data.digits.error.gzip': '数字数据文件无法解压（{detail}）。',
		'data.digits.error.fetch': '无法加载数字数据文件（{detail}）。',
		'data.draw.label': '画板：在此写一个数字',
		'data.draw.hint': '可用鼠标、手指或触控笔书写。',
		'data.draw.clear': '清除',
		'data.draw.empty': '画板是空的。',
		'data.upload.label': '上传图片',
		'data.upload.tooBig': '“{name}”大小为 {size} MB；仅接受 10 MB 以内的图片。',
		'data.upload.notImage': '“{name}”不是本浏览器能解码的图片。',
		'data.upload.tooManyPixels': '“{name}”为 {width}×{height} 像素；仅接受 6400 万像素以内的图片。',
		'data.upload.loaded': '已加载“{name}”（{width}×{height}），以 {side}×{side} 灰度显示。'
	}
);
