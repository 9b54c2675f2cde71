/**
 * Display order of an ordering question's items (the bank lists them in the correct order;
 * 'shown shuffled', src/schemas/quiz.ts). Deterministic for given random bytes (the build passes a
 * SHA-256 of the quiz and question ids), so every build shows the same order; never the correct one.
 */
export function shuffleWith<T>(items: readonly T[], bytes: Uint8Array): T[] {
	const out = [...items];
	if (out.length < 2 || bytes.length === 0) return out;
	for (let i = out.length - 1; i > 0; i--) {
		const j = bytes[i % bytes.length]! % (i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	if (out.every((x, i) => x === items[i])) out.push(out.shift()!);
	return out;
}
