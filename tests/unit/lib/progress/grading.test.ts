import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { QuizSchema } from '../../../../src/schemas/quiz';
import { answerKey, displayPercent, gradeQuiz, isCorrect, meetsPassMark, type AnswerKey } from '../../../../src/lib/progress/grading';

const key: AnswerKey = {
	quizId: 'k',
	passMark: 80,
	maxAttempts: null,
	questions: [
		{ id: 'single', type: 'single', correct: 'a' },
		{ id: 'multi', type: 'multiple', correct: ['a', 'b', 'd'] },
		{ id: 'tf', type: 'true-false', correct: false },
		{ id: 'order', type: 'ordering', correct: ['dor', 'progress', 'dod', 'final'] },
		{ id: 'single2', type: 'single', correct: 'c' },
	],
};
const all = { single: 'a', multi: ['d', 'a', 'b'], tf: false, order: ['dor', 'progress', 'dod', 'final'], single2: 'c' };

describe('isCorrect', () => {
	it('single choice: only the correct choice', () => {
		expect(isCorrect(key.questions[0]!, 'a')).toBe(true);
		expect(isCorrect(key.questions[0]!, 'b')).toBe(false);
		expect(isCorrect(key.questions[0]!, ['a'])).toBe(false);
		expect(isCorrect(key.questions[0]!, undefined)).toBe(false);
	});
	it('multiple choice: all and only the correct choices, any order', () => {
		const q = key.questions[1]!;
		expect(isCorrect(q, ['d', 'b', 'a'])).toBe(true);
		expect(isCorrect(q, ['a', 'b'])).toBe(false);
		expect(isCorrect(q, ['a', 'b', 'c', 'd'])).toBe(false);
		expect(isCorrect(q, ['a', 'a', 'b', 'd'])).toBe(false);
		expect(isCorrect(q, 'a')).toBe(false);
	});
	it('true/false: the same boolean, not a string', () => {
		expect(isCorrect(key.questions[2]!, false)).toBe(true);
		expect(isCorrect(key.questions[2]!, true)).toBe(false);
		expect(isCorrect(key.questions[2]!, 'false')).toBe(false);
	});
	it('ordering: every item in place', () => {
		const q = key.questions[3]!;
		expect(isCorrect(q, ['dor', 'progress', 'dod', 'final'])).toBe(true);
		expect(isCorrect(q, ['progress', 'dor', 'dod', 'final'])).toBe(false);
		expect(isCorrect(q, ['dor', 'progress', 'dod'])).toBe(false);
	});
});

describe('gradeQuiz and the pass mark', () => {
	it('all right: 100 %, passed', () => {
		expect(gradeQuiz(key, all)).toMatchObject({ correct: 5, total: 5, score: 100, passed: true });
	});
	it('4 of 5 = 80 % passes an 80 % pass mark (000, Level 1 online quiz)', () => {
		const g = gradeQuiz(key, { ...all, single2: 'a' });
		expect(g).toMatchObject({ correct: 4, total: 5, score: 80, passed: true });
		expect(g.results).toMatchObject({ single2: false, single: true });
	});
	it('4 of 5 fails an 85 % pass mark (003, Gate 1)', () => {
		expect(gradeQuiz({ ...key, passMark: 85 }, { ...all, single2: 'a' }).passed).toBe(false);
	});
	it('unanswered questions count as wrong; answers to unknown questions are ignored', () => {
		expect(gradeQuiz(key, { single: 'a', bogus: 'x' })).toMatchObject({ correct: 1, total: 5, score: 20, passed: false });
	});
	it('compares exactly, so rounding never passes a score below the mark', () => {
		expect(meetsPassMark(2, 3, 66.7)).toBe(false); // 66.66… %
		expect(meetsPassMark(2, 3, 66)).toBe(true);
		expect(meetsPassMark(9, 10, 90)).toBe(true);
		expect(meetsPassMark(17, 19, 90)).toBe(false); // 89.47 %
		expect(displayPercent((17 / 19) * 100)).toBe(89);
		expect(displayPercent(80)).toBe(80);
	});
	it('a pass mark of 0 passes an empty submission; an empty bank never passes', () => {
		expect(gradeQuiz({ ...key, passMark: 0 }, {}).passed).toBe(true);
		expect(gradeQuiz({ ...key, questions: [] }, {}).passed).toBe(false);
	});
});

describe('answerKey over every bank in content/quizzes', () => {
	const files = readdirSync('content/quizzes').filter((f) => f.endsWith('.yaml'));
	it('finds the banks', () => expect(files.length).toBeGreaterThan(20));
	it.each(files)('%s: parses, keeps its pass mark and policy, and grades its right answers as 100 %%', (file) => {
		const bank = QuizSchema.parse(parse(readFileSync(`content/quizzes/${file}`, 'utf8')));
		const k = answerKey(file.replace(/\.yaml$/, ''), bank);
		expect(k.passMark).toBe(bank.passMark);
		expect(k.maxAttempts).toBe(bank.policy.maxAttempts);
		expect(k.questions.map((q) => q.type)).toEqual(bank.questions.map((q) => q.type));
		const right = Object.fromEntries(k.questions.map((q) => [q.id, q.correct]));
		expect(gradeQuiz(k, right)).toMatchObject({ correct: bank.questions.length, passed: true });
	});
	it('keeps maxAttempts (003, Gate 2: retesting allowed once = 2)', () => {
		const bank = QuizSchema.parse({ ...parse(readFileSync('content/quizzes/qms-onboarding-qms-introduction.yaml', 'utf8')), policy: { maxAttempts: 2 } });
		expect(answerKey('x', bank).maxAttempts).toBe(2);
	});
});
