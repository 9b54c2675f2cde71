import { describe, expect, it } from 'vitest';
import { addYearsUtc, isoDay, renewalState } from '../../../../src/lib/credentials/rules-dates';

describe('addYearsUtc (004: certificates valid 2 years)', () => {
	it('adds calendar years in UTC, keeping the time of day', () => {
		expect(addYearsUtc('2025-04-04T10:30:00.000Z', 2)).toBe('2027-04-04T10:30:00.000Z');
		expect(addYearsUtc('2026-12-31T23:59:59.999Z', 2)).toBe('2028-12-31T23:59:59.999Z');
	});
	it('29 February plus 2 years is 28 February; plus 4 years stays 29 February', () => {
		expect(addYearsUtc('2028-02-29T12:00:00.000Z', 2)).toBe('2030-02-28T12:00:00.000Z');
		expect(addYearsUtc('2028-02-29T12:00:00.000Z', 4)).toBe('2032-02-29T12:00:00.000Z');
	});
	it('refuses a time that is not a date', () => {
		expect(() => addYearsUtc('yesterday', 2)).toThrow(RangeError);
	});
});

describe('renewalState (notice from 30 days before expiry)', () => {
	const exp = '2028-11-04T09:00:00.000Z';
	it('none → due exactly 30 days before → expired at the expiry instant', () => {
		expect(renewalState(exp, '2028-10-05T08:59:59.999Z')).toBe('none');
		expect(renewalState(exp, '2028-10-05T09:00:00.000Z')).toBe('due');
		expect(renewalState(exp, '2028-11-04T08:59:59.999Z')).toBe('due');
		expect(renewalState(exp, exp)).toBe('expired');
		expect(renewalState(exp, '2031-01-01T00:00:00.000Z')).toBe('expired');
	});
	it('isoDay is the UTC calendar day', () => {
		expect(isoDay('2026-11-02T23:30:00-02:00')).toBe('2026-11-03');
	});
});
