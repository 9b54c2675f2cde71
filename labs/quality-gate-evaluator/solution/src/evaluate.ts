import { GATE_IDS, GATES, MIN_UNIT_COVERAGE_PERCENT } from './gates.ts';
import type { CheckedGateId, Decision, Finding, GateId, GateReport } from './gates.ts';

/** The reason for a blocking gate's failure, or undefined when it passes. */
function blockingFailure(gate: GateId, report: GateReport): string | undefined {
	switch (gate) {
		case 'security-scans': {
			const count = report.security.criticalVulnerabilities;
			return count > 0 ? `${count} critical vulnerabilit${count === 1 ? 'y' : 'ies'} found; none are allowed` : undefined;
		}
		case 'test-coverage': {
			const percent = report.coverage.unitPercent;
			// Fail closed: a missing or corrupt figure (NaN) is not evidence of coverage.
			return percent >= MIN_UNIT_COVERAGE_PERCENT
				? undefined
				: `unit coverage ${percent}% is below the ${MIN_UNIT_COVERAGE_PERCENT}% minimum`;
		}
		case 'build-success':
			return report.build.succeeded ? undefined : 'the build failed';
		case 'lint-compliance':
			return report.lint.errors === 0 ? undefined : `${report.lint.errors} lint error(s)`;
		default:
			return undefined;
	}
}

/** Decides whether a pull request may merge, from its quality gate report. */
export function evaluateGates(report: GateReport): Decision {
	const decision: Decision = { mergeAllowed: true, blocking: [], warnings: [], skipped: [] };
	const add = (list: Finding[], gate: GateId, reason: string) => list.push({ gate, reason: `${GATES[gate].name}: ${reason}` });

	for (const gate of GATE_IDS) {
		const spec = GATES[gate];
		if (spec.category === 'blocking') {
			const failure = blockingFailure(gate, report);
			if (failure !== undefined) add(decision.blocking, gate, failure);
			continue;
		}
		const passed = report.checks[gate as CheckedGateId];
		if (spec.category === 'warning') {
			if (passed === false) add(decision.warnings, gate, spec.rule.toLowerCase());
			continue;
		}
		if (!report.changes[spec.appliesWhen]) {
			decision.skipped.push(gate);
		} else if (passed === undefined) {
			// The change needs this gate and nothing shows it passed: no result is not a pass.
			add(decision.blocking, gate, 'required for this change but no result was reported');
		} else if (!passed) {
			add(decision.blocking, gate, `${spec.rule.toLowerCase()} failed`);
		}
	}
	decision.mergeAllowed = decision.blocking.length === 0;
	return decision;
}
