/**
 * Grading of knowledge checks (banks: content/quizzes/<id>.yaml, schema src/schemas/quiz.ts).
 * Each question is right or wrong (no partial credit); the score is the percent of questions
 * right and passes when it reaches the bank's pass mark, e.g. 80 % (000, Level 1 "Online quiz
 * (80% pass rate required)") or 85 % (003, Gate 1).
 */
import type { Quiz } from '../../schemas/quiz';

/** What grading needs of one question: its type and the right answer. */
export type KeyQuestion =
	| { id: string; type: 'single'; correct: string }
	| { id: string; type: 'multiple'; correct: string[] }
	| { id: string; type: 'true-false'; correct: boolean }
	| { id: string; type: 'ordering'; correct: string[] };

/** The answer key of a bank: shipped to the page so the quiz island can grade in the browser. */
export interface AnswerKey {
	/** Bank id (file name in content/quizzes). */
	quizId: string;
	/** Percent, 0–100. */
	passMark: number;
	/** Attempts allowed in all; null = unlimited (003, Gate 2 "retesting allowed once" = 2). */
	maxAttempts: number | null;
	questions: KeyQuestion[];
}

/** A learner's answer: choice id (single), choice ids (multiple), boolean (true/false), item ids in order (ordering). */
export type Answer = string | string[] | boolean;

/** Build the answer key of a validated bank. */
export function answerKey(quizId: string, quiz: Pick<Quiz, 'passMark' | 'policy' | 'questions'>): AnswerKey {
	return {
		quizId,
		passMark: quiz.passMark,
		maxAttempts: quiz.policy.maxAttempts,
		questions: quiz.questions.map((q): KeyQuestion => {
			switch (q.type) {
				case 'single':
					return { id: q.id, type: 'single', correct: q.choices.find((c) => c.correct)!.id };
				case 'multiple':
					return { id: q.id, type: 'multiple', correct: q.choices.filter((c) => c.correct).map((c) => c.id) };
				case 'true-false':
					return { id: q.id, type: 'true-false', correct: q.answer };
				case 'ordering':
					return { id: q.id, type: 'ordering', correct: q.items.map((i) => i.id) };
			}
		}),
	};
}

/**
 * Whether one answer is right. Single: the one correct choice. Multiple: all and only the correct
 * choices, in any order. True/false: the same boolean. Ordering: every item in the correct position.
 * A missing or mistyped answer is wrong.
 */
export function isCorrect(q: KeyQuestion, answer: Answer | undefined): boolean {
	switch (q.type) {
		case 'single':
			return typeof answer === 'string' && answer === q.correct;
		case 'multiple': {
			if (!Array.isArray(answer)) return false;
			const picked = new Set(answer);
			return picked.size === answer.length && picked.size === q.correct.length && q.correct.every((id) => picked.has(id));
		}
		case 'true-false':
			return typeof answer === 'boolean' && answer === q.correct;
		case 'ordering':
			return Array.isArray(answer) && answer.length === q.correct.length && answer.every((id, i) => id === q.correct[i]);
	}
}

/**
 * Whether `correct` of `total` reaches `passMark` percent. Compared as correct × 100 ≥ passMark × total
 * so that rounding never turns a fail into a pass (4 of 5 = 80 % passes 80; 79.9 % does not).
 */
export function meetsPassMark(correct: number, total: number, passMark: number): boolean {
	return correct * 100 >= passMark * total;
}

/** The result of grading one submission. */
export interface Grade {
	/** Questions right. */
	correct: number;
	/** Questions in the bank. */
	total: number;
	/** Percent right, 0–100, not rounded. */
	score: number;
	/** Reached the pass mark. */
	passed: boolean;
	/** Right (true) or wrong by question id. */
	results: Record<string, boolean>;
}

/** Grade answers (by question id) against a key. Answers to unknown questions are ignored. */
export function gradeQuiz(key: AnswerKey, answers: Readonly<Record<string, Answer>>): Grade {
	const results: Record<string, boolean> = {};
	let correct = 0;
	for (const q of key.questions) {
		const ok = isCorrect(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined);
		results[q.id] = ok;
		if (ok) correct++;
	}
	const total = key.questions.length;
	return { correct, total, score: total === 0 ? 0 : (correct / total) * 100, passed: total > 0 && meetsPassMark(correct, total, key.passMark), results };
}

// displayPercent lives in ./percent.ts (views that show scores need it without the grading code).
export { displayPercent } from './percent';
