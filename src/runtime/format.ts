/**
 * Dates in the learner's locale, for the islands (always as text, never HTML).
 */

// Formatters are made on first use: a module-level `new Intl.DateTimeFormat` counts as a side
// effect, and would stay in every chunk that imports this module.
let dateTime: Intl.DateTimeFormat | undefined;
let dateOnly: Intl.DateTimeFormat | undefined;

/** "8 Jan 2026, 09:00" in the learner's locale. */
export function formatDateTime(iso: string): string {
	const d = new Date(iso);
	dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** "8 Jan 2026" for an ISO time or a YYYY-MM-DD date (read as a calendar date, not shifted by time zone). */
export function formatDate(isoOrDate: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoOrDate);
	const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(isoOrDate);
	dateOnly ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
	return Number.isNaN(d.getTime()) ? isoOrDate : dateOnly.format(d);
}

/**
 * Make the formatters now. The first one made loads the locale's date data, a few tens of ms of
 * main-thread time on a phone: an island that will format dates at start can have this done in a
 * task of its own beforehand (issue 12, Lighthouse TBT).
 */
export function prepareFormatters(): void {
	dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	dateOnly ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
}
