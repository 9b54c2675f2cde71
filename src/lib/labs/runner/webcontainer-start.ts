import { webContainerPreflight, type IsolationEnv } from './preflight';
import { TimeoutError, withTimeout } from './timeout';

/**
 * Deciding whether the WebContainer runner can be used: preflight (cross-origin isolation,
 * SharedArrayBuffer), then `boot()` under a time limit. With no route to StackBlitz, `boot()`
 * neither resolves nor rejects (DESIGN.md, "Facts learned": WebContainer), so the limit is what
 * turns a blocked network into a clear "unavailable" and lets the page fall back to the offline
 * runner. `boot` is passed in (the page memoizes the real `WebContainer.boot`, which may run once).
 */

/** Default limit for `boot()`, in ms: a healthy boot takes a few seconds. */
export const BOOT_TIMEOUT_MS = 12_000;

export type StartOutcome<T> = { ok: true; instance: T } | { ok: false; reason: string };

export async function startWebContainer<T>(options: { env: IsolationEnv; boot: () => Promise<T>; timeoutMs?: number }): Promise<StartOutcome<T>> {
	const preflight = webContainerPreflight(options.env);
	if (!preflight.ok) return preflight;
	const timeoutMs = options.timeoutMs ?? BOOT_TIMEOUT_MS;
	try {
		const instance = await withTimeout(
			options.boot,
			timeoutMs,
			`it did not start within ${Math.round(timeoutMs / 100) / 10} s (WebContainer loads its runtime from StackBlitz; is the network blocking it?)`,
		);
		return { ok: true, instance };
	} catch (error) {
		if (error instanceof TimeoutError) return { ok: false, reason: error.message };
		return { ok: false, reason: `boot failed: ${error instanceof Error ? error.message : String(error)}` };
	}
}

/** The line the terminal shows when the WebContainer runner cannot be used. */
export function unavailableMessage(reason: string): string {
	return `WebContainer unavailable: ${reason}`;
}
