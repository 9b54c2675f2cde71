import { describe, expect, it } from 'vitest';
import { matchesFilters, NO_FILTERS } from '../../../../src/lib/catalog/filter';

const row = { program: 'release-readiness', roles: ['release-manager'], kind: 'module', level: 'introductory' };

describe('matchesFilters', () => {
	it('passes everything with no filter', () => expect(matchesFilters(row, NO_FILTERS)).toBe(true));
	it('combines filters with AND', () => {
		expect(matchesFilters(row, { ...NO_FILTERS, program: 'release-readiness', kind: 'module' })).toBe(true);
		expect(matchesFilters(row, { ...NO_FILTERS, program: 'release-readiness', kind: 'scenario' })).toBe(false);
	});
	it('matches a role by membership, and pages for everyone match any role', () => {
		expect(matchesFilters(row, { ...NO_FILTERS, roles: 'release-manager' })).toBe(true);
		expect(matchesFilters(row, { ...NO_FILTERS, roles: 'security-lead' })).toBe(false);
		expect(matchesFilters({ ...row, roles: ['all'] }, { ...NO_FILTERS, roles: 'security-lead' })).toBe(true);
	});
	it('treats a page without a level as not matching a level filter', () => {
		expect(matchesFilters({ ...row, level: '' }, { ...NO_FILTERS, level: 'advanced' })).toBe(false);
	});
});
