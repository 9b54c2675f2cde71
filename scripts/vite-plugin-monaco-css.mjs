// @ts-check
/**
 * Vite plugin: drop the CSS files Monaco's ES modules import (`import './x.css'`).
 * Left in, Vite hoists them into a stylesheet that every page links (about 175 KB), even though
 * only lab pages use the editor (DESIGN.md, "Facts learned": Monaco 0.57). The lab island injects
 * Monaco's full stylesheet (`monaco-editor/min/vs/editor/editor.main.css?inline`) when the editor
 * mounts, so nothing is lost.
 * @returns {import('vite').Plugin}
 */
export function monacoCssOnDemand() {
	const EMPTY = '\0monaco-css-dropped';
	return {
		name: 'qms:monaco-css-on-demand',
		enforce: 'pre',
		resolveId(source, importer) {
			if (!importer || !/[\\/]monaco-editor[\\/]esm[\\/]/.test(importer)) return null;
			// Only plain side-effect CSS imports; `?inline` and friends are wanted.
			return /\.css$/.test(source) ? EMPTY : null;
		},
		load(id) {
			return id === EMPTY ? 'export {};' : null;
		},
	};
}
