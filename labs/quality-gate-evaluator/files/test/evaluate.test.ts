import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../src/evaluate.ts';
import { GATES, type GateReport } from '../src/gates.ts';

/** A report where every blocking gate passes and the change touches nothing special. */
function report(overrides: Partial<GateReport> = {}): GateReport {
	return {
		changes: { databaseMigration: false, infrastructure: false, api: false },
		security: { criticalVulnerabilities: 0 },
		coverage: { unitPercent: 91.5 },
		build: { succeeded: true },
		lint: { errors: 0 },
		checks: { 'code-complexity': true, 'performance-impact': true, 'documentation-coverage': true },
		...overrides,
	};
}
const gates = (findings: { gate: string }[]) => findings.map((finding) => finding.gate);

describe('blocking gates (must pass)', () => {
	it('allows the merge when every blocking gate passes', () => {
		const decision = evaluateGates(report());
		expect(decision.mergeAllowed).toBe(true);
		expect(decision.blocking).toEqual([]);
	});

	it('blocks on a single critical vulnerability (Security Scans: no critical vulnerabilities)', () => {
		const decision = evaluateGates(report({ security: { criticalVulnerabilities: 1 } }));
		expect(decision.mergeAllowed).toBe(false);
		expect(gates(decision.blocking)).toEqual(['security-scans']);
	});

	it('allows exactly 80 % unit coverage (Test Coverage: minimum 80 %)', () => {
		const decision = evaluateGates(report({ coverage: { unitPercent: 80 } }));
		expect(decision.mergeAllowed).toBe(true);
	});

	it('blocks at 79.9 % unit coverage, with the figure and the 80 % minimum in the reason', () => {
		const decision = evaluateGates(report({ coverage: { unitPercent: 79.9 } }));
		expect(decision.mergeAllowed).toBe(false);
		expect(gates(decision.blocking)).toEqual(['test-coverage']);
		expect(decision.blocking[0]?.reason).toContain('79.9');
		expect(decision.blocking[0]?.reason).toContain('80');
	});

	it('blocks when the build fails (Build Success)', () => {
		expect(gates(evaluateGates(report({ build: { succeeded: false } })).blocking)).toEqual(['build-success']);
	});

	it('blocks on lint errors (Lint Compliance)', () => {
		expect(gates(evaluateGates(report({ lint: { errors: 3 } })).blocking)).toEqual(['lint-compliance']);
	});

	it('lists every failing blocking gate, not only the first, in catalogue order', () => {
		const decision = evaluateGates(
			report({
				security: { criticalVulnerabilities: 2 },
				coverage: { unitPercent: 42 },
				build: { succeeded: false },
				lint: { errors: 7 },
			}),
		);
		expect(gates(decision.blocking)).toEqual(['security-scans', 'test-coverage', 'build-success', 'lint-compliance']);
	});
});

describe('warning gates (advisory)', () => {
	it('reports failed warning gates as warnings and still allows the merge', () => {
		const decision = evaluateGates(
			report({ checks: { 'code-complexity': false, 'performance-impact': false, 'documentation-coverage': true } }),
		);
		expect(decision.mergeAllowed).toBe(true);
		expect(decision.blocking).toEqual([]);
		expect(gates(decision.warnings)).toEqual(['code-complexity', 'performance-impact']);
	});
});

describe('conditional gates (context-specific)', () => {
	it('skips conditional gates the change does not touch, even when their check failed', () => {
		const decision = evaluateGates(report({ checks: { 'api-changes': false } }));
		expect(decision.mergeAllowed).toBe(true);
		expect(decision.skipped).toEqual(['database-migrations', 'infrastructure-changes', 'api-changes']);
	});

	it('blocks a change with a database migration when the Database Migrations gate fails', () => {
		const decision = evaluateGates(
			report({
				changes: { databaseMigration: true, infrastructure: false, api: false },
				checks: { 'database-migrations': false },
			}),
		);
		expect(decision.mergeAllowed).toBe(false);
		expect(gates(decision.blocking)).toEqual(['database-migrations']);
		expect(decision.skipped).toEqual(['infrastructure-changes', 'api-changes']);
	});

	it('blocks when a conditional gate applies but reported no result (no result is not a pass)', () => {
		const decision = evaluateGates(report({ changes: { databaseMigration: false, infrastructure: true, api: false } }));
		expect(decision.mergeAllowed).toBe(false);
		expect(gates(decision.blocking)).toEqual(['infrastructure-changes']);
	});

	it('allows an API change whose breaking change analysis passed', () => {
		const decision = evaluateGates(
			report({ changes: { databaseMigration: false, infrastructure: false, api: true }, checks: { 'api-changes': true } }),
		);
		expect(decision.mergeAllowed).toBe(true);
		expect(decision.skipped).toEqual(['database-migrations', 'infrastructure-changes']);
	});
});

describe('reasons', () => {
	it('starts every reason with the gate\'s name, e.g. "Build Success: …"', () => {
		const decision = evaluateGates(
			report({
				changes: { databaseMigration: true, infrastructure: false, api: false },
				build: { succeeded: false },
				coverage: { unitPercent: 50 },
				checks: { 'code-complexity': false, 'database-migrations': false },
			}),
		);
		const findings = [...decision.blocking, ...decision.warnings];
		expect(findings.length).toBe(4);
		for (const finding of findings) expect(finding.reason.startsWith(`${GATES[finding.gate].name}: `), finding.reason).toBe(true);
	});
});
