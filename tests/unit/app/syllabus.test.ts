import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '$lessons/catalog';
import { questionsOf, SYLLABUS } from '$lessons/syllabus';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/u;

describe('syllabus', () => {
	it('lists questions 1..30, each exactly once, in order', () => {
		expect(SYLLABUS.map((q) => q.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
	});

	it('maps each question to a lesson whose catalog entry lists that number', () => {
		for (const q of SYLLABUS) expect(lessonById(q.lesson).questions, `Q${q.n}`).toContain(q.n);
	});

	it('covers every question a lesson claims in the catalog', () => {
		for (const l of LESSONS) {
			expect(questionsOf(l.id).map((q) => q.n), l.id).toEqual([...l.questions].sort((a, b) => a - b));
		}
	});

	it('links sections only of built lessons, and only sections that exist', () => {
		for (const q of SYLLABUS) {
			if (q.section === undefined) continue;
			const lesson = lessonById(q.lesson);
			expect(lesson.built, `Q${q.n}`).toBe(true);
			expect(lesson.sections.map((s) => s.id), `Q${q.n}`).toContain(q.section);
		}
	});

	it('gives every built lesson question a section to land on', () => {
		for (const q of SYLLABUS) if (lessonById(q.lesson).built) expect(q.section, `Q${q.n}`).toBeDefined();
	});

	it('has both languages for every question, Chinese text in zh', () => {
		for (const q of SYLLABUS) {
			expect(q.question.en.trim().length, `Q${q.n} en`).toBeGreaterThan(10);
			expect(CJK.test(q.question.zh), `Q${q.n} zh`).toBe(true);
			expect(CJK.test(q.question.en), `Q${q.n} en`).toBe(false);
		}
	});

	it('names the corrected concepts correctly', () => {
		const q = (n: number) => SYLLABUS[n - 1].question;
		expect(q(3).en).toMatch(/TPR against FPR/);
		expect(q(3).zh).toMatch(/真正例率对假正例率/);
		expect(q(13).en).toMatch(/multi-head attention/);
		expect(q(13).en).toMatch(/cross-attention/);
		expect(q(13).zh).toMatch(/多头注意力/);
		expect(q(13).zh).toMatch(/交叉注意力/);
		expect(q(13).zh).not.toMatch(/跨注意力/);
	});
});
