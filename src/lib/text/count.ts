/**
 * "1 learner", "3 learners": a number with its noun in the singular or the plural (English).
 * `plural` defaults to the noun plus "s".
 */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
	return `${n} ${n === 1 ? noun : plural}`;
}
