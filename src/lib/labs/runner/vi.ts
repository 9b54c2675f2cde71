import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy';

/**
 * `vi` for the offline runner: Vitest's real mock functions and spies (@vitest/spy: `vi.fn`,
 * `vi.spyOn`, `mockResolvedValue`, `mockRejectedValue`, `toHaveBeenCalled…` via expect).
 * Module mocking and fake timers need Vitest's module runner and are not offered (lab rule: no fake
 * timers); touching them throws an error that names the missing helper.
 */
const SUPPORTED = {
	fn,
	spyOn,
	isMockFunction,
	clearAllMocks,
	resetAllMocks,
	restoreAllMocks,
	/** Type helper in Vitest; returns its argument. */
	mocked: <T>(value: T): T => value,
};
export type OfflineVi = typeof SUPPORTED;

export function createVi(): OfflineVi {
	return new Proxy(SUPPORTED, {
		get(target, key, receiver) {
			if (typeof key === 'string' && !(key in target) && key !== 'then') {
				throw new Error(
					`vi.${key} is not available in the offline runner (available: ${Object.keys(SUPPORTED).join(', ')}).`,
				);
			}
			return Reflect.get(target, key, receiver);
		},
	});
}
