/**
 * Team roll-up, as a lead sees it in Chromium: three learners' exports (made with the site's own
 * record and export functions), a second export of one learner, a corrupt file, another site's JSON
 * and an export over the import size limit, dropped on the page at once; the table, the files left
 * out with their reasons, the 003 alerts on a fixed clock (page.clock), the figures against the
 * seeds' targets, the roll-up CSV read back, the printed report read back from a PDF, axe with the
 * alerts and the refused files showing, and the opt-in roster kept in this browser.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test, type Page } from '@playwright/test';
import * as R from '../../../src/lib/progress/record';
import { MAX_IMPORT_BYTES } from '../../../src/schemas/progress-export';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { hydrated } from '../progress/helpers';
import { NOW, ada, ago, bob, cy, exportOf, named } from './exports';

interface FileSpec {
	name: string;
	text: string;
	/** Spaces appended in the page (so a multi-megabyte file is not sent through the protocol). */
	pad?: number;
}

/** Half a megabyte over the import limit (src/schemas/progress-export.ts, issue 3: 5 MB). */
const OVERSIZED = MAX_IMPORT_BYTES + 512 * 1024;

async function files(): Promise<FileSpec[]> {
	const a = ada();
	// Ada again, exported later with one more page read: the same learner, merged.
	const again = R.setRead(a, 'tool-adoption/gates/gate-2-practical-application', true, ago(0.5));
	const b = await exportOf(bob());
	const huge = await exportOf(named('Dee Oversize', ago(10)));
	return [
		{ name: 'ada.json', text: await exportOf(a, ago(2)) },
		{ name: 'bob.json', text: b },
		{ name: 'cy.json', text: await exportOf(cy()) },
		{ name: 'corrupt.json', text: b.slice(0, b.length / 2) },
		{ name: 'ada-later.json', text: await exportOf(again) },
		{ name: 'foreign.json', text: '{"hello":"world"}' },
		// A valid export of another learner, padded with whitespace (still valid JSON) past the limit:
		// left out for its size alone.
		{ name: 'dee-huge.json', text: huge, pad: OVERSIZED - Buffer.byteLength(huge) },
	];
}

/** Drop the files on the drop zone in one drop, as a lead dragging them from a file manager. */
async function drop(page: Page, specs: FileSpec[]): Promise<void> {
	const dt = await page.evaluateHandle((fs) => {
		const dt = new DataTransfer();
		for (const f of fs) dt.items.add(new File([f.text + ' '.repeat(f.pad ?? 0)], f.name, { type: 'application/json' }));
		return dt;
	}, specs);
	await page.locator('[data-drop]').dispatchEvent('drop', { dataTransfer: dt });
}

async function openTeam(page: Page): Promise<void> {
	await page.clock.setFixedTime(new Date(NOW));
	await page.goto('/team/');
	await hydrated(page, '[data-files]');
}

/** Text of each page of a PDF, as pdf.js extracts it. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
	const out: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		out.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
	}
	return out;
}

test('a lead drops a team’s exports at once and sees the roll-up, the 003 alerts, the figures, the CSV and the printed report', async ({ page }) => {
	test.setTimeout(120_000);
	await openTeam(page);
	await drop(page, await files());

	await expect(page.locator('[data-summary]')).toHaveText('3 learners in the table (4 files read, 1 merged into a learner already in the table); 3 files left out.');
	await expect(page.locator('[data-problems] li')).toHaveText([
		'corrupt.json: The file is not complete JSON: it may be truncated or damaged. It was left out.',
		'foreign.json: This is not a progress export from this site. It was left out.',
		'dee-huge.json: The file is 5.5 MB; the limit is 5.0 MB. It was left out.',
	]);
	const rows = page.locator('[data-rows] tr');
	await expect(rows.locator('th')).toHaveText(['Ada Lovelace', 'Bob Builder', 'Cy Twombly']);
	const ada = rows.nth(0);
	await expect(ada.getByText('Day 6 of 14: Practical exercises with peer collaboration')).toBeVisible();
	await expect(ada.locator('[data-gate="1"]')).toHaveText('Gate 1: assessment passed, sign-off pending (90 %, pass mark 85 %)');
	await expect(rows.nth(1).locator('[data-gate="1"]')).toHaveText('Gate 1: failed (70 %, pass mark 85 %)');
	await expect(ada.locator('td').nth(8)).toHaveText('0 of 0 run'); // drills: none played in these exports

	// Alerts on the fixed clock, each with 003's response and escalation level.
	await expect(page.locator('[data-alerts] li')).toHaveText([
		'Team alert: the team Adoption rate 33 % (1 of 3 learners active in the last 2 days) is below 80 %. Response: Executive notification. Escalation level 4: Executive Leadership.',
		'Critical alert: Bob Builder Gate 1 (Knowledge Foundation) failed: best score 70 %, pass mark 85 %, on 2026-11-26; retakes are not limited. Response: Performance improvement plan. Escalation level 3: CTO/VP Engineering.',
		'Red alert: Bob Builder No tool-adoption activity recorded for 4 days (last: 2026-11-26 12:00 UTC). Response: Immediate intervention. Escalation level 2: Engineering Director.',
		'Yellow alert: Cy Twombly No tool-adoption activity recorded for 2 days (last: 2026-11-28 10:00 UTC). Response: 24-hour check-in. Escalation level 1: Training Coordinator (Development Manager).',
	]);

	// Figures against targets, with their sources, and a chart per program.
	const tool = page.locator('[data-program="tool-adoption"]');
	await expect(tool.locator('[data-figure="gate-1"] td')).toHaveText(['33 %', '1 of 3 learners passed', /^target ≥ 100 % \(003, SUCCESS DECLARATION CRITERIA\)/, 'no']);
	await expect(tool.locator('[data-figure="adoption"] td').nth(2)).toHaveText(/^target ≥ 80 % \(003, MONITORING AND ENFORCEMENT: AUTOMATED ALERTS\)/);
	await expect(tool.locator('[data-figure="assessment"] td').first()).toHaveText('80 %');
	await expect(tool.locator('svg.bar-chart')).toHaveCount(1);
	await expect(tool.locator('svg.bar-chart line.bar-marker')).toHaveCount(8);
	await expect(page.locator('[data-report] > section')).toHaveCount(2);
	await expect(page.locator('[data-report] > section h2')).toHaveText(['QMS onboarding', 'Tool adoption (Context7)'], { useInnerText: true });
	await expectNoSeriousA11yViolations(page);

	// The roll-up CSV: one row per item, read back from the downloaded bytes.
	const wait = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the roll-up as CSV (one row per item)' }).click();
	const d = await wait;
	expect(d.suggestedFilename()).toBe('qms-training-team-rollup-2026-11-30.csv');
	const csv = readFileSync((await d.path())!, 'utf8');
	// Nothing of the files left out: the oversized export's learner is not in the bytes.
	expect(csv).not.toContain('Dee Oversize');
	const table = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
	expect(table[0]).toEqual(['Learner', 'Program', 'Item', 'Level', 'Started', 'Completed', 'Score']);
	expect(table).toContainEqual(['Ada Lovelace', 'Tool adoption (Context7)', 'Knowledge check: Gate 1 written assessment: Knowledge Foundation', 'introductory', ago(100), ago(100), '90 % (pass mark 85 %)']);
	expect(table).toContainEqual(['Bob Builder', 'Tool adoption (Context7)', 'Gate 1: Knowledge Foundation', '', '', '', 'failed; assessment 70 % (pass mark 85 %)']);
	expect(table.filter((r) => r[0] === 'Ada Lovelace' && r[2]!.startsWith('Module:')).map((r) => r[2])).toContain('Module: Gate 1: Knowledge Foundation');
	expect(new Set(table.slice(1).map((r) => r[0]))).toEqual(new Set(['Ada Lovelace', 'Bob Builder', 'Cy Twombly']));
	// Ada's two exports merged: her rows once, the later export's page among them.
	expect(table.filter((r) => r[0] === 'Ada Lovelace' && r[2] === 'Module: Gate 2: Practical Application')).toHaveLength(1);

	// The printed report: one page per program, the chart and the learners on it.
	const pages = await pdfPages(await page.pdf({ format: 'A4' }));
	expect(pages).toHaveLength(2);
	expect(pages[0]).toContain('Team report: QMS onboarding');
	expect(pages[0]).toContain('Cy Twombly');
	expect(pages[0]).not.toContain('Bob Builder');
	expect(pages[1]).toContain('Team report: Tool adoption (Context7)');
	for (const name of ['Ada Lovelace', 'Bob Builder', 'Cy Twombly']) expect(pages[1]).toContain(name);
	expect(pages[1]).toContain('Executive Leadership');
	// The chart's bar labels and values, in chart order (the table below interleaves other columns).
	expect(pages[1]).toContain('Training completion 0 % Certification rate 0 % Average assessment score 80 % Gate 1: Knowledge Foundation 33 % Gate 2: Practical Application 0 %');
	expect(pages[0]).toContain('Training completion 0 % Certification rate 0 % Average assessment score 100 %');
	// Nothing was stored: the lead did not ask.
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('qms-training')))).toEqual([]);
});

test('the Print report button prints the report', async ({ page }) => {
	await openTeam(page);
	await drop(page, (await files()).slice(0, 1));
	await expect(page.locator('[data-rows] tr')).toHaveCount(1);
	await page.evaluate(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => void (window as unknown as { printed: number }).printed++;
	});
	await page.getByRole('button', { name: 'Print report' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('[data-files]')).toBeHidden();
	await expect(page.locator('header.header')).toBeHidden();
	await expect(page.locator('[data-report] h2').first()).toBeVisible();
});

test('a folder of exports is read through the folder picker; other files in it are skipped', async ({ page }) => {
	const dir = mkdtempSync(join(tmpdir(), 'team-'));
	writeFileSync(join(dir, 'ada.json'), await exportOf(ada()));
	writeFileSync(join(dir, 'bob.json'), await exportOf(bob()));
	writeFileSync(join(dir, 'notes.txt'), 'not an export');
	await openTeam(page);
	await page.locator('[data-folder]').setInputFiles(dir);
	await expect(page.locator('[data-summary]')).toHaveText('2 learners in the table (2 files read, 1 other file skipped).');
	await expect(page.locator('[data-rows] th')).toHaveText(['Ada Lovelace', 'Bob Builder']);
});

test('the lead may keep the roster in this browser, remove a learner, and clear it', async ({ page }) => {
	await openTeam(page);
	await page.locator('[data-files]').setInputFiles((await files()).slice(0, 3).map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
	await expect(page.locator('[data-rows] tr')).toHaveCount(3);
	expect(await page.evaluate(() => localStorage.getItem('qms-training:team-roster'))).toBeNull();

	await page.getByLabel('Keep this roster in this browser').check();
	await expect(page.locator('[data-store-status]')).toHaveText('The roster of 3 learners is kept in this browser until you clear it.');
	const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('qms-training:team-roster')))!);
	expect(stored.learners).toHaveLength(3);

	await page.reload();
	await expect(page.locator('[data-rows] th')).toHaveText(['Ada Lovelace', 'Bob Builder', 'Cy Twombly']);
	await expect(page.getByLabel('Keep this roster in this browser')).toBeChecked();

	await page.getByRole('button', { name: 'Remove Bob Builder' }).click();
	await expect(page.locator('[data-rows] th')).toHaveText(['Ada Lovelace', 'Cy Twombly']);
	expect(JSON.parse((await page.evaluate(() => localStorage.getItem('qms-training:team-roster')))!).learners).toHaveLength(2);

	await page.getByRole('button', { name: 'Clear the table' }).click();
	await expect(page.locator('[data-summary]')).toHaveText('The table is cleared, and the roster kept in this browser is deleted.');
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('qms-training')))).toEqual([]);
	await page.reload();
	await expect(page.locator('[data-rows] tr')).toHaveCount(0);
});

test('a damaged kept roster is set aside with a message, and the page still works', async ({ page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('qms-training:team-roster', JSON.stringify({ version: 1, savedAt: '2026-11-29T00:00:00.000Z', learners: [{ files: ['x.json'], exportedAt: '2026-11-29T00:00:00.000Z', record: { version: 2, hacked: true } }] }));
			sessionStorage.setItem('seeded', '1');
		}
	});
	await openTeam(page);
	await expect(page.locator('[data-error]')).toContainText('The roster kept in this browser could not be read; a copy of it was set aside');
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('qms-training:backup:team-roster@')).length)).toBe(1);
	await drop(page, (await files()).slice(0, 1));
	await expect(page.locator('[data-rows] tr')).toHaveCount(1);
});
