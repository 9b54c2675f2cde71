/**
 * The whole pipeline in Node, without a browser: build → sign (Node's Web Crypto Ed25519) →
 * render → bake → verifyCredentialFile. The canvas rasterizer is the one browser part: here it
 * is replaced by a fixed PNG (the baking and verifying of that PNG are real); the e2e test covers
 * real canvas output.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import extractChunks from 'png-chunks-extract';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportRequest, makeCredentialFile, slug } from '../../../../src/lib/credentials/files';
import { SITE_ISSUER, VERIFY_PAGE_URL } from '../../../../src/lib/credentials/site-issuer';
import { verifyCredentialFile } from '../../../../src/lib/credentials/verify';
import { makeKeys, tinyPng } from './fixtures';
import { parseXml } from './xml';

const require = createRequire(import.meta.url);
const keys = await makeKeys();
const deps = {
	privateKey: keys.privateKey,
	did: keys.did,
	rasterize: async () => tinyPng(),
	fontBytes: () => readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).then((b) => new Uint8Array(b)),
};
const request: ExportRequest = {
	achievement: {
		id: 'https://training.example.org/credentials/incident-master/',
		kind: 'badge',
		name: 'Incident Master',
		description: 'Handled simulated incidents end to end.',
		criteriaNarrative: 'Pass the incident drills (004, Badges).',
		source: { seed: '004', section: 'Badges' },
	},
	learner: { name: 'Łukasz Żółć' },
	validFrom: '2026-11-30T10:00:00Z',
	evidence: [{ name: 'Drill: incident response', description: 'Passed on 2026-11-29.' }],
	programName: 'Engineering excellence',
};
const NOW = '2026-12-01T00:00:00Z';

describe('makeCredentialFile, every format', async () => {
	const files = Object.fromEntries(await Promise.all(EXPORT_FORMATS.map(async (f) => [f, await makeCredentialFile(f, request, deps)] as const)));
	const id = files.json!.certificateId;

	it('gives every file of one credential the same certificate ID and a name from the achievement', () => {
		for (const file of Object.values(files)) expect(file.certificateId).toBe(id);
		const tag = id.slice(0, 8);
		expect(Object.fromEntries(Object.entries(files).map(([f, file]) => [f, [file.filename, file.mime]]))).toEqual({
			svg: [`incident-master-${tag}.svg`, 'image/svg+xml'],
			png: [`incident-master-${tag}.png`, 'image/png'],
			pdf: [`incident-master-${tag}.pdf`, 'application/pdf'],
			'badge-svg': [`incident-master-badge-${tag}.svg`, 'image/svg+xml'],
			'badge-png': [`incident-master-badge-${tag}.png`, 'image/png'],
			json: [`incident-master-credential-${tag}.json`, 'application/json'],
			jwt: [`incident-master-credential-${tag}.jwt`, 'text/plain'],
		});
	});

	it('writes the site issuer with the learner’s did:key as id', () => {
		expect(files.json!.credential.issuer).toEqual({ id: keys.did, type: ['Profile'], name: SITE_ISSUER.name, url: SITE_ISSUER.url, description: SITE_ISSUER.description });
	});

	it.each(['svg', 'png', 'badge-svg', 'badge-png', 'jwt', 'json'] as const)('%s verifies', async (format) => {
		const file = files[format]!;
		const result = await verifyCredentialFile(file.bytes, file.filename, { now: NOW });
		expect(result).toMatchObject({ ok: true, certificateId: id, signed: format !== 'json', expiry: 'valid' });
		if (result.ok) expect(result.summary.learnerName).toBe('Łukasz Żółć');
	});

	it('bakes one openbadgecredential iTXt chunk into the PNGs', () => {
		for (const format of ['png', 'badge-png'] as const) {
			const itxt = extractChunks(files[format]!.bytes).filter((c) => c.name === 'iTXt');
			expect(itxt).toHaveLength(1);
			expect(new TextDecoder().decode(itxt[0]!.data.subarray(0, 20))).toBe('openbadgecredential\0');
		}
	});

	it('makes well-formed SVGs with the credential element right after the root tag', () => {
		for (const format of ['svg', 'badge-svg'] as const) {
			const svg = new TextDecoder().decode(files[format]!.bytes);
			expect(parseXml(svg).elements.slice(0, 2)).toEqual(['svg', 'openbadges:credential']);
		}
	});

	it('makes a PDF with the certificate ID and verify URL, embedding a font for Ł', async () => {
		const doc = await PDFDocument.load(files.pdf!.bytes);
		expect(doc.getSubject()).toBe(`Certificate ID ${id}`);
		expect(doc.getTitle()).toBe('Badge: Incident Master — Łukasz Żółć');
		expect(new TextDecoder('latin1').decode(files.pdf!.bytes)).toContain('/FontFile2');
		expect(VERIFY_PAGE_URL).toMatch(/^https:\/\//);
	});

	it('refuses the same files after tampering', async () => {
		const json = JSON.parse(new TextDecoder().decode(files.json!.bytes));
		json.credentialSubject.identifier[0].identityHash = 'Mallory';
		expect(await verifyCredentialFile(new TextEncoder().encode(JSON.stringify(json)), 'x.json', { now: NOW })).toMatchObject({ ok: false, reason: expect.stringMatching(/changed after it was made/) });
		const svg = new TextDecoder().decode(files['badge-svg']!.bytes);
		const jws = /verify="([^"]+)"/.exec(svg)![1]!;
		const [h, p, s] = jws.split('.');
		const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(p!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
		payload.credentialSubject.identifier[0].identityHash = 'Mallory';
		const forgedPayload = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(payload)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
		const forged = svg.replace(jws, `${h}.${forgedPayload}.${s}`);
		expect(await verifyCredentialFile(new TextEncoder().encode(forged), 'x.svg', { now: NOW })).toEqual({ ok: false, reason: 'The signature does not match the credential: the file was changed after it was signed.' });
	});

	it('needs a rasterizer for PNGs', async () => {
		await expect(makeCredentialFile('png', request, { ...deps, rasterize: undefined })).rejects.toThrow(/rasterizer/);
	});
});

describe('slug', () => {
	it.each([
		['Level 1 Engineer', 'level-1-engineer'],
		['QMS Professional — Level 2', 'qms-professional-level-2'],
		['Ωμέγα', 'credential'],
		['Café Crème', 'cafe-creme'],
	])('%s → %s', (title, expected) => expect(slug(title)).toBe(expected));
});
