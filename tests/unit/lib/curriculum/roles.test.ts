import { describe, expect, it } from 'vitest';
import { CHOOSABLE_ROLES, pathsForRole, type PathSummary } from '../../../../src/lib/curriculum/roles';

const path = (id: string, program: PathSummary['program'], roles: PathSummary['roles']): PathSummary => ({
	id,
	title: id,
	program,
	roles,
	totalMinutes: 60,
	moduleCount: 1,
});

describe('pathsForRole', () => {
	const paths = [
		path('engineering-excellence/level-1', 'engineering-excellence', ['developer']),
		path('release-readiness/onboarding', 'release-readiness', ['all']),
		path('qms-onboarding/developer', 'qms-onboarding', ['developer']),
		path('qms-onboarding/qa-engineer', 'qms-onboarding', ['qa-engineer']),
	];
	it("returns the role's paths and everyone's, in program order", () => {
		expect(pathsForRole('developer', paths).map((p) => p.id)).toEqual([
			'qms-onboarding/developer',
			'release-readiness/onboarding',
			'engineering-excellence/level-1',
		]);
	});
	it('gives a role without its own path the shared ones', () => {
		expect(pathsForRole('community-lead', paths).map((p) => p.id)).toEqual(['release-readiness/onboarding']);
	});
	it('offers every role but "all"', () => {
		expect(CHOOSABLE_ROLES).not.toContain('all');
		expect(CHOOSABLE_ROLES).toContain('release-manager');
	});
});
