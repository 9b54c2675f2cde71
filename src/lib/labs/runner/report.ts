import type { LabCheck, LabResult, LabRunner } from '../../../schemas/lab-result';
import type { VitestAssertion, VitestReport } from '../../../schemas/vitest-report';

/**
 * One mapping from a Vitest JSON report (real Vitest in a WebContainer or in Node, or the offline
 * runner's equivalent) to the checks list, so both runners name and judge checks identically.
 */

/** Separator between suite titles and the test title in a check name. */
export const CHECK_NAME_SEPARATOR = ' › ';

/** Check name for a test: `describe` titles then the test title, e.g. "login › locks after 5 failures". */
export function checkName(ancestorTitles: readonly string[], title: string): string {
	return [...ancestorTitles, title].join(CHECK_NAME_SEPARATOR);
}

// Vitest prefixes ANSI colours in some messages; the checks list shows plain text.
// eslint-disable-next-line no-control-regex -- ESC (\u001b) starts every ANSI colour code.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The readable part of an error report: the message without the stack trace ("    at …" lines),
 * without colour codes, at most `maxLines` lines. Returns undefined for empty input.
 */
export function summarizeFailure(text: string | undefined, maxLines = 12): string | undefined {
	if (!text) return undefined;
	const lines = text.replace(ANSI, '').split('\n');
	const kept: string[] = [];
	for (const line of lines) {
		if (/^\s+at\s/.test(line)) break;
		kept.push(line);
	}
	const out = kept.slice(0, maxLines).join('\n').trim();
	return out === '' ? undefined : out;
}

/** Every error of a test, each summarized, one after the other (a test can fail more than once). */
export function summarizeFailures(messages: readonly string[]): string | undefined {
	const parts = messages.map((m) => summarizeFailure(m, 6)).filter((m): m is string => m !== undefined);
	return parts.length ? parts.join('\n') : undefined;
}

function statusOf(status: VitestAssertion['status']): LabCheck['status'] {
	if (status === 'passed') return 'pass';
	if (status === 'failed') return 'fail';
	return 'skip';
}

/** Path relative to the project root (`/home/x/project/test/a.test.ts` → `test/a.test.ts`). */
export function relativeToRoot(path: string, root: string): string {
	const r = root.endsWith('/') ? root : `${root}/`;
	return path.startsWith(r) ? path.slice(r.length) : path.replace(/^\/+/, '');
}

/**
 * Checks from a report, in file then declaration order. A test file that failed outside its tests
 * (could not be imported, a suite factory or a hook threw) adds one failing check named by the
 * file's path relative to `root`, so a broken starter is never reported as passing.
 */
export function checksFromReport(report: VitestReport, root = ''): LabCheck[] {
	const checks: LabCheck[] = [];
	for (const file of report.testResults) {
		for (const a of file.assertionResults) {
			const status = statusOf(a.status);
			const message = status === 'fail' ? summarizeFailures(a.failureMessages ?? []) : undefined;
			checks.push(message ? { name: checkName(a.ancestorTitles, a.title), status, message } : { name: checkName(a.ancestorTitles, a.title), status });
		}
		const fileMessage = summarizeFailure(file.message ?? '');
		// Vitest marks a file failed without any failed test when a beforeAll/afterAll hook throws
		// (its tests are then reported as skipped): that must still fail the lab.
		const unexplained = file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed');
		if (fileMessage || unexplained) {
			checks.push({
				name: relativeToRoot(file.name, root),
				status: 'fail',
				message: fileMessage ?? 'The test file failed outside its tests (a beforeAll/afterAll hook or the file itself threw).',
			});
		}
	}
	return checks;
}

/** A lab passes when at least one check passed and none failed (skipped checks neither help nor hurt). */
export function hasPassed(checks: readonly LabCheck[]): boolean {
	return checks.some((c) => c.status === 'pass') && !checks.some((c) => c.status === 'fail');
}

/** Assembles the result both runners emit. `at` defaults to now. */
export function buildLabResult(input: { labId: string; runner: LabRunner; checks: LabCheck[]; durationMs: number; at?: Date }): LabResult {
	return {
		labId: input.labId,
		runner: input.runner,
		passed: hasPassed(input.checks),
		checks: input.checks,
		durationMs: Math.max(0, Math.round(input.durationMs)),
		at: (input.at ?? new Date()).toISOString(),
	};
}
