/**
 * A small seeded random source for the find-it-fast hunt (./targets.ts), so a draw can be replayed
 * from its seed (the hunt page's `?seed=` and the seed kept with every run). Not for anything
 * secret: mulberry32, 32-bit state.
 */

/** A random source: numbers in [0, 1), like Math.random. */
export type Random = () => number;

/** Seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/** Random source from `seed` (an integer 0…MAX_SEED; other numbers are truncated to 32 bits). The same seed gives the same sequence. */
export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A fresh seed from `random` (Math.random in the page). */
export function newSeed(random: Random): number {
	return Math.floor(random() * (MAX_SEED + 1)) >>> 0;
}
