import { WebContainer } from '@webcontainer/api';
import { describe, expect, it } from 'vitest';
import { isolationEnvOf, webContainerPreflight } from '../../../../../src/lib/labs/runner/preflight';
import { startWebContainer, unavailableMessage } from '../../../../../src/lib/labs/runner/webcontainer-start';

/**
 * The WebContainer decision up to the network boundary: preflight on injected environments, and
 * `boot()` under a real time limit, with the real @webcontainer/api (which cannot boot in Node, and
 * cannot reach StackBlitz here). A successful boot is never faked.
 */
const isolated = { crossOriginIsolated: true, hasSharedArrayBuffer: true };

describe('webContainerPreflight', () => {
	it('needs cross-origin isolation, naming the two headers', () => {
		const result = webContainerPreflight({ crossOriginIsolated: false, hasSharedArrayBuffer: true });
		expect(result).toEqual({ ok: false, reason: expect.stringMatching(/Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp/) });
		expect(webContainerPreflight({ crossOriginIsolated: undefined, hasSharedArrayBuffer: true }).ok).toBe(false);
	});
	it('needs SharedArrayBuffer', () => {
		expect(webContainerPreflight({ crossOriginIsolated: true, hasSharedArrayBuffer: false })).toEqual({ ok: false, reason: 'this browser does not provide SharedArrayBuffer' });
	});
	it('passes an isolated page with SharedArrayBuffer', () => {
		expect(webContainerPreflight(isolated)).toEqual({ ok: true });
	});
	it('reads the facts from a global scope', () => {
		expect(isolationEnvOf({ crossOriginIsolated: true, SharedArrayBuffer })).toEqual(isolated);
		expect(isolationEnvOf({})).toEqual({ crossOriginIsolated: undefined, hasSharedArrayBuffer: false });
	});
});

describe('startWebContainer', () => {
	it('does not call boot when preflight fails', async () => {
		let called = false;
		const outcome = await startWebContainer({ env: { crossOriginIsolated: false, hasSharedArrayBuffer: false }, boot: async () => (called = true) });
		expect(outcome.ok).toBe(false);
		expect(called).toBe(false);
	});

	it('turns a boot that never settles (no network) into "unavailable" when the real time limit passes', async () => {
		const started = performance.now();
		const outcome = await startWebContainer({ env: isolated, boot: () => new Promise<never>(() => {}), timeoutMs: 300 });
		const elapsed = performance.now() - started;
		expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/^it did not start within 0\.3 s/) });
		expect(elapsed).toBeGreaterThanOrEqual(290);
		expect(elapsed).toBeLessThan(2000);
		if (!outcome.ok) expect(unavailableMessage(outcome.reason)).toMatch(/^WebContainer unavailable: it did not start within 0\.3 s/);
	});

	it('reports the real WebContainer.boot failing here within the time limit', async () => {
		const started = performance.now();
		const outcome = await startWebContainer({ env: isolated, boot: () => WebContainer.boot(), timeoutMs: 2000 });
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.reason).toMatch(/boot failed|did not start within 2 s/);
		expect(performance.now() - started).toBeLessThan(4000);
	});
});
