/**
 * Order two ISO 8601 times: negative when a is earlier, positive when later. Equal instants
 * written differently are ordered by their text, so the order is total (merges stay commutative).
 */
export function compareTime(a: string, b: string): number {
	const d = Date.parse(a) - Date.parse(b);
	if (d !== 0 && !Number.isNaN(d)) return d;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two ISO times (see compareTime). */
export function laterTime(a: string, b: string): string {
	return compareTime(a, b) >= 0 ? a : b;
}
