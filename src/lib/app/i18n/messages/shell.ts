import { defineMessages } from '../define';

/** Strings of the app shell: header, navigation, language, errors. */
export const shell = defineMessages(
	{
		'app.name': 'DL Explorables',
		'app.tagline': 'Interactive deep-learning lessons that train real models in your browser.',
		'nav.home': 'Lessons',
		'nav.skip': 'Skip to content',
		'lang.label': 'Language',
		'lang.en': 'English',
		'lang.zh': '中文',
		'error.notFound': 'This page does not exist.',
		'error.generic': 'Something went wrong: {message}',
		'error.backHome': 'Back to all lessons',
		'lesson.loading': 'Loading the lesson…',
		'lesson.coming': 'coming'
	},
	{
		'app.name': 'DL Explorables 深度学习交互课',
		'app.tagline': '在浏览器里训练真实模型的交互式深度学习课程。',
		'nav.home': '全部课程',
		'nav.skip': '跳到正文',
		'lang.label': '语言',
		'lang.en': 'English',
		'lang.zh': '中文',
		'error.notFound': '页面不存在。',
		'error.generic': '出错了：{message}',
		'error.backHome': '返回课程列表',
		'lesson.loading': '正在加载课程……',
		'lesson.coming': '即将推出'
	}
);
