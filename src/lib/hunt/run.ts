/**
 * The find-it-fast hunt as a pure state machine over JSON state (saved in storage by the hunt bar,
 * so a hunt survives page changes, reloads and pauses). Every function takes the time `now` in
 * milliseconds since the epoch (the page passes Date.now(); tests pass fixed numbers) and returns a
 * new state; nothing is mutated.
 *
 * Rules (001, Core Competencies, Universal Competency 1: "Skill: Find relevant document in <2
 * minutes"; "Assessment: Navigate to 5 random docs by topic/role/phase"):
 * - one target is open at a time; its timer runs from when it opened, except while paused;
 * - arriving on the open target's page marks it found, with the time it took;
 * - at 2 minutes (TARGET_LIMIT_MS) the open target times out and the next one opens;
 * - the learner may skip the open target or end the hunt (the rest count as skipped);
 * - the hunt passes when every target was found in under 2 minutes.
 */
import type { HuntTarget } from './targets';

/** Time allowed per target, milliseconds: "<2 minutes" (001, Universal Competency 1). */
export const TARGET_LIMIT_MS = 120_000;

export type TargetStatus = 'open' | 'pending' | 'found' | 'skipped' | 'timed-out';

/** One target and how it went. */
export interface TargetState extends HuntTarget {
	status: TargetStatus;
	/** Time spent on it, milliseconds (pauses excluded); for the open target, up to the last pause or segment start. */
	ms: number;
}

/** A hunt in progress (or finished, until the learner closes it). */
export interface HuntState {
	/** Id of the run as it will be kept in the learner record (so recording twice keeps one). */
	id: string;
	/** Seed of the draw (replays the same targets). */
	seed: number;
	/** When the hunt started, ms since the epoch. */
	startedAt: number;
	/** The targets in order. */
	targets: TargetState[];
	/** Index of the open target; targets.length when finished. */
	current: number;
	/** When the open target's timer last (re)started, ms; null while paused or finished. */
	runningSince: number | null;
	/** When the hunt finished, ms; null while running. */
	finishedAt: number | null;
	/** The run was written to the learner record. */
	recorded: boolean;
}

/** A new hunt over `targets`; the first opens at `now`. */
export function startHunt(id: string, seed: number, targets: readonly HuntTarget[], now: number): HuntState {
	return {
		id,
		seed,
		startedAt: now,
		targets: targets.map((t, i) => ({ ...t, status: i === 0 ? 'open' : 'pending', ms: 0 })),
		current: 0,
		runningSince: targets.length ? now : null,
		finishedAt: targets.length ? null : now,
		recorded: false,
	};
}

export function isFinished(s: HuntState): boolean {
	return s.current >= s.targets.length;
}

export function isPaused(s: HuntState): boolean {
	return !isFinished(s) && s.runningSince === null;
}

/** Milliseconds spent on the open target at `now` (0 when finished). Never negative, even if the clock went back. */
export function elapsed(s: HuntState, now: number): number {
	const t = s.targets[s.current];
	if (!t) return 0;
	return t.ms + (s.runningSince === null ? 0 : Math.max(0, now - s.runningSince));
}

/** Close the open target with `status` and `ms`; open the next (its timer starts at `now` unless paused). */
function close(s: HuntState, status: Exclude<TargetStatus, 'open' | 'pending'>, ms: number, now: number): HuntState {
	const i = s.current;
	const targets = s.targets.map((t, j) => (j === i ? { ...t, status, ms } : j === i + 1 ? { ...t, status: 'open' as const } : t));
	const next = i + 1;
	const done = next >= targets.length;
	return { ...s, targets, current: next, runningSince: done ? null : s.runningSince === null ? null : now, finishedAt: done ? now : null };
}

/** Time out the open target if it reached the limit at `now`. Call it on every clock tick. */
export function tick(s: HuntState, now: number): HuntState {
	if (isFinished(s) || elapsed(s, now) < TARGET_LIMIT_MS) return s;
	return close(s, 'timed-out', TARGET_LIMIT_MS, now);
}

/** The learner is on page `pageId` at `now`: found when it is the open target (and time is not up). */
export function arrive(s: HuntState, pageId: string, now: number): HuntState {
	const t = tick(s, now);
	if (t !== s || isFinished(s) || s.targets[s.current]!.page !== pageId) return t;
	return close(s, 'found', elapsed(s, now), now);
}

/** Give up the open target. */
export function skip(s: HuntState, now: number): HuntState {
	const t = tick(s, now);
	if (t !== s || isFinished(s)) return t;
	return close(s, 'skipped', elapsed(s, now), now);
}

/** End the hunt: the open target and every pending one count as skipped. */
export function endHunt(s: HuntState, now: number): HuntState {
	let t = tick(s, now);
	while (!isFinished(t)) t = close(t, 'skipped', elapsed(t, now), now);
	return t;
}

/** Stop the open target's timer. */
export function pause(s: HuntState, now: number): HuntState {
	const t = tick(s, now);
	if (isFinished(t) || t.runningSince === null) return t;
	return { ...t, targets: t.targets.map((x, j) => (j === t.current ? { ...x, ms: elapsed(t, now) } : x)), runningSince: null };
}

/** Start the open target's timer again. */
export function resume(s: HuntState, now: number): HuntState {
	if (isFinished(s) || s.runningSince !== null) return s;
	return { ...s, runningSince: now };
}

/** How a finished (or running) hunt scores. */
export interface HuntScore {
	/** Targets found in under the limit. */
	found: number;
	total: number;
	/** Every target found in under TARGET_LIMIT_MS. */
	passed: boolean;
}

export function score(s: HuntState): HuntScore {
	const found = s.targets.filter((t) => t.status === 'found' && t.ms < TARGET_LIMIT_MS).length;
	return { found, total: s.targets.length, passed: isFinished(s) && s.targets.length > 0 && found === s.targets.length };
}

/** "1:05" for 65 000 ms (whole seconds, rounded down). */
export function formatMs(ms: number): string {
	const sec = Math.floor(Math.max(0, ms) / 1000);
	return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
}
