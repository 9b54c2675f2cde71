/** One representative URL per page type; every type gets rendered and scanned with axe. */
export const PAGE_TYPES = {
	home: '/',
	'start here': '/start-here/',
	catalog: '/catalog/',
	overview: '/qms-onboarding/',
	path: '/qms-onboarding/developer/',
	module: '/qms-onboarding/developer/quality-gates/',
	exercise: '/qms-onboarding/exercises/quality-prs/',
	scenario: '/qms-onboarding/scenarios/performance-degradation/',
	'find-it-fast hunt': '/release-readiness/scenarios/find-it-fast/',
	assessment: '/qms-onboarding/assessment/competency-levels/',
	reference: '/qms-onboarding/reference/competency-matrix/',
	glossary: '/reference/glossary/',
	'my credentials': '/credentials/',
	verify: '/verify/',
} as const;
