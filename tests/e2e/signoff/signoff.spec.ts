/**
 * Sign-off end to end in Chromium (issue 9), learner and lead in two browser contexts (two
 * browsers' worth of storage and keys):
 * the learner (Level 1 Engineer: modules and assessments done, put in localStorage as the store
 * writes it) records the Performance Optimization project and downloads a sign-off request → the
 * lead makes their key on /team/, opens the request, approves the project and downloads the signed
 * sign-off → the learner imports it. This test build publishes no lead, so the lead's key is an
 * unknown key: kept, named, not counted. Then, as a site that publishes that key (the page's
 * embedded site config replaced in the response with the lead's public key, the maintainer's
 * step), the project counts, signed off by the lead by name, the certificate is earned, and its
 * signed credential carries the sign-off, which the verify page names. Tampered files are refused
 * with a reason. Every downloaded file's bytes are read back.
 */
import { PROGRESS_VERSION } from '../../../src/lib/progress/version';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as R from '../../../src/lib/progress/record';
import { realCatalog } from '../../unit/lib/credentials/content';
import { day, finishModules, quiz } from '../../unit/lib/credentials/records';
import { download } from '../credentials/files';
import { KEY } from '../progress/helpers';
import { expectNoSeriousA11yViolations } from '../support/axe';

const NAME = 'Ada <b>Lovelace</b>';
const CERT = 'level-1-engineer';
const PROJECT = 'TTI 4.0 s → 3.1 s (22 %), bundle 412 KB → 318 KB';
const SHIPPED_LEADS = '{"leads":[],"acceptUnknownKeys":false}';

/** A record with Level 1's modules and both assessments passed and a name; the project is not there. */
function level1Record(): string {
	const catalog = realCatalog();
	let r = finishModules(R.emptyRecord('1970-01-01T00:00:00.000Z'), catalog, catalog.pages['engineering-excellence/core-engineering']!.modules, day(0));
	r = quiz(r, catalog, 'engineering-excellence-theoretical-assessment', 5, 5, day(1));
	r = quiz(r, catalog, 'engineering-excellence-practical-assessment', 20, 20, day(2));
	return JSON.stringify(R.setDisplayName(r, NAME, day(2)));
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

const card = (page: Page) => page.locator(`[data-cred="${CERT}"]`);
const project = (page: Page) => card(page).locator('li[data-req="project"]');

test('learner asks, lead signs on the Team page, learner imports; counted only when the lead is published; tampering refused', async ({ browser }, info) => {
	test.setTimeout(180_000);
	const dir = info.outputPath();
	const save = (name: string, bytes: Buffer | string) => {
		const path = join(dir, name);
		writeFileSync(path, bytes);
		return path;
	};
	const learnerCtx = await browser.newContext();
	const leadCtx = await browser.newContext();
	const learner = await learnerCtx.newPage();
	const lead = await leadCtx.newPage();

	// Learner: the record as the store keeps it, then the project recorded through the form.
	await learner.goto('/credentials/');
	await learner.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, level1Record()]);
	await learner.reload();
	await card(learner).scrollIntoViewIfNeeded();
	await expect(card(learner).locator('[data-state-label]')).toHaveText('In progress');
	await expect(card(learner).locator('li[data-req="practical"]')).toHaveAttribute('data-met', 'true');
	const form = project(learner).locator('[data-attest-form]');
	await project(learner).locator('summary').click();
	await expect(form.getByLabel(/What/)).toBeEnabled();
	await form.getByLabel(/What/).fill(PROJECT);
	await form.getByLabel('Date').fill('2026-11-20');
	await form.getByRole('button', { name: 'Record item' }).click();
	await expect(project(learner).locator('[data-missing]')).toContainText('Needs a sign-off by a team lead or manager for 1 item');

	// Learner: download the sign-off request and read it back.
	const request = await download(learner, () => card(learner).getByRole('button', { name: 'Download a sign-off request' }).click());
	expect(request.name).toMatch(/^sign-off-request-level-1-engineer-[0-9a-f]{8}\.jws$/);
	const req = payloadOf(request.bytes.toString('utf8'));
	expect(req).toMatchObject({ type: 'SignOffRequest', learner: { name: NAME, did: expect.stringMatching(/^did:key:z6Mk/) }, certification: { id: CERT, name: 'Level 1 Engineer' } });
	expect(req.requirements).toEqual([expect.objectContaining({ id: 'project', kind: 'attested', signer: 'lead', count: 1, items: [expect.objectContaining({ what: PROJECT, date: '2026-11-20' })] })]);
	expect(req.evidence.map((e: { name: string }) => e.name)).toContain('Practical assessment (practical knowledge): optimization and error-handling');
	const requestPath = save(request.name, request.bytes);
	// A request changed after signing (the item's text) is refused on the Team page.
	const [rh, rp, rs] = request.bytes.toString('utf8').trim().split('.');
	const reqTampered = JSON.parse(Buffer.from(rp!, 'base64url').toString('utf8'));
	reqTampered.requirements[0].items[0].what = 'TTI 10 s → 1 s';
	const tamperedRequestPath = save('tampered-request.jws', `${rh}.${Buffer.from(JSON.stringify(reqTampered)).toString('base64url')}.${rs}`);

	// Lead, in another browser context: make the key, see its public parts, open the request.
	await lead.goto('/team/');
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
		credentialSubject: { id: req.learner.did, type: ['EndorsementSubject'], signOff: { request: req.id, approved: [{ requirement: 'project', items: req.requirements[0].items }] } },
	});
	expect(endorsement.credentialSubject.endorsementComment).toContain('Checked the Lighthouse runs.');
	const signedPath = save(signed.name, signed.bytes);

	// Learner: a tampered sign-off (a second requirement slipped in) is refused with the reason.
	const [h, p, s] = jws.split('.');
	const forged = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'));
	forged.credentialSubject.signOff.approved.push({ requirement: 'theoretical', items: [] });
	const forgedPath = save('forged-sign-off.jws', `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`);
	const importInput = card(learner).getByLabel('Import a sign-off (.jws)');
	await importInput.setInputFiles(forgedPath);
	await expect(card(learner).locator('[data-signoff-status]')).toContainText('Not imported: forged-sign-off.jws. The signature does not match the credential: the file was changed after it was signed.');

	// Learner: the real one. This build publishes no lead: kept, named as an unknown key, not counted.
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
	expect(cred.endorsementJwt).toEqual([jws]);
	await learner.goto('/verify/');
	await expect(verifyInput).toBeEnabled();
	await verifyInput.setInputFiles(save(credential.name, credential.bytes));
	await expect(verdict).toHaveAttribute('data-verdict', 'signed');
	await expect(verdict.locator('[data-sign-off="lead"]')).toContainText('signed by Ana Costa (Engineering lead), a lead of this site');
	await verifyInput.setInputFiles(signedPath);
	await expect(verdict.locator('h3')).toHaveText('Sign-off, intact and signed by a lead of this site');

	await learnerCtx.close();
	await leadCtx.close();
});
