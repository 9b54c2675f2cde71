// @ts-check
/**
 * Vite plugin for Starlight's table of contents script (`starlight-toc.js`, Starlight 0.42), which
 * both tables of contents of a page (the mobile one and the one beside the content) run once the
 * browser is idle. It finds the elements to watch with one `document.querySelectorAll` of four
 * selectors joined in one list, three of them with `:not(:has(…))`. Chromium matches such a list
 * far slower than the four selectors one by one (measured, unthrottled: module page 13 ms against
 * 3 ms, My progress 45 ms against 14 ms, twice per page), and on Lighthouse's mobile profile that
 * one call was a long task of 100–350 ms (issue 12, TBT). The plugin makes the script query the
 * selectors one at a time and merge the results in document order: the same elements, in the same
 * order, so which heading the table of contents marks as current does not change.
 *
 * When the Starlight code it rewrites is not found (Starlight changed it), the build fails with
 * this file's name, rather than silently shipping the slow query again.
 * @returns {import('vite').Plugin}
 */
export function starlightTocQuery() {
	const FILE = /[\\/]@astrojs[\\/]starlight[\\/]dist[\\/]components-internals[\\/]TableOfContents[\\/]starlight-toc\.js$/;
	const QUERY = /document\.querySelectorAll\((\[[^;]*?\])\.join\(\)\)/;
	// Each selector of the list on its own; an element matched by several is kept once, and the
	// result is in document order as querySelectorAll's would be.
	const HELPER = `
function qmsQueryEach(selectors) {
	const found = new Set();
	for (const selector of selectors) for (const el of document.querySelectorAll(selector)) found.add(el);
	return [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
`;
	return {
		name: 'qms:starlight-toc-query',
		transform(code, id) {
			if (!FILE.test(id.split('?')[0] ?? '')) return null;
			if (!QUERY.test(code)) {
				this.error(`src/build/vite-plugin-starlight-toc.mjs: the table of contents query was not found in ${id}; Starlight changed it: check the plugin still applies.`);
			}
			return { code: code.replace(QUERY, 'qmsQueryEach($1)') + HELPER, map: null };
		},
	};
}
