/**
 * The quality gate catalogue of QMS onboarding Module 1.2 ("Quality Gates Deep Dive"):
 * every gate's category, name and rule. Read-only: the evaluator and the checks use it.
 *
 * - blocking gates must pass;
 * - warning gates are advisory only;
 * - conditional gates apply only when the change touches what they guard.
 */
export const GATES = {
	'security-scans': { category: 'blocking', name: 'Security Scans', rule: 'No critical vulnerabilities' },
	'test-coverage': { category: 'blocking', name: 'Test Coverage', rule: 'Minimum 80% unit test coverage' },
	'build-success': { category: 'blocking', name: 'Build Success', rule: 'Code compiles and builds successfully' },
	'lint-compliance': { category: 'blocking', name: 'Lint Compliance', rule: 'Code follows style guidelines' },
	'code-complexity': { category: 'warning', name: 'Code Complexity', rule: 'Warns about overly complex functions' },
	'performance-impact': { category: 'warning', name: 'Performance Impact', rule: 'Alerts about potential slowdowns' },
	'documentation-coverage': { category: 'warning', name: 'Documentation Coverage', rule: 'Suggests documentation improvements' },
	'database-migrations': {
		category: 'conditional',
		name: 'Database Migrations',
		rule: 'Additional validation for schema changes',
		appliesWhen: 'databaseMigration',
	},
	'infrastructure-changes': {
		category: 'conditional',
		name: 'Infrastructure Changes',
		rule: 'Extra review for deployment configs',
		appliesWhen: 'infrastructure',
	},
	'api-changes': { category: 'conditional', name: 'API Changes', rule: 'Breaking change analysis', appliesWhen: 'api' },
} as const;

export type GateId = keyof typeof GATES;
/** Gate ids in catalogue order. */
export const GATE_IDS = Object.keys(GATES) as GateId[];

/** Test Coverage gate: minimum unit test coverage, in percent (Module 1.2). */
export const MIN_UNIT_COVERAGE_PERCENT = 80;

/** Gates whose result arrives as pass/fail in `checks`. */
export type CheckedGateId = Exclude<GateId, 'security-scans' | 'test-coverage' | 'build-success' | 'lint-compliance'>;

/** What the pipeline reports for one pull request. */
export interface GateReport {
	/** What the change touches; decides which conditional gates apply. */
	changes: { databaseMigration: boolean; infrastructure: boolean; api: boolean };
	/** Security scan findings. */
	security: { criticalVulnerabilities: number };
	/** Unit test coverage, in percent (0–100). */
	coverage: { unitPercent: number };
	build: { succeeded: boolean };
	/** Lint errors found (style violations that must be fixed). */
	lint: { errors: number };
	/** Warning and conditional gates that ran: gate id → passed. A gate absent here did not run. */
	checks: Partial<Record<CheckedGateId, boolean>>;
}

/** One gate's finding, with a reason that starts with the gate's name, e.g. "Build Success: the build failed". */
export interface Finding {
	gate: GateId;
	reason: string;
}

/** The verdict on a pull request. */
export interface Decision {
	mergeAllowed: boolean;
	/** Gates that stop the merge, in catalogue order. */
	blocking: Finding[];
	/** Advisory findings: reported to the author, never blocking; in catalogue order. */
	warnings: Finding[];
	/** Conditional gates that do not apply to this change, in catalogue order. */
	skipped: GateId[];
}
