/** Pagefind's UI ships no types; this is the part of its class that this project uses. */
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
	export class PagefindUI {
		constructor(opts: Record<string, unknown>);
		triggerSearch(term: string): void;
		triggerFilters(filters: Record<string, string | string[]>): void;
		destroy(): void;
	}
}
