import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { checksFromReport } from '../../../src/lib/labs/runner/report';
import { VitestReportSchema } from '../../../src/schemas/vitest-report';
import type { LabCheck } from '../../../src/schemas/lab-result';
import { PARITY_FILES, realVitest } from '../../support/offline-parity';
import { LAB_URL } from './helpers';

/**
 * The built offline runner (the Web Worker bundle with @vitest/runner, in Chromium, under the lab
 * page's Content-Security-Policy) against real Vitest in Node, on the parity project of
 * tests/support/offline-parity.ts: every check has the same name and status. The unit parity test
 * proves the runner core in Node; this one proves the bundle the learner's browser runs.
 */

const byName = (checks: LabCheck[]) => Object.fromEntries(checks.map((c) => [c.name, c.status]));

test('the offline runner in the browser gives every check of the parity project the same verdict as Vitest', async ({ page }) => {
	test.setTimeout(120_000);
	const worker = (await readdir(resolve('dist/_astro'))).find((f) => /^offline-worker-.*\.js$/.test(f));
	expect(worker, 'the build has an offline-worker script').toBeDefined();
	const real = realVitest(PARITY_FILES, resolve('.cache/e2e-parity'));

	await page.goto(LAB_URL);
	const posted = await page.evaluate(
		({ url, files }) =>
			new Promise<unknown>((done, fail) => {
				const w = new Worker(url);
				const timer = setTimeout(() => fail(new Error('no report within 60 s')), 60_000);
				w.onerror = (e) => fail(new Error(e.message));
				w.onmessage = (e: MessageEvent<{ type: string }>) => {
					if (e.data.type === 'done' || e.data.type === 'crash') {
						clearTimeout(timer);
						w.terminate();
						done(e.data);
					}
				};
				w.postMessage({ type: 'run', files });
			}),
		{ url: `/_astro/${worker}`, files: PARITY_FILES },
	);
	expect(posted).toMatchObject({ type: 'done' });
	const report = VitestReportSchema.parse((posted as { report: unknown }).report);
	const mine = byName(checksFromReport(report));
	const expected = byName((await real).checks);
	expect(Object.keys(expected).length).toBeGreaterThan(40);
	expect(mine).toEqual(expected);
	// A few verdicts that show the semantics, so the comparison cannot pass on two empty runs.
	expect(mine['after › saw every hook in Vitest order']).toBe('pass');
	expect(mine['Ada Lovelace, the first programmer of t… is 36 with [ \'x\' ] at 0 of 1']).toBe('pass');
	expect(mine['async › times out with an options object']).toBe('fail');
});
