/**
 * Date arithmetic for certificate validity (004: "Level 1 Engineer … validity: '2 years'") and the
 * renewal notice (issue 7: "a renewal notice from 30 days before expiry, and 'expired' after it").
 * No date library is installed, so years are added on the UTC calendar by hand; 29 February plus
 * a number of years that lands on a common year becomes 28 February (as date-fns `addYears` does).
 */

/** Days before expiry from which renewal is due. */
export const RENEWAL_NOTICE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `iso` plus `years` calendar years in UTC, same time of day, as an ISO string. A day that does not
 * exist in the target year (29 February) is clamped to the month's last day.
 * @throws RangeError when `iso` is not a valid date.
 */
export function addYearsUtc(iso: string, years: number): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
	const y = d.getUTCFullYear() + years;
	const m = d.getUTCMonth();
	const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	const out = new Date(d.getTime());
	out.setUTCFullYear(y, m, Math.min(d.getUTCDate(), lastDay));
	return out.toISOString();
}

/** 'expired' from `expiresAt` on, 'due' in the RENEWAL_NOTICE_DAYS before it, else 'none'. Times are ISO strings. */
export function renewalState(expiresAt: string, now: string): 'none' | 'due' | 'expired' {
	const end = Date.parse(expiresAt);
	const t = Date.parse(now);
	if (t >= end) return 'expired';
	if (t >= end - RENEWAL_NOTICE_DAYS * DAY_MS) return 'due';
	return 'none';
}

/** The calendar day (UTC) of an ISO time, YYYY-MM-DD, as shown in evidence descriptions. */
export function isoDay(iso: string): string {
	return new Date(iso).toISOString().slice(0, 10);
}
