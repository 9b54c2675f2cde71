import { describe, expect, it, vi } from 'vitest';
import { TimeoutError, withTimeout } from '../../../../../src/lib/labs/runner/timeout';

describe('withTimeout', () => {
	it('passes through a result that arrives in time', async () => {
		await expect(withTimeout(async () => 'ok', 1000, 'late')).resolves.toBe('ok');
	});
	it('passes through a rejection and a synchronous throw', async () => {
		await expect(withTimeout(async () => Promise.reject(new Error('no')), 1000, 'late')).rejects.toThrow('no');
		await expect(
			withTimeout(() => {
				throw new Error('sync');
			}, 1000, 'late'),
		).rejects.toThrow('sync');
	});
	it('rejects with TimeoutError after the real delay and calls onTimeout', async () => {
		const onTimeout = vi.fn();
		const started = performance.now();
		await expect(withTimeout(() => new Promise(() => {}), 80, 'too slow', onTimeout)).rejects.toThrow(new TimeoutError('too slow'));
		expect(performance.now() - started).toBeGreaterThanOrEqual(75);
		expect(onTimeout).toHaveBeenCalledOnce();
	});
});
