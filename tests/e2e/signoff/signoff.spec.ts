/**
 * Sign-off end to end in Chromium (issue 9): two learners and a lead, each in a browser context of
 * their own (their own storage and keys).
 * - Learner A (Level 1 Engineer: modules and assessments done, put in localStorage as the store
 *   writes it) has a signing key from an earlier release, written straight into IndexedDB under the
 *   names the site has always used: the request must be signed with it (keys survive the shared
 *   keystore, src/runtime/keystore.ts). A records the Performance Optimization project and
 *   downloads a sign-off request. Learner B (Level 1 modules and the theoretical assessment only)
 *   records a project of their own and downloads a request, which makes B's key.
 * - Both export their progress; the lead drops both exports on /team/ and sees both in the roll-up.
 * - The lead makes their key on /team/ (kept in IndexedDB, non-extractable, still there after a
 *   reload), opens A's request, approves the project and downloads the signed sign-off.
 * - B cannot use it: the import in B's browser is refused, naming whose it is.
 * - A imports it. This build publishes no lead, so the lead's key is an unknown key: kept, named, not
 *   counted. Then, as a site that publishes that key (the page's embedded site config replaced in
 *   the response with the lead's public key, the maintainer's step; the real build's pages are
 *   checked to carry the empty list), the project counts, the certificate is earned, and its signed
 *   credential carries the sign-off, which the verify page names as signed by that lead.
 * Tampered files are refused with a reason. Every downloaded file's bytes are read back.
 */
import { PROGRESS_VERSION } from '../../../src/lib/progress/version';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { didKeyFromRawPublicKey } from '../../../src/lib/credentials/did-key';
import * as R from '../../../src/lib/progress/record';
import type { ProgressRecord } from '../../../src/schemas/progress';
import { realCatalog } from '../../unit/lib/credentials/content';
import { day, finishModules, quiz } from '../../unit/lib/credentials/records';
import { download } from '../credentials/files';
import { KEY, exportFile, hydrated } from '../progress/helpers';
import { expectNoSeriousA11yViolations } from '../support/axe';

const NAME = 'Ada <b>Lovelace</b>';
const NAME_B = 'Grace Hopper';
const CERT = 'level-1-engineer';
const PROJECT = 'TTI 4.0 s → 3.1 s (22 %), bundle 412 KB → 318 KB';
const PROJECT_B = 'LCP 3.2 s → 2.4 s on the checkout page';
const SHIPPED_LEADS = '{"leads":[],"acceptUnknownKeys":false}';
/** Where each key lives in IndexedDB (database, object store, entry): these names must never change. */
const LEARNER_KEY = ['qms-training-credentials', 'keys', 'signing-key'] as const;
const LEAD_KEY = ['qms-training-signoff', 'lead-keys', 'lead-signing-key'] as const;

/** Level 1's modules and the theoretical assessment passed, with a name; `practical` adds the practical assessment. */
function level1(name: string, practical: boolean): ProgressRecord {
	const catalog = realCatalog();
	let r = finishModules(R.emptyRecord('1970-01-01T00:00:00.000Z'), catalog, catalog.pages['engineering-excellence/core-engineering']!.modules, day(0));
	r = quiz(r, catalog, 'engineering-excellence-theoretical-assessment', 5, 5, day(1));
	if (practical) r = quiz(r, catalog, 'engineering-excellence-practical-assessment', 20, 20, day(2));
	return R.setDisplayName(r, name, day(2));
}

const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.trim().split('.')[1]!, 'base64url').toString('utf8'));

/** Serve the site as one that publishes `did` as a lead: the embedded site config in the page is replaced (what a maintainer does in src/lib/signoff/site-leads.ts). */
async function publishLead(ctx: BrowserContext, did: string): Promise<void> {
	const config = JSON.stringify({ leads: [{ name: 'Ana Costa', role: 'Engineering lead', publicKey: did }], acceptUnknownKeys: false });
	await ctx.route(/\/(credentials|verify)\/$/, async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		expect(body).toContain(SHIPPED_LEADS);
		await route.fulfill({ response, body: body.replaceAll(SHIPPED_LEADS, config) });
	});
}

/** The key stored at `place`, read with plain IndexedDB (not the site's code): its did and its private half's properties. */
function storedKey(page: Page, place: readonly [string, string, string]) {
	return page.evaluate(
		([db, store, key]) =>
			new Promise<{ did: string; createdAt: string; type: string; algorithm: string; extractable: boolean } | null>((resolve, reject) => {
				const open = indexedDB.open(db!);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction(store!).objectStore(store!).get(key!);
					get.onerror = () => reject(get.error);
					get.onsuccess = () => {
						const v = get.result as { did: string; createdAt: string; privateKey: CryptoKey } | undefined;
						open.result.close();
						resolve(v ? { did: v.did, createdAt: v.createdAt, type: v.privateKey.type, algorithm: v.privateKey.algorithm.name, extractable: v.privateKey.extractable } : null);
					};
				};
			}),
		place,
	);
}

/**
 * Put a key in this browser the way an earlier release of the site did, with plain IndexedDB at the
 * learner's key's place, before the site's code touches it; returns its did:key (computed in the
 * test process from the raw public key).
 */
async function plantEarlierLearnerKey(page: Page): Promise<string> {
	const raw = await page.evaluate(async () => {
		const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
		(window as unknown as { earlierPair: CryptoKeyPair }).earlierPair = pair;
		return Array.from(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
	});
	const did = didKeyFromRawPublicKey(new Uint8Array(raw));
	await page.evaluate(
		([[db, store, key], did]) =>
			new Promise<void>((resolve, reject) => {
				const pair = (window as unknown as { earlierPair: CryptoKeyPair }).earlierPair;
				const open = indexedDB.open(db!, 1);
				open.onupgradeneeded = () => open.result.createObjectStore(store!);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(store!, 'readwrite');
					tx.objectStore(store!).put({ privateKey: pair.privateKey, publicKey: pair.publicKey, did, createdAt: '2026-11-01T09:00:00.000Z' }, key!);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		[LEARNER_KEY, did] as const,
	);
	return did;
}

const card = (page: Page) => page.locator(`[data-cred="${CERT}"]`);
const project = (page: Page) => card(page).locator('li[data-req="project"]');

/** On My credentials with `record` in localStorage: record a project through the form and download a sign-off request. */
async function recordAndRequest(page: Page, record: ProgressRecord, what: string): Promise<{ name: string; bytes: Buffer }> {
	if (new URL(page.url()).pathname !== '/credentials/') await page.goto('/credentials/');
	await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, JSON.stringify(record)]);
	await page.reload();
	await card(page).scrollIntoViewIfNeeded();
	await expect(card(page).locator('[data-state-label]')).toHaveText('In progress');
	const form = project(page).locator('[data-attest-form]');
	await project(page).locator('summary').click();
	await expect(form.getByLabel(/What/)).toBeEnabled();
	await form.getByLabel(/What/).fill(what);
	await form.getByLabel('Date').fill('2026-11-20');
	await form.getByRole('button', { name: 'Record item' }).click();
	await expect(project(page).locator('[data-missing]')).toContainText('Needs a sign-off by a team lead or manager for 1 item');
	return download(page, () => card(page).getByRole('button', { name: 'Download a sign-off request' }).click());
}

/** Export progress from My progress, as the learner sends it to their lead; the bytes read back. */
async function exportProgress(page: Page, name: string): Promise<{ name: string; text: string }> {
	await page.goto('/progress/');
	await hydrated(page, '[data-export]');
	const file = await exportFile(page);
	expect(file.name).toMatch(/^qms-training-progress-\d{4}-\d{2}-\d{2}\.json$/);
	const env = JSON.parse(file.text);
	expect(env).toMatchObject({ format: 'qms-training-progress', schemaVersion: PROGRESS_VERSION, checksum: { algorithm: 'SHA-256' }, record: { profile: { displayName: name } } });
	return file;
}

test('two learners export, the lead sees both on the Team page and signs A’s request; B cannot use A’s sign-off; A’s counts only when the lead is published; tampering refused', async ({ browser }, info) => {
	test.setTimeout(240_000);
	const dir = info.outputPath();
	const save = (name: string, bytes: Buffer | string) => {
		const path = join(dir, name);
		writeFileSync(path, bytes);
		return path;
	};
	const learnerCtx = await browser.newContext();
	const learnerBCtx = await browser.newContext();
	const leadCtx = await browser.newContext();
	const learner = await learnerCtx.newPage();
	const learnerB = await learnerBCtx.newPage();
	const lead = await leadCtx.newPage();

	// Learner A: a key from an earlier release already in this browser, then the project and the request.
	await learner.goto('/credentials/');
	const learnerDid = await plantEarlierLearnerKey(learner);
	const request = await recordAndRequest(learner, level1(NAME, true), PROJECT);
	await expect(card(learner).locator('li[data-req="practical"]')).toHaveAttribute('data-met', 'true');
	expect(request.name).toMatch(/^sign-off-request-level-1-engineer-[0-9a-f]{8}\.jws$/);
	const req = payloadOf(request.bytes.toString('utf8'));
	// Signed with the key that was already there: the shared keystore reads keys made before it.
	expect(req).toMatchObject({ type: 'SignOffRequest', learner: { name: NAME, did: learnerDid }, certification: { id: CERT, name: 'Level 1 Engineer' } });
	expect(req.requirements).toEqual([expect.objectContaining({ id: 'project', kind: 'attested', signer: 'lead', count: 1, items: [expect.objectContaining({ what: PROJECT, date: '2026-11-20' })] })]);
	expect(req.evidence.map((e: { name: string }) => e.name)).toContain('Practical assessment (practical knowledge): optimization and error-handling');
	await expect(card(learner).locator('[data-signoff-status]')).not.toContainText('A new signing key was made');
	const requestPath = save(request.name, request.bytes);
	// A request changed after signing (the item's text) is refused on the Team page.
	const [rh, rp, rs] = request.bytes.toString('utf8').trim().split('.');
	const reqTampered = JSON.parse(Buffer.from(rp!, 'base64url').toString('utf8'));
	reqTampered.requirements[0].items[0].what = 'TTI 10 s → 1 s';
	const tamperedRequestPath = save('tampered-request.jws', `${rh}.${Buffer.from(JSON.stringify(reqTampered)).toString('base64url')}.${rs}`);

	// Learner B, in a browser of their own: less done (no practical assessment), a project, a request: B's key is made now.
	const requestB = await recordAndRequest(learnerB, level1(NAME_B, false), PROJECT_B);
	await expect(card(learnerB).locator('li[data-req="practical"]')).toHaveAttribute('data-met', 'false');
	const reqB = payloadOf(requestB.bytes.toString('utf8'));
	expect(reqB.learner).toEqual({ name: NAME_B, did: expect.stringMatching(/^did:key:z6Mk/) });
	expect(reqB.learner.did).not.toBe(learnerDid);
	await expect(card(learnerB).locator('[data-signoff-status]')).toContainText(`A new signing key was made in this browser for your request: ${reqB.learner.did}.`);
	// B's key is where the learner's key has always been kept, and its private half cannot be read out.
	expect(await storedKey(learnerB, LEARNER_KEY)).toEqual({ did: reqB.learner.did, createdAt: expect.any(String), type: 'private', algorithm: 'Ed25519', extractable: false });

	// Both export their progress for the lead.
	const exportA = await exportProgress(learner, NAME);
	const exportB = await exportProgress(learnerB, NAME_B);

	// Lead, in a third context: the real build publishes no lead; both exports dropped on the Team page.
	expect(await (await lead.request.get('/team/')).text()).toContain(SHIPPED_LEADS);
	await lead.goto('/team/');
	await hydrated(lead, '[data-files]');
	await lead.locator('[data-files]').setInputFiles([
		{ name: 'ada.json', mimeType: 'application/json', buffer: Buffer.from(exportA.text) },
		{ name: 'grace.json', mimeType: 'application/json', buffer: Buffer.from(exportB.text) },
	]);
	await expect(lead.locator('[data-summary]')).toHaveText('2 learners in the table (2 files read).');
	await expect(lead.locator('[data-problems] li')).toHaveCount(0);
	const rows = lead.locator('[data-rows] tr');
	await expect(rows.locator('th')).toHaveText([NAME, NAME_B]);
	// Knowledge checks passed, "n of m": A has passed one more than B, the practical assessment.
	const header = await lead.locator('table:has([data-rows]) thead th').allTextContents();
	const quizzesCell = header.indexOf('Knowledge checks passed') - 1; // the learner's name is the row's th
	expect(quizzesCell).toBeGreaterThan(0);
	const passed = async (row: number) => {
		const m = /^(\d+) of (\d+)$/.exec((await rows.nth(row).locator('td').nth(quizzesCell).textContent())!.trim());
		expect(m).not.toBeNull();
		return [Number(m![1]), Number(m![2])];
	};
	const [a, ofA] = await passed(0);
	const [b, ofB] = await passed(1);
	expect(ofA).toBe(ofB);
	expect(a).toBe(b! + 1);

	// Lead: make the key, see its public parts, open A's request.
	const review = lead.locator('qms-signoff-review');
	await review.scrollIntoViewIfNeeded();
	await expect(review.getByLabel(/Your name/)).toBeEnabled();
	await expect(review.locator('[data-key-state]')).toContainText('no signing key');
	await expect(lead.getByText('Your key lives only in this browser')).toBeVisible();
	await review.getByLabel(/Your name/).fill('Ana Costa');
	await review.getByLabel(/Your role/).fill('Engineering lead');
	await review.getByRole('button', { name: 'Make my signing key' }).click();
	// The key is made asynchronously: wait until its did:key is shown, then read it.
	await expect(review.locator('[data-did]')).toHaveText(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/, { timeout: 10_000 });
	const leadDid = (await review.locator('[data-did]').textContent())!;
	expect(JSON.parse((await review.locator('[data-jwk]').textContent())!)).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[\w-]{43}$/) });
	await expect(review.locator('[data-key-trust]')).toContainText('does not publish this key');
	expect(await storedKey(lead, LEAD_KEY)).toEqual({ did: leadDid, createdAt: expect.any(String), type: 'private', algorithm: 'Ed25519', extractable: false });
	// Kept across a reload (read back from IndexedDB, not made again); the dropped table is not kept (not asked).
	await lead.reload();
	await review.scrollIntoViewIfNeeded();
	await expect(review.locator('[data-did]')).toHaveText(leadDid, { timeout: 10_000 });
	await expect(lead.locator('[data-rows] tr')).toHaveCount(0);
	const requestInput = review.getByLabel(/Sign-off request file/);
	await requestInput.setInputFiles(tamperedRequestPath);
	await expect(review.locator('[data-review-error]')).toContainText('changed after it was signed');
	await requestInput.setInputFiles(requestPath);
	await expect(review.locator('[data-review]')).toBeVisible();
	await expect(review.locator('[data-request-summary]')).toContainText(`${NAME} asks for a sign-off on Level 1 Engineer`);
	await expect(review.locator('[data-requirements]')).toContainText(PROJECT);
	await review.locator('details summary').click();
	await expectNoSeriousA11yViolations(lead);
	// Nothing chosen: nothing signed.
	await review.getByRole('button', { name: 'Sign and download the sign-off' }).click();
	await expect(review.locator('[data-sign-status]')).toContainText('Choose at least one');
	await review.getByLabel(/Complete project: Performance Optimization/).check();
	await review.getByLabel(/Comment/).fill('Checked the Lighthouse runs.');
	const signed = await download(lead, () => review.getByRole('button', { name: 'Sign and download the sign-off' }).click());
	expect(signed.name).toMatch(/^sign-off-level-1-engineer-ada-b-lovelace-b-[0-9a-f]{8}\.jws$/);
	const jws = signed.bytes.toString('utf8').trim();
	const endorsement = payloadOf(jws);
	expect(endorsement).toMatchObject({
		type: ['VerifiableCredential', 'EndorsementCredential'],
		iss: leadDid,
		issuer: { id: leadDid, name: 'Ana Costa', description: 'Engineering lead' },
		credentialSubject: { id: learnerDid, type: ['EndorsementSubject'], signOff: { request: req.id, approved: [{ requirement: 'project', items: req.requirements[0].items }] } },
	});
	expect(endorsement.credentialSubject.endorsementComment).toContain('Checked the Lighthouse runs.');
	const signedPath = save(signed.name, signed.bytes);

	// Learner B cannot use the sign-off made for A: refused with whose it is, and nothing kept.
	const importB = card(learnerB).getByLabel('Import a sign-off (.jws)');
	await learnerB.goto('/credentials/');
	await card(learnerB).scrollIntoViewIfNeeded();
	await expect(importB).toBeEnabled();
	await importB.setInputFiles(signedPath);
	await expect(card(learnerB).locator('[data-signoff-status]')).toHaveText(`Not imported: ${signed.name}. This sign-off is for another learner (${NAME}, key ${learnerDid}), not for the key of this browser (${reqB.learner.did}).`);
	expect((await learnerB.evaluate((k) => JSON.parse(localStorage.getItem(k)!), KEY)).signOffs).toEqual([]);
	await expect(project(learnerB)).toHaveAttribute('data-met', 'false');

	// Learner A: a tampered sign-off (a second requirement slipped in) is refused with the reason.
	const [h, p, s] = jws.split('.');
	const forged = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'));
	forged.credentialSubject.signOff.approved.push({ requirement: 'theoretical', items: [] });
	const forgedPath = save('forged-sign-off.jws', `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`);
	await learner.goto('/credentials/');
	await card(learner).scrollIntoViewIfNeeded();
	const importInput = card(learner).getByLabel('Import a sign-off (.jws)');
	await expect(importInput).toBeEnabled();
	await importInput.setInputFiles(forgedPath);
	await expect(card(learner).locator('[data-signoff-status]')).toContainText('Not imported: forged-sign-off.jws. The signature does not match the credential: the file was changed after it was signed.');

	// Learner A: the real one. This build publishes no lead: kept, named as an unknown key, not counted.
	await importInput.setInputFiles(signedPath);
	await expect(card(learner).locator('[data-signoff-status]')).toContainText(`signed by an unknown key ${leadDid} (who signed as “Ana Costa”). It is kept, but it does not count`);
	await expect(project(learner)).toHaveAttribute('data-met', 'false');
	await expect(project(learner).locator('[data-missing]')).toContainText(`Signed off by an unknown key ${leadDid} (who signed as “Ana Costa”): this site counts sign-offs by its published leads only`);
	const stored = await learner.evaluate((k) => JSON.parse(localStorage.getItem(k)!), KEY);
	expect(stored.version).toBe(PROGRESS_VERSION);
	expect(stored.signOffs).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{64}$/), jws, importedAt: expect.any(String) }]);

	// The verify page of this build: the sign-off file is intact, signed by an unknown key.
	await learner.goto('/verify/');
	const verifyInput = learner.getByLabel(/Credential file/);
	await expect(verifyInput).toBeEnabled();
	await verifyInput.setInputFiles(signedPath);
	const verdict = learner.locator('[data-result] .verdict');
	await expect(verdict).toHaveAttribute('data-verdict', 'sign-off');
	await expect(verdict.locator('[data-field="signer"]')).toHaveText(`signed by an unknown key ${leadDid} (who signed as “Ana Costa”)`);
	await verifyInput.setInputFiles(forgedPath);
	await expect(verdict).toHaveAttribute('data-verdict', 'refused');
	await expect(verdict).toContainText('changed after it was signed');

	// A site that publishes the lead's key: the same stored sign-off now counts, by name.
	await publishLead(learnerCtx, leadDid);
	await learner.goto('/credentials/');
	await card(learner).scrollIntoViewIfNeeded();
	await expect(project(learner)).toHaveAttribute('data-met', 'true');
	await expect(project(learner).locator('[data-missing]')).toContainText('signed off by Ana Costa (Engineering lead), a lead of this site');
	await expect(card(learner).locator('[data-state-label]')).toHaveText('Earned');
	await expectNoSeriousA11yViolations(learner);
	const credential = await download(learner, () => card(learner).getByRole('button', { name: 'Signed credential (JWT)' }).click());
	const cred = payloadOf(credential.bytes.toString('utf8'));
	expect(cred.type).toContain('OpenBadgeCredential');
	expect(cred.iss).toBe(learnerDid);
	expect(cred.endorsementJwt).toEqual([jws]);
	await learner.goto('/verify/');
	await expect(verifyInput).toBeEnabled();
	await verifyInput.setInputFiles(save(credential.name, credential.bytes));
	await expect(verdict).toHaveAttribute('data-verdict', 'signed');
	await expect(verdict.locator('[data-sign-off="lead"]')).toContainText('signed by Ana Costa (Engineering lead), a lead of this site');
	await verifyInput.setInputFiles(signedPath);
	await expect(verdict.locator('h3')).toHaveText('Sign-off, intact and signed by a lead of this site');
	// The tampered sign-off is refused by the publishing site too.
	await verifyInput.setInputFiles(forgedPath);
	await expect(verdict).toHaveAttribute('data-verdict', 'refused');

	await learnerCtx.close();
	await learnerBCtx.close();
	await leadCtx.close();
});
