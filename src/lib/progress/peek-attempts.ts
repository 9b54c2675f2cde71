/**
 * A knowledge check's attempts read from a stored record that is NOT validated yet (the whole
 * record as parsed, src/runtime/record-peek.ts), so a returning learner's knowledge check can show
 * its last attempt at load without the progress store and zod (issue 12, Lighthouse TBT on module
 * pages). Like ./peek.ts it never throws and keeps only what has the types of QuizAttemptSchema
 * (src/schemas/progress.ts) within its limits (src/schemas/limits.ts): an attempt with any field
 * out of shape is left out, so a tampered record can neither break the review nor put more text on
 * the page than a valid record could. The store validates the whole record when it loads, and
 * the knowledge check then shows the validated attempts instead.
 */
import type { QuizAttempt } from '../../schemas/progress';
import { LIMITS } from '../../schemas/limits';

type Json = Record<string, unknown>;
type QuizAnswer = QuizAttempt['answers'][string];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const percent = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** An answer as QuizAnswerSchema allows: a choice id, a list of at most LIMITS.answerItems ids, or true/false. */
function isAnswer(v: unknown): v is QuizAnswer {
	if (typeof v === 'boolean') return true;
	if (Array.isArray(v)) return v.length <= LIMITS.answerItems && v.every((x) => str(x, LIMITS.contentId));
	return str(v, LIMITS.contentId);
}

/** One attempt when every field has its schema type (values are checked, formats such as ISO times are not). */
function attemptOf(a: unknown): QuizAttempt | null {
	if (!isObject(a) || !isObject(a.answers)) return null;
	const { id, startedAt, submittedAt, correct, total, score, passMark, passed } = a;
	if (!str(id, LIMITS.entryId) || !str(startedAt, LIMITS.isoTime) || !str(submittedAt, LIMITS.isoTime)) return null;
	if (!count(correct) || !count(total) || total < 1 || total > 1000 || correct > total) return null;
	if (!percent(score) || !percent(passMark) || typeof passed !== 'boolean') return null;
	const answers: Record<string, QuizAnswer> = Object.create(null) as Record<string, QuizAnswer>;
	for (const [q, answer] of Object.entries(a.answers)) {
		if (q.length > LIMITS.contentId || !isAnswer(answer)) return null;
		answers[q] = Array.isArray(answer) ? [...answer] : answer;
	}
	return { id, startedAt, submittedAt, answers, correct, total, score, passMark, passed };
}

/**
 * The attempts of knowledge check `quizId` in `record` (any value: a record parsed from
 * localStorage and not validated), in stored order, without those out of shape; [] when the
 * record or the knowledge check is not there or not in shape. At most LIMITS.entries attempts.
 */
export function peekQuizAttempts(record: unknown, quizId: string): QuizAttempt[] {
	if (!isObject(record) || !isObject(record.quizzes) || !Object.hasOwn(record.quizzes, quizId)) return [];
	const history = record.quizzes[quizId];
	if (!isObject(history) || !Array.isArray(history.attempts)) return [];
	const out: QuizAttempt[] = [];
	for (const a of history.attempts.slice(0, LIMITS.entries)) {
		const attempt = attemptOf(a);
		if (attempt) out.push(attempt);
	}
	return out;
}
