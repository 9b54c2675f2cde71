import extractChunks from 'png-chunks-extract';
import { describe, expect, it } from 'vitest';
import { PNG_KEYWORD, PngError, bakePng, decodeITxt, encodeITxt, extractFromPng, isPng } from '../../../../src/lib/credentials/bake-png';
import { OB3_SVG_NAMESPACE, SvgError, bakeSvg, extractFromSvg, isSvgText } from '../../../../src/lib/credentials/bake-svg';
import { buildCredential } from '../../../../src/lib/credentials/ob3';
import { signCredential } from '../../../../src/lib/credentials/sign';
import { makeKeys, sampleInput, textChunk, tinyPng } from './fixtures';

const keys = await makeKeys();
const { credential } = await buildCredential(sampleInput(keys.did, { learner: { name: 'Łukasz Żółć <b>]]></b> "quoted" & שלום' } }));
const jws = await signCredential(credential, keys.privateKey, keys.did);

describe('iTXt chunk layout', () => {
	it('writes keyword, NUL, flag 0, method 0, empty language, empty translated keyword, UTF-8 text', () => {
		const data = encodeITxt('openbadgecredential', 'Ż');
		expect([...data]).toEqual([...new TextEncoder().encode('openbadgecredential'), 0, 0, 0, 0, 0, 0xc5, 0xbb]);
		expect(decodeITxt(data)).toEqual({ keyword: 'openbadgecredential', compressed: false, text: 'Ż' });
	});
	it('reports broken layouts as undefined', () => {
		expect(decodeITxt(new Uint8Array([0, 0, 0]))).toBeUndefined();
		expect(decodeITxt(new TextEncoder().encode('openbadgecredential'))).toBeUndefined();
	});
});

describe('PNG baking', () => {
	it('round-trips a JWS and a JSON credential', () => {
		expect(extractFromPng(bakePng(tinyPng(), jws))).toEqual({ kind: 'found', text: jws });
		const json = JSON.stringify(credential);
		const baked = bakePng(tinyPng(), json);
		const found = extractFromPng(baked);
		expect(found.kind).toBe('found');
		if (found.kind === 'found') expect(JSON.parse(found.text)).toEqual(credential);
	});

	it('keeps exactly one openbadgecredential chunk after baking twice, with the newest text', () => {
		const twice = bakePng(bakePng(tinyPng(), 'first'), jws);
		const chunks = extractChunks(twice).filter((c) => c.name === 'iTXt' && decodeITxt(c.data)?.keyword === PNG_KEYWORD);
		expect(chunks).toHaveLength(1);
		expect(decodeITxt(chunks[0]!.data)?.text).toBe(jws);
		expect(extractChunks(twice).map((c) => c.name)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
	});

	it('keeps the image chunks unchanged', () => {
		const original = extractChunks(tinyPng());
		const baked = extractChunks(bakePng(tinyPng(), jws)).filter((c) => c.name !== 'iTXt');
		expect(baked).toEqual(original);
	});

	it('says "none" for a PNG without a credential and "ob2" for an OB 2.0 badge', () => {
		expect(extractFromPng(tinyPng())).toEqual({ kind: 'none' });
		expect(extractFromPng(tinyPng([textChunk('openbadges', '{"@context":"https://w3id.org/openbadges/v2"}')]))).toEqual({ kind: 'ob2' });
	});

	it('gives a reason for truncated and damaged bytes instead of throwing', () => {
		const baked = bakePng(tinyPng(), jws);
		for (const cut of [9, 20, 60, baked.length - 5, baked.length - 12]) {
			const result = extractFromPng(baked.subarray(0, cut));
			expect(result.kind).toBe('error');
			if (result.kind === 'error') expect(result.reason).toMatch(/cut short|damaged/);
		}
		const flipped = baked.slice();
		flipped[60] ^= 0xff; // inside the iTXt text: its CRC no longer matches
		expect(extractFromPng(flipped)).toMatchObject({ kind: 'error', reason: expect.stringMatching(/damaged/) });
		expect(extractFromPng(new TextEncoder().encode('GIF89a...'))).toEqual({ kind: 'error', reason: 'This is not a PNG file.' });
	});

	it('refuses a chunk length pointing past the end without allocating it', () => {
		const huge = tinyPng().slice();
		new DataView(huge.buffer).setUint32(8, 0xfffffff0); // IHDR length
		expect(extractFromPng(huge)).toMatchObject({ kind: 'error', reason: expect.stringMatching(/cut short/) });
	});

	it('refuses a compressed credential chunk', () => {
		const data = encodeITxt(PNG_KEYWORD, 'x');
		data[PNG_KEYWORD.length + 1] = 1;
		expect(extractFromPng(tinyPng([{ name: 'iTXt', data }]))).toMatchObject({ kind: 'error', reason: expect.stringMatching(/compressed/) });
	});

	it('bakePng throws PngError for bytes that are not a PNG', () => {
		expect(isPng(tinyPng())).toBe(true);
		expect(() => bakePng(new Uint8Array([1, 2, 3]), jws)).toThrow(PngError);
	});
});

const BADGE = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a badge -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><title>Badge</title><circle cx="256" cy="256" r="200"/></svg>`;

describe('SVG baking', () => {
	it('adds the namespace and the element right after the opening tag (signed: verify attribute)', () => {
		const baked = bakeSvg(BADGE, jws);
		expect(baked).toContain(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" xmlns:openbadges="${OB3_SVG_NAMESPACE}"><openbadges:credential verify="${jws}"></openbadges:credential><title>Badge</title>`);
		expect(baked.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- a badge -->\n<svg')).toBe(true);
		expect(extractFromSvg(baked)).toEqual({ kind: 'found', text: jws });
	});

	it('round-trips the JSON in CDATA even when a name contains ]]> and markup', () => {
		const baked = bakeSvg(BADGE, credential);
		expect(baked).toContain('<openbadges:credential><![CDATA[{');
		expect(baked.match(/\]\]>/g)).toHaveLength(1);
		expect(baked).not.toContain('<b>');
		const found = extractFromSvg(baked);
		expect(found.kind).toBe('found');
		if (found.kind === 'found') expect(JSON.parse(found.text)).toEqual(credential);
	});

	it('replaces an existing credential and namespace (one element, one xmlns:openbadges)', () => {
		const twice = bakeSvg(bakeSvg(BADGE, credential), jws);
		expect(twice.match(/<openbadges:credential/g)).toHaveLength(1);
		expect(twice.match(/xmlns:openbadges=/g)).toHaveLength(1);
		expect(extractFromSvg(twice)).toEqual({ kind: 'found', text: jws });
	});

	it('handles a self-closing root', () => {
		const baked = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', jws);
		expect(baked).toBe(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_SVG_NAMESPACE}"><openbadges:credential verify="${jws}"></openbadges:credential></svg>`);
	});

	it('extracts from an SVG another tool wrote (single quotes, whitespace, entities)', () => {
		const svg = `<svg xmlns='http://www.w3.org/2000/svg' xmlns:openbadges='${OB3_SVG_NAMESPACE}'>\n  <openbadges:credential verify='a.b.c' />\n</svg>`;
		expect(extractFromSvg(svg)).toEqual({ kind: 'found', text: 'a.b.c' });
		const body = `<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential>{"a":"&lt;&amp;&#x141;"}</openbadges:credential></svg>`;
		expect(extractFromSvg(body)).toEqual({ kind: 'found', text: '{"a":"<&Ł"}' });
	});

	it('scans hostile prologs and tags without backtracking (40 comments would take ~2^40 steps with a naive regex)', () => {
		expect(isSvgText(`${'<!--a-->'.repeat(40)}x`)).toBe(false);
		expect(isSvgText(`${'<!--a-->'.repeat(40)}<svg>`)).toBe(true);
		expect(extractFromSvg(`<svg>${'<openbadges:credential '.repeat(100_000)}`)).toMatchObject({ kind: 'error', reason: expect.stringMatching(/cut short/) });
	});

	it('says "none" without a credential and gives reasons for truncated or foreign text', () => {
		expect(extractFromSvg(BADGE)).toEqual({ kind: 'none' });
		const baked = bakeSvg(BADGE, credential);
		expect(extractFromSvg(baked.slice(0, baked.indexOf(']]>')))).toMatchObject({ kind: 'error', reason: expect.stringMatching(/cut short/) });
		expect(extractFromSvg('<html><svg></svg></html>')).toMatchObject({ kind: 'error' });
		expect(isSvgText('<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg>')).toBe(true);
		expect(isSvgText('<svgfoo>')).toBe(false);
		expect(() => bakeSvg('<html/>', jws)).toThrow(SvgError);
	});
});
