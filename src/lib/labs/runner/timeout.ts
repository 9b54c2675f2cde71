/**
 * A time limit around async work (test bodies, hooks, WebContainer boot). The work itself is not
 * cancelled (JavaScript cannot stop a promise); the caller gets a TimeoutError and may abort via
 * `onTimeout`. Synchronous work that never yields cannot be limited in the same thread.
 */
export class TimeoutError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TimeoutError';
	}
}

/** Resolves or rejects as `work()` does, or rejects with TimeoutError(message) after `ms` milliseconds. */
export function withTimeout<T>(work: () => T | PromiseLike<T>, ms: number, message: string, onTimeout?: () => void): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => {
			onTimeout?.();
			reject(new TimeoutError(message));
		}, ms);
		const settle = <A>(f: (a: A) => void) => (a: A) => {
			clearTimeout(timer);
			f(a);
		};
		try {
			Promise.resolve(work()).then(settle(resolve), settle(reject));
		} catch (error) {
			settle(reject)(error);
		}
	});
}
