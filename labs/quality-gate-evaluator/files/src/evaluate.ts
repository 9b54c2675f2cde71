import type { Decision, Finding, GateId, GateReport } from './gates.ts';

/** Decides whether a pull request may merge, from its quality gate report. */
export function evaluateGates(report: GateReport): Decision {
	const blocking: Finding[] = [];
	if (!report.build.succeeded) blocking.push({ gate: 'build-success', reason: 'Build failed' });
	if (report.coverage.unitPercent <= 80) blocking.push({ gate: 'test-coverage', reason: 'Coverage too low' });
	for (const [gate, passed] of Object.entries(report.checks)) {
		if (!passed) blocking.push({ gate: gate as GateId, reason: `${gate} failed` });
	}
	return { mergeAllowed: blocking.length === 0, blocking, warnings: [], skipped: [] };
}
