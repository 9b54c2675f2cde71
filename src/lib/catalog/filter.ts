/** One catalog row's facets, as data attributes carry them. */
export interface CatalogFacets {
	program: string;
	/** Role ids; `all` matches any role filter. */
	roles: string[];
	kind: string;
	/** Level id or '' when the page has none. */
	level: string;
}

/** Active filters; '' means "any". */
export type CatalogFilters = Record<keyof CatalogFacets, string>;

export const NO_FILTERS: CatalogFilters = { program: '', roles: '', kind: '', level: '' };

/** Whether a row passes every active filter. A page for `all` roles passes any role filter. */
export function matchesFilters(row: CatalogFacets, f: CatalogFilters): boolean {
	return (
		(f.program === '' || row.program === f.program) &&
		(f.roles === '' || row.roles.includes(f.roles) || row.roles.includes('all')) &&
		(f.kind === '' || row.kind === f.kind) &&
		(f.level === '' || row.level === f.level)
	);
}
