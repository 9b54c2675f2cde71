/**
 * Memoising for build-time loaders (issue 10: content and lab edits show in `astro dev` without a
 * restart). `astro build` renders every page in one process from files that do not change, so a
 * loader runs once and every page shares the result (the curriculum is read by every page: without
 * this, rendering takes about three times as long). `astro dev` renders a page per request from
 * files that do change, so there the loader runs on every call and a reload shows the edit.
 *
 * `dev` defaults to Vite's `import.meta.env.DEV`; tests pass it explicitly.
 */
export function oncePerBuild<T>(load: () => Promise<T>, dev: boolean = import.meta.env.DEV): () => Promise<T> {
	if (dev) return load;
	let value: Promise<T> | undefined;
	return () => (value ??= load());
}

/** `oncePerBuild` for a loader with one string key (a lab id): one result per key in a build. */
export function oncePerBuildByKey<T>(load: (key: string) => Promise<T>, dev: boolean = import.meta.env.DEV): (key: string) => Promise<T> {
	if (dev) return load;
	const values = new Map<string, Promise<T>>();
	return (key) => {
		let value = values.get(key);
		if (!value) {
			value = load(key);
			values.set(key, value);
		}
		return value;
	};
}
