/**
 * My credentials and Verify, end to end in Chromium: earn the Performance Expert badge through the
 * UI (read the module, pass its knowledge check at 80 %, 004 badges), download every format, read
 * the bytes back with independent readers (PNG chunks, pdf.js, ajv with the OB 3.0 schema
 * fixture), then check each file on the verify page and see a tampered copy refused.
 */
import { expect, test, type Page } from '@playwright/test';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../fixtures/ob3/achievementcredential.schema.json' with { type: 'json' };
import { answerKey, answerQuiz, hydrated, quiz } from '../progress/helpers';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { download, itxtChunks, pdfText } from './files';
import { EXPORT_BUTTONS } from '../../../src/components/credentials/export-buttons';

const MODULE = '/engineering-excellence/core-engineering/performance/';
const QUIZ = 'engineering-excellence-performance';
const BADGE = 'performance-expert';
/** Hostile and non-WinAnsi text: must print as text everywhere, never as markup, and still render in the PDF. */
const NAME = 'Łukasz <img src=x onerror=alert(1)> Żółć & “Ada”';

const card = (page: Page, id: string) => page.locator(`[data-cred="${id}"]`);

async function earnPerformanceExpert(page: Page): Promise<void> {
	await page.goto(MODULE);
	await page.getByRole('button', { name: 'Mark as read' }).click();
	await expect(page.getByRole('button', { name: 'Mark as read' })).toHaveAttribute('aria-pressed', 'true');
	await hydrated(page, `qms-quiz[data-quiz-id="${QUIZ}"] [data-submit]`);
	await answerQuiz(page, await answerKey(page, QUIZ));
	await quiz(page, QUIZ).locator('[data-submit]').click();
	await expect(quiz(page, QUIZ).locator('[data-live]')).toContainText('passed');
}

async function setName(page: Page, name: string): Promise<void> {
	await page.goto('/progress/');
	const input = page.getByLabel('Display name (optional, up to 80 characters)');
	await input.scrollIntoViewIfNeeded();
	await expect(input).toBeEnabled();
	await input.fill(name);
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.locator('qms-profile [data-status]')).not.toBeEmpty();
}

test('every certificate and badge of content/certifications is listed with a state; none is earned by a new learner', async ({ page }) => {
	// axe over eleven cards takes a while on a busy two-core machine.
	test.setTimeout(90_000);
	const ids = readdirSync('content/certifications').map((f) => f.replace(/\.yaml$/, ''));
	await page.goto('/credentials/');
	await page.locator('qms-my-credentials').scrollIntoViewIfNeeded();
	await expect(page.locator('[data-summary]')).toContainText(`0 credentials earned`);
	for (const id of ids) await expect(card(page, id).locator('[data-state-label]')).toHaveText(/^(In progress|Not started|Locked)$/);
	// Every drill a certification names now exists: crisis simulation 2 of 2 (the system outage) links to its drill and counts.
	const outage = card(page, 'release-manager').locator('[data-req="crisis-system-outage"]');
	await expect(outage.locator('[data-req-state]')).toHaveText('(not met yet)');
	await expect(outage).not.toContainText('not available');
	await expect(outage.locator('a[href="/release-readiness/release-manager/crisis-management/"]').first()).toBeVisible();
	await expect(card(page, 'qms-professional').locator('[data-state-label]')).toHaveText('Locked');
	await expectNoSeriousA11yViolations(page);
});

test('earn the Performance Expert badge through the UI, download every format and check each on the verify page', async ({ page }, info) => {
	test.setTimeout(120_000);
	// Making the files (canvas, IndexedDB, workers, the PDF font) must stay inside the pages' Content-Security-Policy.
	const violations: string[] = [];
	await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
	await page.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`)),
	);
	await earnPerformanceExpert(page);
	await setName(page, NAME);
	await page.goto('/credentials/');
	const c = card(page, BADGE);
	await c.scrollIntoViewIfNeeded();
	await expect(c.locator('[data-state-label]')).toHaveText('Earned');
	await expect(c.locator('[data-dates]')).toContainText('Earned on');
	await expect(page.locator('[data-name-note]')).toContainText(NAME);
	// The hostile name stayed text: no element was made from it.
	await expect(page.locator('qms-my-credentials img')).toHaveCount(0);
	await expectNoSeriousA11yViolations(page);

	const files: Record<string, { name: string; bytes: Buffer }> = {};
	for (const { format, label } of EXPORT_BUTTONS) {
		files[format] = await download(page, () => c.getByRole('button', { name: label }).click());
		await expect(c.locator('[data-export-status]')).toContainText('Downloaded');
	}
	expect(violations, 'CSP violations while making the files').toEqual([]);
	const certId = /Certificate ID ([0-9a-f]{64})/.exec((await c.locator('[data-export-status]').textContent())!)![1]!;

	// PDF: A4 landscape, the name and title as real text, the certificate ID printed.
	const pdf = await pdfText(files.pdf!.bytes);
	expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([842, 595]);
	expect(pdf.text).toContain('Performance Expert');
	expect(pdf.text.replace(/\s+/g, ' ')).toContain(NAME);
	expect(pdf.text.replace(/\s/g, '')).toContain(certId.slice(0, 8));

	// PNGs: exactly one uncompressed iTXt chunk "openbadgecredential" holding a compact JWS (OB 3.0 baking).
	for (const f of [files.png!, files['badge-png']!]) {
		const chunks = itxtChunks(f.bytes).filter((k) => k.keyword === 'openbadgecredential');
		expect(chunks).toHaveLength(1);
		expect(chunks[0]).toMatchObject({ compressed: 0, language: '', translated: '' });
		expect(chunks[0]!.text).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
	}
	// SVGs: the namespace on the root and <openbadges:credential> right after the opening tag; the name escaped.
	for (const f of [files.svg!, files['badge-svg']!]) {
		const svg = f.bytes.toString('utf8');
		expect(svg).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
		expect(svg).toMatch(/<svg[^>]*>\s*<openbadges:credential verify="[\w-]+\.[\w-]+\.[\w-]+"/);
		expect(svg).not.toContain('<img');
	}
	// JSON: passes the OB 3.0 schema check (ajv, draft 2019-09) and names the learner and the achievement.
	const json = JSON.parse(files.json!.bytes.toString('utf8'));
	const ajv = new Ajv2019({ allErrors: true, strict: false });
	addFormats(ajv);
	const validate = ajv.compile(schema);
	expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
	expect(json.credentialSubject.achievement.name).toBe('Performance Expert');
	// OB 3.0 names the learner with an IdentityObject of identityType "name" (not hashed).
	expect(json.credentialSubject.identifier).toContainEqual(expect.objectContaining({ identityType: 'name', hashed: false, identityHash: NAME }));
	expect(json.evidence.length).toBeGreaterThan(0);

	// The verify page accepts every signed file and shows the same certificate ID.
	const dir = info.outputPath();
	await page.goto('/verify/');
	const input = page.getByLabel(/Credential file/);
	await expect(input).toBeEnabled();
	for (const format of ['png', 'svg', 'badge-png', 'badge-svg', 'jwt'] as const) {
		const path = join(dir, files[format]!.name);
		writeFileSync(path, files[format]!.bytes);
		await input.setInputFiles(path);
		const verdict = page.locator('[data-result] .verdict');
		await expect(verdict).toHaveAttribute('data-verdict', 'signed');
		await expect(verdict.locator('h3')).toHaveText('Valid, intact and signed');
		await expect(verdict.locator('[data-field="certificate-id"]')).toHaveText(certId);
		await expect(verdict.locator('[data-field="name"]')).toHaveText(NAME);
	}
	await expectNoSeriousA11yViolations(page);
	// The unsigned JSON is readable but says it is not signed.
	const jsonPath = join(dir, files.json!.name);
	writeFileSync(jsonPath, files.json!.bytes);
	await input.setInputFiles(jsonPath);
	await expect(page.locator('[data-result] .verdict')).toHaveAttribute('data-verdict', 'unsigned');

	// A tampered copy: the learner's name changed inside the signed SVG's JWS payload.
	const svg = files['badge-svg']!.bytes.toString('utf8');
	const jws = /verify="([^"]+)"/.exec(svg)![1]!;
	const [h, p, s] = jws.split('.') as [string, string, string];
	const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
	payload.credentialSubject.identifier[0].identityHash = 'Mallory';
	const forged = svg.replace(jws, `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`);
	const forgedPath = join(dir, 'forged-badge.svg');
	writeFileSync(forgedPath, forged);
	await input.setInputFiles(forgedPath);
	const refused = page.locator('[data-result] .verdict');
	await expect(refused).toHaveAttribute('data-verdict', 'refused');
	await expect(refused).toContainText(/signature/i);
});

test('the verify page refuses an oversized, a foreign and a truncated file with a reason', async ({ page }, info) => {
	await page.goto('/verify/');
	const input = page.getByLabel(/Credential file/);
	await expect(input).toBeEnabled();
	const dir = info.outputPath();
	const cases: [string, Buffer, RegExp][] = [
		['huge.json', Buffer.alloc(5 * 1024 * 1024 + 1, 32), /larger than 5 MB/],
		['foreign.json', Buffer.from(JSON.stringify({ hello: 'world' })), /Open Badges/i],
		// A PNG signature and nothing else: truncated.
		['truncated.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), /PNG/],
	];
	for (const [name, bytes, reason] of cases) {
		const path = join(dir, name);
		writeFileSync(path, bytes);
		await input.setInputFiles(path);
		const verdict = page.locator('[data-result] .verdict');
		await expect(verdict).toHaveAttribute('data-verdict', 'refused');
		await expect(verdict).toContainText(reason);
	}
	await expectNoSeriousA11yViolations(page);
});

test('an attested item is recorded and listed, and still needs a sign-off', async ({ page }) => {
	await page.goto('/credentials/');
	const c = card(page, 'release-manager');
	const attest = c.locator('[data-attest]').first();
	await attest.scrollIntoViewIfNeeded();
	await attest.locator('summary').click();
	const form = attest.locator('[data-attest-form]');
	await expect(form.getByLabel(/What/)).toBeEnabled();
	await form.getByLabel(/What/).fill('Shadowed the release build with <b>Ana</b>');
	await form.getByLabel('Date').fill('2026-11-02');
	await form.getByRole('button', { name: 'Record item' }).click();
	await expect(attest.locator('[data-attest-items] li')).toHaveCount(1);
	await expect(attest.locator('[data-attest-items] li')).toContainText('Shadowed the release build with <b>Ana</b>');
	await expect(attest.locator('xpath=..')).toHaveAttribute('data-met', 'false');
	await page.reload();
	await attest.scrollIntoViewIfNeeded();
	await expect(attest.locator('[data-attest-items] li')).toHaveCount(1);
});
