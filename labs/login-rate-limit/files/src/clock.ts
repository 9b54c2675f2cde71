/** The current time, injected so tests can move it forward without waiting. */
export interface Clock {
	/** Milliseconds since 1970-01-01 UTC, like Date.now(). */
	now(): number;
}

/** The real clock, for production code. */
export const systemClock: Clock = { now: () => Date.now() };
