/**
 * Whether WebContainer can start in this page, decided before calling `boot()`: it needs
 * cross-origin isolation (COOP `same-origin` + COEP `require-corp`) and SharedArrayBuffer
 * (DESIGN.md, "Facts learned": WebContainer). The caller passes the globals, so this stays pure.
 */
export interface IsolationEnv {
	/** `globalThis.crossOriginIsolated` (undefined in old browsers). */
	crossOriginIsolated: boolean | undefined;
	/** `typeof SharedArrayBuffer === 'function'`. */
	hasSharedArrayBuffer: boolean;
}

export type Preflight = { ok: true } | { ok: false; reason: string };

export function webContainerPreflight(env: IsolationEnv): Preflight {
	if (env.crossOriginIsolated !== true) {
		return {
			ok: false,
			reason:
				'this page is not cross-origin isolated (the server must send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)',
		};
	}
	if (!env.hasSharedArrayBuffer) return { ok: false, reason: 'this browser does not provide SharedArrayBuffer' };
	return { ok: true };
}

/** Reads the isolation facts from a global object (window or worker scope). */
export function isolationEnvOf(scope: { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown }): IsolationEnv {
	return { crossOriginIsolated: scope.crossOriginIsolated, hasSharedArrayBuffer: typeof scope.SharedArrayBuffer === 'function' };
}
