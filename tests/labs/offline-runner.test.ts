import { join } from 'node:path';
import * as zod from 'zod';
import { describe, expect, it } from 'vitest';
import { listLabIds, loadLab } from '../../src/build/load-lab';
import { overlay, type LabFiles } from '../../src/lib/labs/tree';
import { runLabTests } from '../../src/lib/labs/runner/run';
import { checksFromReport, hasPassed } from '../../src/lib/labs/runner/report';
import { createLimit } from './support/limit';
import { LABS_DIR, RUNS_DIR } from './support/paths';
import { runVitest, type RunResult } from './support/run-vitest';
import { writeProject } from './support/workspace';

/**
 * For every lab: the offline runner core (the code the Web Worker runs, here in Node without the
 * Worker wrapper) reaches the same verdicts as real Vitest: every check (by Vitest's full name)
 * has the same status, so the starter fails the same checks and the solution passes them all.
 * Real runs use the labs proof's helpers (tests/labs/support), in their own scratch folders.
 */
const only = process.env.LAB_IDS?.split(',').filter(Boolean);
const ids = (await listLabIds(LABS_DIR)).filter((id) => !only || only.includes(id));
const limit = createLimit(Number(process.env.LAB_RUN_CONCURRENCY ?? 2));

const silent = { log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {}, table() {}, dir() {} };

async function offline(files: LabFiles) {
	const report = await runLabTests({ files, packages: { zod }, console: silent });
	const statuses = Object.fromEntries(report.testResults.flatMap((f) => f.assertionResults.map((a) => [a.fullName, a.status])));
	const fileErrors = report.testResults.filter((f) => f.status === 'failed' && f.message).map((f) => f.name);
	return { statuses, fileErrors, checks: checksFromReport(report) };
}

function real(result: RunResult) {
	return {
		statuses: Object.fromEntries(result.checks.map((c) => [c.name, c.status])),
		fileErrors: result.fileErrors.map((e) => e.slice(0, e.indexOf(':'))),
	};
}

describe.each(ids)('lab %s', (id) => {
	for (const kind of ['starter', 'solution'] as const) {
		it(`${kind}: the offline runner gives every check the same verdict as Vitest`, async () => {
			const { files, solution } = await loadLab(join(LABS_DIR, id));
			const project = kind === 'starter' ? files : overlay(files, solution);
			const dir = await writeProject(join(RUNS_DIR, 'offline-proof', `${id}-${kind}`), project);
			const [vitest, mine] = await Promise.all([limit(() => runVitest(dir)), offline(project)]);
			const expected = real(vitest);
			expect(Object.keys(expected.statuses).length).toBeGreaterThan(0);
			expect(mine.statuses).toEqual(expected.statuses);
			expect(mine.fileErrors.length).toBe(expected.fileErrors.length);
			// The verdict the learner sees.
			expect(hasPassed(mine.checks)).toBe(kind === 'solution');
			if (kind === 'starter') expect(Object.values(mine.statuses)).toContain('failed');
		});
	}
});
