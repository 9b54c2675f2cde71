/**
 * Self-assessment scoring: the average of 1–5 ratings and the band it falls in. Bands for the
 * release readiness self-assessment (001, "Readiness Assessment"): 4–5 "Ready to go!",
 * 3–4 "Almost there, a bit more practice.", below 3 "More training needed, talk to your buddy."
 * An average exactly on a boundary (4 or 3) belongs to the higher band.
 */

/** A band: applies when the average is ≥ `min` (and below the next band's min). */
export interface Band {
	min: number;
	label: string;
	advice: string;
}

/** Arithmetic mean; throws RangeError for an empty list (a submission rates every statement). */
export function averageRating(ratings: readonly number[]): number {
	if (ratings.length === 0) throw new RangeError('averageRating needs at least one rating');
	return ratings.reduce((s, r) => s + r, 0) / ratings.length;
}

/** The band an average falls in: the one with the highest `min` ≤ average; undefined below every band. */
export function bandFor<B extends Band>(average: number, bands: readonly B[]): B | undefined {
	return [...bands].sort((a, b) => b.min - a.min).find((b) => average >= b.min - 1e-9);
}

/** Average for display with two decimals at most, e.g. 3.67, 4, 4.5. */
export function formatAverage(average: number): string {
	return String(Math.round(average * 100) / 100);
}
