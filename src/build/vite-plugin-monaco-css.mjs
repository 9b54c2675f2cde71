// @ts-check
/**
 * Vite plugin for Monaco's stylesheet (DESIGN.md, "Facts learned": Monaco 0.57).
 * 1. Drops the CSS files Monaco's ES modules import (`import './x.css'`). Left in, Vite hoists
 *    them into a stylesheet that every page links (about 175 KB), though only lab pages use the editor.
 * 2. Resolves `monaco-editor/min/…` (e.g. `monaco-editor/min/vs/editor/editor.main.css?inline`),
 *    which the package's `exports` map hides, so the lab island can inject Monaco's full
 *    stylesheet when the editor mounts.
 * @returns {import('vite').Plugin}
 */
export function monacoCssOnDemand() {
	const EMPTY = '\0monaco-css-dropped';
	return {
		name: 'qms:monaco-css-on-demand',
		enforce: 'pre',
		async resolveId(source, importer) {
			if (source.startsWith('monaco-editor/min/')) {
				const entry = await this.resolve('monaco-editor', importer, { skipSelf: true });
				const at = entry?.id.lastIndexOf('/monaco-editor/') ?? -1;
				if (!entry || at === -1) return null;
				return entry.id.slice(0, at) + '/' + source;
			}
			if (!importer || !/[\\/]monaco-editor[\\/]esm[\\/]/.test(importer)) return null;
			// Only plain side-effect CSS imports; `?inline` and other queries are wanted.
			return /\.css$/.test(source) ? EMPTY : null;
		},
		load(id) {
			return id === EMPTY ? 'export {};' : null;
		},
	};
}
