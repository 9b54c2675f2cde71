// @ts-check
/**
 * How the browser's JavaScript is cut into files (Rolldown `output.codeSplitting.groups`, client
 * build only), and a build check that keeps the cut honest.
 *
 * Left alone, Rolldown makes one chunk per set of pages' scripts that share a module, so a page
 * like My credentials loaded about 25 files, a dozen of them under 0.3 KB. Each file is compressed
 * on its own, so the split cost about a third of the bytes: the sealed-record path of My
 * credentials fetched 16.1 KB gzip of our JS in 25 files, against 11.8 KB for the same code in one
 * file (issue 7 budget: 15 KB). Three groups put modules that are always loaded together in one
 * file each:
 * - `chrome`: what the scripts on every page (storage notices, sidebar marks, hunt bar) load
 *   before anything else: the progress peek, storage probe, keys and limits. Every page loads all
 *   of it anyway, so one file costs no page anything.
 * - `common`: small pure helpers that islands share (dates, DOM building, counts, attempts,
 *   percentages). A page that needs one gets all, about 1.4 KB gzip.
 * - `credentials`: the certification rules and the My credentials card view, only ever loaded
 *   together on My credentials.
 *
 * A group takes its modules' imports with it (Rolldown's default, which keeps chunks free of
 * import cycles). So a heavy import added to a `chrome` module (zod, the progress store) would
 * ride into every page's first file: {@link codeSplittingCheck} fails the build when a group's
 * file holds a module the group does not name.
 */

/** @typedef {{ name: string; files: string[] }} ChunkGroup */

/** @type {ChunkGroup[]} The groups, first wins (a module goes to the first group that names it); files from the project root. */
export const CHUNK_GROUPS = [
	{
		name: 'chrome',
		files: [
			'src/stores/progress-ready.ts',
			'src/stores/progress-keys.ts',
			'src/runtime/progress-peek.ts',
			'src/runtime/progress-follow.ts',
			'src/runtime/storage-probe.ts',
			'src/lib/progress/peek.ts',
			'src/schemas/limits.ts',
		],
	},
	{
		name: 'common',
		files: [
			'src/lib/progress/attempts.ts',
			'src/lib/progress/percent.ts',
			'src/lib/progress/self-assessment.ts',
			'src/lib/progress/time.ts',
			'src/lib/signoff/signer.ts',
			'src/lib/text/count.ts',
			'src/runtime/format.ts',
			'src/runtime/dom.ts',
			'src/runtime/next-task.ts',
		],
	},
	{
		name: 'credentials',
		files: ['src/lib/credentials/rules.ts', 'src/lib/credentials/rules-dates.ts', 'src/components/credentials/credentials-view.ts', 'src/components/credentials/card-view.ts'],
	},
];

/**
 * Whether a module id (an absolute path, maybe with a query) is one of the group's files.
 * @param {ChunkGroup} group
 * @param {string} id
 */
export function groupNames(group, id) {
	const path = id.split('?')[0].replaceAll('\\', '/');
	return group.files.some((f) => path.endsWith(`/${f}`));
}

/** Bundler helpers a group may carry along: Vite's preload helper (every dynamic import uses it). */
const HELPERS = /^\0vite\/preload-helper/;

/** Rolldown output options for the client build: `{ codeSplitting: { groups } }`, priorities from the list's order. */
export function clientCodeSplitting() {
	const groups = CHUNK_GROUPS.map((g, i) => ({ name: g.name, priority: CHUNK_GROUPS.length - i, test: (/** @type {string} */ id) => groupNames(g, id) }));
	return { codeSplitting: { groups } };
}

/**
 * Vite plugin: after the client bundle is generated, every chunk named after a group must hold
 * only the files the group names (or bundler helpers), and each group must have made one. Throws
 * with the group and the module ids when not, so the build stops instead of shipping an unnoticed
 * heavy first file.
 * @returns {import('vite').Plugin}
 */
export function codeSplittingCheck() {
	return {
		name: 'qms:code-splitting-check',
		applyToEnvironment: (env) => env.name === 'client',
		generateBundle(_options, bundle) {
			const problem = groupProblems(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [{ name: c.name, moduleIds: c.moduleIds }] : [])));
			if (problem) throw new Error(problem);
		},
	};
}

/**
 * What is wrong with the chunks named after groups, or null: a group's file holds a module the
 * group does not name (not counting bundler helpers), or a group made no file at all (its files
 * were renamed or are no longer loaded in the browser).
 * @param {{ name: string; moduleIds: string[] }[]} chunks the client bundle's chunks
 * @returns {string | null}
 */
export function groupProblems(chunks) {
	for (const group of CHUNK_GROUPS) {
		const own = chunks.filter((c) => c.name === group.name);
		if (own.length === 0) return `src/build/code-splitting.mjs: no "${group.name}" chunk was made: are its files still there and still loaded in the browser?`;
		const strays = own.flatMap((c) => c.moduleIds).filter((id) => !groupNames(group, id) && !HELPERS.test(id));
		if (strays.length) return `src/build/code-splitting.mjs: the "${group.name}" chunk took modules it does not name (an import added to one of its modules?): ${strays.join(', ')}`;
	}
	return null;
}
