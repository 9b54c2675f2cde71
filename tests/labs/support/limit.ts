/** Runs at most `concurrency` of the scheduled tasks at once (the machine's cores are shared). */
export function createLimit(concurrency: number) {
	let active = 0;
	const queue: Array<() => void> = [];
	const next = () => {
		active -= 1;
		queue.shift()?.();
	};
	return async function limit<T>(task: () => Promise<T>): Promise<T> {
		if (active >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
		active += 1;
		try {
			return await task();
		} finally {
			next();
		}
	};
}
