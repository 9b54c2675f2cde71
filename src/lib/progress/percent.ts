/**
 * How a knowledge-check score is shown, in its own module so views that only show scores (My
 * credentials' rules, src/lib/credentials/rules.ts) do not download the grading code of ./grading.ts,
 * which re-exports it.
 */

/** Score for display: whole percent, rounded down so 79.9 shows as 79, never as a pass mark it missed. */
export function displayPercent(score: number): number {
	return Math.floor(score + 1e-9);
}
