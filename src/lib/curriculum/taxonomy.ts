/**
 * The curriculum's fixed vocabularies: programs, roles, kinds of page and levels.
 * Pure data, shared by the content schema, the catalog, the role chooser and search filters.
 * Program ids map one-to-one to the seed documents in ../shared/seeds (see its README).
 */

/** Program id → label and source seed number (000–004). */
export const PROGRAMS = {
	'qms-onboarding': { label: 'QMS onboarding', seed: '000' },
	'release-readiness': { label: 'Release readiness', seed: '001' },
	'qms-leadership': { label: 'QMS leadership', seed: '002' },
	'tool-adoption': { label: 'Tool adoption (Context7)', seed: '003' },
	'engineering-excellence': { label: 'Engineering excellence', seed: '004' },
	/** Site-wide pages (home, start here, catalog, glossary across programs). */
	general: { label: 'General', seed: null },
} as const;
export type ProgramId = keyof typeof PROGRAMS;
export const PROGRAM_IDS = Object.keys(PROGRAMS) as [ProgramId, ...ProgramId[]];

/**
 * Learner roles named by the seeds. `all` marks pages meant for every role.
 * 000: developer, QA engineer, DevOps engineer, team lead & manager.
 * 001: release manager, engineering lead, community lead, security lead.
 * 002: QMS lead (and manager).  003: backend, frontend, full-stack and QA developers.
 */
export const ROLES = {
	all: 'Everyone',
	developer: 'Developer',
	'backend-developer': 'Backend developer',
	'frontend-developer': 'Frontend developer',
	'fullstack-developer': 'Full-stack developer',
	'qa-engineer': 'QA engineer',
	'qa-developer': 'QA developer',
	'devops-engineer': 'DevOps engineer',
	manager: 'Team lead / manager',
	'qms-lead': 'QMS lead',
	'release-manager': 'Release manager',
	'engineering-lead': 'Engineering lead',
	'community-lead': 'Community lead',
	'security-lead': 'Security lead',
} as const;
export type RoleId = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as [RoleId, ...RoleId[]];

/** What a page is. `hub` is for navigation pages (home, start here, catalog, progress). */
export const KINDS = {
	overview: 'Overview',
	path: 'Learning path',
	module: 'Module',
	exercise: 'Exercise',
	scenario: 'Scenario',
	assessment: 'Assessment',
	reference: 'Reference',
	hub: 'Hub',
} as const;
export type KindId = keyof typeof KINDS;
export const KIND_IDS = Object.keys(KINDS) as [KindId, ...KindId[]];

/**
 * Difficulty levels. 000 "Progressive Competency Assessment" names Awareness / Practitioner /
 * Expert; 004 "Training Tracks" names Level 1 / 2 / 3. Both map onto these three.
 */
export const LEVELS = {
	introductory: 'Introductory',
	intermediate: 'Intermediate',
	advanced: 'Advanced',
} as const;
export type LevelId = keyof typeof LEVELS;
export const LEVEL_IDS = Object.keys(LEVELS) as [LevelId, ...LevelId[]];

/** Seed numbers, as issues and frontmatter cite them. */
export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
export type SeedId = (typeof SEED_IDS)[number];
