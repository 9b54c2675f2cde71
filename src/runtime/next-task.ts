/**
 * Resolve in a later task, so the browser can paint and handle input in between: long start-up
 * work split at these points counts as several short tasks rather than one long one (issue 12,
 * Lighthouse Total Blocking Time). Uses `scheduler.yield()` where the browser has it (the rest of
 * the work keeps its place ahead of other queued tasks), else a zero-delay timeout.
 */
export function nextTask(): Promise<void> {
	const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	return typeof s?.yield === 'function' ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
