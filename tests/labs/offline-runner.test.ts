import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as zod from 'zod';
import { describe, expect, it } from 'vitest';
import { loadLab, listLabIds } from '../../src/lib/labs/load';
import { overlay, type LabFiles } from '../../src/lib/labs/tree';
import { runLabTests } from '../../src/lib/labs/runner/run';
import { checksFromReport } from '../../src/lib/labs/runner/report';
import { VitestReportSchema } from '../../src/schemas/vitest-report';
import type { LabCheck } from '../../src/schemas/lab-result';

/**
 * For every lab: the offline runner core (the code the Web Worker runs, here in Node without the
 * Worker wrapper) reaches the same verdicts as real Vitest: the same failing checks for the starter
 * and all checks passing for the solution.
 */
const run = promisify(execFile);
const WORK = resolve('.cache/labs-offline-proof');

async function realVitest(id: string, variant: string, files: LabFiles): Promise<LabCheck[]> {
	const dir = join(WORK, `${id}-${variant}`);
	await rm(dir, { recursive: true, force: true });
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(dir, path)), { recursive: true });
		await writeFile(join(dir, path), text);
	}
	const out = join(dir, '.report.json');
	await run(resolve('node_modules/.bin/vitest'), ['run', '--root', dir, '--reporter=json', `--outputFile.json=${out}`], { cwd: dir }).catch(() => undefined);
	const report = VitestReportSchema.parse(JSON.parse(await readFile(out, 'utf8')));
	return checksFromReport(report, dir);
}

async function offline(files: LabFiles): Promise<LabCheck[]> {
	const report = await runLabTests({ files, packages: { zod }, console: { ...console, log() {}, info() {}, warn() {}, error() {}, debug() {} } });
	return checksFromReport(report);
}

const verdicts = (checks: LabCheck[]) => Object.fromEntries(checks.map((c) => [c.name, c.status]));

const ids = await listLabIds();

describe.each(ids)('lab %s', (id) => {
	it('starter: the offline runner fails the same checks as Vitest', async () => {
		const { files } = await loadLab(join('labs', id));
		const [real, mine] = await Promise.all([realVitest(id, 'starter', files), offline(files)]);
		expect(real.some((c) => c.status === 'fail')).toBe(true);
		expect(verdicts(mine)).toEqual(verdicts(real));
	});
	it('solution: the offline runner passes every check, as Vitest does', async () => {
		const { files, solution } = await loadLab(join('labs', id));
		const solved = overlay(files, solution);
		const [real, mine] = await Promise.all([realVitest(id, 'solution', solved), offline(solved)]);
		expect(real.every((c) => c.status === 'pass')).toBe(true);
		expect(verdicts(mine)).toEqual(verdicts(real));
	});
});
