/**
 * Issue 10, "Storage": one damaged part of the stored learner record (valid JSON, wrong shape)
 * never hides the rest. My progress still shows every other part; the damaged part is kept in
 * storage as a backup, named in the notice, and downloadable byte for byte.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { KEY, PROGRESS_PAGE, QUIZ_ID, hydrated, storedRecord } from './helpers';

const GATES = 'qms-onboarding-quality-gates';
const LAB_A = 'risk-scoring';
const LAB_B = 'login-rate-limit';
const PAGE_A = 'qms-onboarding/developer/qms-introduction';
const PAGE_B = 'qms-onboarding/developer/quality-gates';
const T = '2026-11-02T09:00:00.000Z';

const quizAttempt = (id: string, score: number) => ({ id, startedAt: T, submittedAt: T, answers: {}, correct: score / 10, total: 10, score, passMark: 80, passed: score >= 80 });
const labRun = (id: string, passed: boolean) => ({ id, at: T, runner: 'offline', passed, checks: [{ name: 'tests pass', passed }], durationMs: 1500 });

/** A stored record as JSON, whose parts each case damages in its own way. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases reach into different nested fields of parsed JSON.
type StoredJson = Record<string, any>;

/** A valid record with two of everything the dashboard shows. */
function fullRecord(): StoredJson {
	return {
		version: 1,
		epoch: '1970-01-01T00:00:00.000Z',
		updatedAt: T,
		profile: { displayName: 'Ada Lovelace', updatedAt: T },
		quizzes: { [QUIZ_ID]: { attempts: [quizAttempt('quiz-intro-1', 100)] }, [GATES]: { attempts: [quizAttempt('quiz-gates-1', 90)] } },
		checklists: {},
		selfAssessments: [],
		feedback: [],
		reading: { [PAGE_A]: { read: true, at: T, acks: [] }, [PAGE_B]: { read: true, at: T, acks: [] } },
		labs: { [LAB_A]: { attempts: [labRun('lab-risk-01', true)] }, [LAB_B]: { attempts: [labRun('lab-login-1', false)] } },
	};
}

async function seed(page: Page, record: unknown): Promise<void> {
	await page.goto('/');
	await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, JSON.stringify(record)]);
	await page.goto(PROGRESS_PAGE);
	await hydrated(page, '[data-export]');
}

async function partBackups(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('qms-training:backup:progress.parts@')).map((k) => [k, localStorage.getItem(k)!])));
}

const cases: { what: string; damage: (r: StoredJson) => unknown; label: string; still: (page: Page) => Promise<void>; gone: (r: StoredJson) => void }[] = [
	{
		what: 'the profile',
		damage: (r) => (r.profile = { displayName: { first: 'Ada' } }),
		label: 'Profile (display name)',
		still: async (page) => {
			await expect(page.locator(`tr[data-quiz-id="${QUIZ_ID}"]`)).toContainText('100 %');
			await expect(page.locator(`li[data-lab-id="${LAB_A}"]`)).toContainText('passed on');
			await expect(page.getByText('Pages marked as read: 2')).toBeVisible();
		},
		gone: (r) => expect(r.profile).toEqual({ displayName: '' }),
	},
	{
		what: 'one reading mark',
		damage: (r) => (r.reading[PAGE_B] = { read: 'yes', at: T }),
		label: `Reading mark for page "${PAGE_B}"`,
		still: async (page) => {
			await expect(page.getByText('Pages marked as read: 1;')).toBeVisible();
			await expect(page.locator(`tr[data-quiz-id="${GATES}"]`)).toContainText('90 %');
			await expect(page.locator('[data-current]')).toContainText('Ada Lovelace');
		},
		gone: (r) => expect(Object.keys(r.reading)).toEqual([PAGE_A]),
	},
	{
		what: 'one lab',
		damage: (r) => (r.labs[LAB_B] = { attempts: 'many' }),
		label: `Lab "${LAB_B}" (runs)`,
		still: async (page) => {
			await expect(page.locator(`li[data-lab-id="${LAB_A}"]`)).toContainText('1 run');
			await expect(page.locator(`li[data-lab-id="${LAB_B}"]`)).toHaveCount(0);
			await expect(page.locator(`tr[data-quiz-id="${QUIZ_ID}"]`)).toContainText('100 %');
		},
		gone: (r) => expect(Object.keys(r.labs)).toEqual([LAB_A]),
	},
	{
		what: 'one knowledge check',
		damage: (r) => (r.quizzes[GATES].attempts[0].score = 'ninety'),
		label: `Knowledge check "${GATES}" (attempts)`,
		still: async (page) => {
			await expect(page.locator(`tr[data-quiz-id="${QUIZ_ID}"]`)).toContainText('100 %');
			await expect(page.locator(`tr[data-quiz-id="${GATES}"]`)).toContainText('Not attempted');
			await expect(page.getByText('Pages marked as read: 2')).toBeVisible();
		},
		gone: (r) => expect(Object.keys(r.quizzes)).toEqual([QUIZ_ID]),
	},
];

test.describe('a damaged part of the record is set aside, the rest is kept', () => {
	for (const c of cases) {
		test(`damaged ${c.what}: the rest shows on My progress, the part is kept and downloadable`, async ({ page }) => {
			const record = fullRecord();
			c.damage(record);
			const damagedPart = structuredClone(record);
			await seed(page, record);
			const notice = page.locator('[data-notice="damaged"][data-parts]');
			await expect(notice).toBeVisible();
			await expect(notice).toContainText('Part of your saved data could not be read');
			await expect(notice.locator('[data-parts-list] li')).toHaveText([c.label]);
			await c.still(page);
			// The record in storage keeps every other part; the damaged one is in the backup.
			const now = await storedRecord(page);
			c.gone(now);
			const backups = await partBackups(page);
			expect(Object.keys(backups)).toHaveLength(1);
			const kept = JSON.parse(Object.values(backups)[0]!);
			expect(kept.setAside).toHaveLength(1);
			expect(kept.setAside[0].label).toBe(c.label);
			// The download holds the part exactly as it was stored.
			const download = page.waitForEvent('download');
			await notice.getByRole('button', { name: 'Download the items set aside' }).click();
			const d = await download;
			expect(d.suggestedFilename()).toMatch(/^qms-training-set-aside-progress-.*\.json$/);
			const text = readFileSync((await d.path())!, 'utf8');
			expect(text).toBe(Object.values(backups)[0]);
			const part = JSON.parse(text).setAside[0];
			const where = part.key === null ? damagedPart[part.section] : damagedPart[part.section][part.key];
			expect(part.value).toEqual(where);
			// Next visit: the record reads clean, the notice stays until the copy is deleted.
			await page.reload();
			await expect(notice.locator('[data-parts-list] li')).toHaveText([c.label]);
			await notice.getByRole('button', { name: 'Delete the copy' }).click();
			await expect(page.locator('[data-notice="damaged"]')).toHaveCount(0);
			expect(await partBackups(page)).toEqual({});
		});
	}

	test('My progress with the notice showing passes axe', async ({ page }) => {
		test.setTimeout(90_000);
		const record = fullRecord();
		record.reading[PAGE_B] = { read: 42 };
		record.profile = 'Ada';
		await seed(page, record);
		await expect(page.locator('[data-notice="damaged"] [data-parts-list] li')).toHaveCount(2);
		await expect(page.locator('[data-usage-site]')).toContainText('This site stores');
		await expectNoSeriousA11yViolations(page);
	});
});

test('lab runs beyond the last 20 are counted, not hidden: "and 37 earlier runs"', async ({ page }) => {
	const record = fullRecord();
	const runs = Array.from({ length: 20 }, (_, i) => ({ ...labRun(`lab-run-${String(i).padStart(3, '0')}`, i === 19), at: `2026-11-02T10:${String(i).padStart(2, '0')}:00.000Z` }));
	record.labs[LAB_A] = { attempts: runs, earlier: { count: 37, through: '2026-11-02T09:59:00.000Z' } };
	await seed(page, record);
	await expect(page.locator(`li[data-lab-id="${LAB_A}"]`)).toContainText('20 runs and 37 earlier runs; passed on');
	await expect(page.locator('[data-notice="damaged"]')).toHaveCount(0);
	expect((await storedRecord(page)).labs[LAB_A].earlier).toEqual({ count: 37, through: '2026-11-02T09:59:00.000Z' });
});
