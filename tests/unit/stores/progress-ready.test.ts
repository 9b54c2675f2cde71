import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenProgressStoreLoaded } from '../../../src/stores/progress-ready';
import type { ProgressStore } from '../../../src/stores/progress';

describe('whenProgressStoreLoaded', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('waits without loading the store, and runs once any import of the store has evaluated it', async () => {
		const seen: ProgressStore[] = [];
		vi.useFakeTimers();
		whenProgressStoreLoaded((s) => seen.push(s));
		// Every timer and microtask that could be pending runs: still nothing, the store is not loaded.
		await vi.runAllTimersAsync();
		expect(seen).toEqual([]);
		vi.useRealTimers();
		// Any importer will do (an island's chunk imports the store directly).
		const { progressStore } = await import('../../../src/stores/progress');
		await Promise.resolve();
		expect(seen).toEqual([progressStore]);
		// Later callers get it at once (after the current task's microtasks).
		const late: ProgressStore[] = [];
		whenProgressStoreLoaded((s) => late.push(s));
		await Promise.resolve();
		expect(late).toEqual([progressStore]);
	});
});
