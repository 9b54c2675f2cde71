import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	CHECKLIST_PAGE,
	FEEDBACK_PAGE,
	KEY,
	PROGRESS_PAGE,
	QUIZ_ID,
	QUIZ_PAGE,
	SELF_ASSESSMENT_PAGE,
	UNDO_KEY,
	answerKey,
	answerQuiz,
	exportFile,
	hydrated,
	quiz,
	stored,
	storedRecord,
} from './helpers';

/** Sorted-key JSON, as the export checksum is computed (src/lib/progress/canonical.ts). */
const canonical = (v: unknown): string =>
	JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));

async function doThings(page: Page): Promise<void> {
	await page.goto(QUIZ_PAGE);
	await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ_ID}"] [data-submit]`);
	const key = await answerKey(page);
	await answerQuiz(page, key, [key.questions[1]!.id]);
	await quiz(page).locator('[data-submit]').click();
	await expect(quiz(page).locator('[data-live]')).toContainText('You scored');
	await page.getByRole('button', { name: 'Mark as read' }).click();
	await page.getByRole('button', { name: 'I have read and understood this page' }).click();
	await page.goto(CHECKLIST_PAGE);
	await hydrated(page, 'input[data-item-id]');
	await page.locator('input[data-item-id="read-roadmap"]').check();
	await page.locator('input[data-item-id="read-playbook"]').check();
	await page.goto(SELF_ASSESSMENT_PAGE);
	await hydrated(page, 'qms-self-assessment [data-submit]');
	for (const fs of await page.locator('[data-statement-id]').all()) await fs.getByLabel('4').check();
	await page.getByRole('button', { name: 'Submit self-assessment' }).click();
	await page.goto(FEEDBACK_PAGE);
	await hydrated(page, 'qms-feedback [data-submit]');
	await page.getByLabel('Module or session').fill('Module 1.1');
	await page.locator('[data-question-id="helpful"]').getByLabel('5').check();
	await page.getByLabel('What was most valuable?').fill('The walkthrough');
	await page.getByRole('button', { name: 'Save feedback' }).click();
	await page.goto(PROGRESS_PAGE);
	await hydrated(page, '[data-export]');
	await page.getByLabel('Display name (optional, up to 80 characters)').fill('Ada Lovelace');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.locator('qms-profile [data-status]')).toHaveText('Name saved.');
}


async function importText(page: Page, text: string | Buffer, name = 'progress.json'): Promise<void> {
	await page.locator('[data-import-file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

const learnerData = (rec: Record<string, unknown>) => {
	const { epoch: _e, updatedAt: _u, ...rest } = rec;
	return rest;
};

test.describe('export and import', () => {
	test('export → reset → import gives the same record; import and reset can be undone', async ({ page }) => {
		await doThings(page);
		const before = await storedRecord(page);
		expect(Object.keys(before.quizzes)).toEqual([QUIZ_ID]);
		expect(before.selfAssessments).toHaveLength(1);
		expect(before.feedback).toHaveLength(1);

		const file = await exportFile(page);
		expect(file.name).toMatch(/^qms-training-progress-\d{4}-\d{2}-\d{2}\.json$/);
		const json = JSON.parse(file.text);
		expect(json).toMatchObject({ format: 'qms-training-progress', schemaVersion: 3, checksum: { algorithm: 'SHA-256' } });
		expect(Date.parse(json.exportedAt)).not.toBeNaN();
		// The checksum is the SHA-256 of the record's canonical JSON (checked here with node:crypto).
		expect(json.checksum.value).toBe(createHash('sha256').update(canonical(json.record)).digest('hex'));
		expect(learnerData(json.record)).toEqual(learnerData(before));

		// Reset, with confirmation.
		await page.getByRole('button', { name: 'Reset all progress…' }).click();
		await page.getByRole('button', { name: 'Yes, reset everything' }).click();
		await expect(page.locator('qms-progress-data [data-message]')).toContainText('was reset');
		const empty = await storedRecord(page);
		expect(empty.quizzes).toEqual({});
		expect(empty.profile.displayName).toBe('');

		// Import: preview first, nothing changes until confirmed.
		await importText(page, file.text);
		const preview = page.locator('[data-preview]');
		await expect(preview).toBeVisible();
		await expect(preview.locator('[data-changes] li')).toContainText(['1 knowledge-check attempt added', '2 items ticked', '1 self-assessment added', '1 feedback form added', 'marked as read', 'Display name set to "Ada Lovelace"']);
		expect(await storedRecord(page)).toEqual(empty);
		await page.getByRole('button', { name: 'Import and merge' }).click();
		await expect(page.locator('qms-progress-data [data-message]')).toContainText('Imported and merged');
		const after = await storedRecord(page);
		expect(learnerData(after)).toEqual(learnerData(before));

		// Export again: the same learner data comes out (read back from the downloaded bytes).
		const again = JSON.parse((await exportFile(page)).text);
		expect(learnerData(again.record)).toEqual(learnerData(json.record));

		// Undo the import: back to the reset state; the previous record can be downloaded first.
		await expect(page.getByRole('button', { name: 'Undo import' })).toBeVisible();
		const prev = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download the previous record' }).click();
		const prevFile = JSON.parse(readFileSync((await (await prev).path())!, 'utf8'));
		expect(prevFile.record.quizzes).toEqual({});
		await page.getByRole('button', { name: 'Undo import' }).click();
		await expect(page.locator('qms-progress-data [data-message]')).toContainText('Import undone');
		expect((await storedRecord(page)).quizzes).toEqual({});
		expect(await stored(page, UNDO_KEY)).toBeNull();

		// Reset can be undone too.
		await importText(page, file.text);
		await page.getByRole('button', { name: 'Import and merge' }).click();
		await page.getByRole('button', { name: 'Reset all progress…' }).click();
		await page.getByRole('button', { name: 'Yes, reset everything' }).click();
		await page.getByRole('button', { name: 'Undo reset' }).click();
		await expect(page.locator('qms-progress-data [data-message]')).toContainText('Reset undone');
		expect(learnerData(await storedRecord(page))).toEqual(learnerData(before));
	});

	test('a reset can be cancelled', async ({ page }) => {
		await page.goto(CHECKLIST_PAGE);
		await hydrated(page, 'input[data-item-id]');
		await page.locator('input[data-item-id="read-roadmap"]').check();
		await page.goto(PROGRESS_PAGE);
		await hydrated(page, '[data-reset]');
		const before = await stored(page, KEY);
		await page.getByRole('button', { name: 'Reset all progress…' }).click();
		await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
		await page.keyboard.press('Enter');
		expect(await stored(page, KEY)).toBe(before);
	});

	test('foreign, truncated, oversized, edited and hostile files: a clear message and nothing changes', async ({ page }) => {
		await doThings(page);
		const good = (await exportFile(page)).text;
		const before = await stored(page, KEY);
		const file = JSON.parse(good);

		const edited = structuredClone(file);
		edited.record.quizzes[QUIZ_ID].attempts[0].score = 100;

		// A "__proto__" key (JSON.parse makes it an own property), an absurd score and a control
		// character in the name, with a checksum that matches: the schema must refuse it.
		const hostile = JSON.parse(JSON.stringify(file).replace('"quizzes":{', '"quizzes":{"__proto__":{"polluted":true},'));
		hostile.record.quizzes[QUIZ_ID].attempts[0].score = 1e9;
		hostile.record.profile.displayName = '<img src=x onerror="window.__pwned=1">\u0000';
		hostile.checksum.value = createHash('sha256').update(canonical(hostile.record)).digest('hex');
		const hostileText = JSON.stringify(hostile); // the own "__proto__" property is serialized
		expect(hostileText).toContain('"__proto__":{"polluted":true}');

		const cases: [string, string | Buffer, RegExp][] = [
			['foreign', '{"name":"package.json","version":"1.0.0"}', /not a progress export from this site/],
			['truncated', good.slice(0, Math.floor(good.length * 0.6)), /not complete JSON/],
			['oversized', Buffer.alloc(5 * 1024 * 1024 + 1, 32), /limit is 5\.0 MB/],
			['edited', JSON.stringify(edited), /checksum does not match/],
			['hostile', hostileText, /invalid data/],
			['not JSON at all', Buffer.from([0xff, 0xfe, 0x00, 0x41]), /not complete JSON/],
		];
		for (const [what, content, message] of cases) {
			await importText(page, content, `${what}.json`);
			const err = page.locator('qms-progress-data [data-error]');
			await expect(err, what).toBeVisible();
			await expect(err, what).toHaveText(message);
			await expect(err, what).toContainText('Nothing was imported and your progress is unchanged.');
			await expect(page.locator('[data-preview]'), what).toBeHidden();
			expect(await stored(page, KEY), what).toBe(before);
			expect(await stored(page, UNDO_KEY), what).toBeNull();
		}
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
	});

	test('hostile but valid text is imported as plain text and never runs', async ({ browser }) => {
		// Make a file in one browser profile with a display name that looks like HTML.
		const ctxA = await browser.newContext();
		const a = await ctxA.newPage();
		await a.goto(PROGRESS_PAGE);
		await hydrated(a, '[data-export]');
		const name = '<img src=x onerror="window.__pwned=1">';
		await a.getByLabel('Display name (optional, up to 80 characters)').fill(name);
		await a.getByRole('button', { name: 'Save name' }).click();
		const file = await exportFile(a);
		await ctxA.close();

		const ctxB = await browser.newContext();
		const b = await ctxB.newPage();
		await b.goto(PROGRESS_PAGE);
		await hydrated(b, '[data-export]');
		await importText(b, file.text);
		await expect(b.locator('[data-changes] li')).toHaveText([`Display name set to "${name}".`]);
		await b.getByRole('button', { name: 'Import and merge' }).click();
		await expect(b.locator('qms-profile [data-current]')).toHaveText(`Certificates will show: ${name}`);
		await expect(b.locator('qms-profile img')).toHaveCount(0);
		expect(await b.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		await ctxB.close();
	});

	test('the progress page shows per-program progress, best scores against pass marks and checklists', async ({ page }) => {
		await doThings(page);
		await page.goto(PROGRESS_PAGE);
		const program = page.locator('section[data-program="qms-onboarding"]');
		await expect(program.getByRole('heading', { name: 'QMS onboarding' })).toBeVisible();
		const row = program.locator(`tr[data-quiz-id="${QUIZ_ID}"]`);
		const key = await (async () => {
			const p = await page.context().newPage();
			await p.goto(QUIZ_PAGE);
			const k = await answerKey(p);
			await p.close();
			return k;
		})();
		const n = key.questions.length;
		await expect(row).toContainText(`${Math.floor(((n - 1) / n) * 100)} %`);
		await expect(row).toContainText(`${key.passMark} %`);
		await expect(program.locator('svg[role="img"] title').first()).toHaveText(/QMS onboarding/);
		await expect(program.locator('table').first().locator('a[href="/qms-onboarding/developer/"]')).toBeVisible();
		const general = page.locator('section[data-program="general"]');
		await expect(general).toHaveCount(0);
		await expect(page.locator('section[aria-labelledby="progress-other"]')).toContainText('1 submitted; latest 4 / 5 (Ready to go!)');
		await expect(page.locator('section[aria-labelledby="progress-other"]')).toContainText('Feedback forms saved: 1');
	});
});
