import { describe, expect, it } from 'vitest';
import { bakeSvg, extractFromSvg } from '../../../../src/lib/credentials/bake-svg';
import { escapeXml, renderBadgeSvg, renderCertificateSvg, wrapText } from '../../../../src/lib/credentials/certificate-svg';
import { qrRuns } from '../../../../src/lib/credentials/qr';
import { sampleCertificateView } from './fixtures';
import { parseXml } from './xml';

const view = sampleCertificateView;

const HOSTILE = [
	'<script>alert(1)</script>',
	'Tom & Jerry',
	'"double" \'single\'',
	'Łukasz Żółć',
	'שלום עליכם',
	'محمد بن علي',
	']]></svg><svg onload="x">',
	'bell\u0007 and lone \uD800 surrogate',
];

describe('renderCertificateSvg', () => {
	it('is well-formed A4-landscape SVG with every field as text', () => {
		const svg = renderCertificateSvg(view);
		const { elements, texts, attributes } = parseXml(svg);
		expect(elements[0]).toBe('svg');
		expect(attributes[0]).toMatchObject({ viewBox: '0 0 1123 794', xmlns: 'http://www.w3.org/2000/svg' });
		for (const text of ['Ada Lovelace', 'Level 1 Engineer', 'Engineering excellence', 'Issued on 2026-11-30 · Valid until 2028-11-30', 'Certificate ID 3F2A-9C01-77B4-E0D2', view.certificateId.full, 'https://training.example.org/credentials/verify/', 'Requirements: seed 004, Certification']) {
			expect(texts).toContain(text);
		}
		expect(texts.join(' ')).toContain('it does not prove that anyone vouches for it.');
		// The printed URL drops the #fragment; the QR code carries it (next test).
		expect(texts.join(' ')).not.toContain('#id=');
	});

	it('uses nothing external: no href, no url(), no @import, no <image>', () => {
		const svg = renderCertificateSvg(view);
		expect(svg).not.toMatch(/href|url\(|@import|<image|<style|<script/i);
		expect(renderBadgeSvg(view)).not.toMatch(/href|url\(|@import|<image|<style|<script/i);
	});

	it.each(HOSTILE)('shows the hostile name %j as text and stays well-formed', (name) => {
		for (const svg of [renderCertificateSvg({ ...view, learnerName: name, title: name }), renderBadgeSvg({ ...view, learnerName: name })]) {
			const { elements, texts } = parseXml(svg);
			expect(elements).not.toContain('script');
			// eslint-disable-next-line no-control-regex -- BEL is the control character the name carries.
			const expected = name.replace(/[\u0007]|\uD800/g, '');
			expect(texts).toContain(expected);
			// Still bakeable and extractable.
			expect(extractFromSvg(bakeSvg(svg, 'a.b.c'))).toEqual({ kind: 'found', text: 'a.b.c' });
		}
	});

	it('squeezes a very long name into the page instead of cutting it', () => {
		const long = 'Maximiliana Alexandrina Konstantinopoulou-Wittgensteinová von Hohenzollern';
		const svg = renderCertificateSvg({ ...view, learnerName: long });
		expect(svg).toMatch(new RegExp(`textLength="940" lengthAdjust="spacingAndGlyphs">${long}<`));
	});

	it('draws a QR code of the verify URL', () => {
		const svg = renderCertificateSvg(view);
		const { size, runs } = qrRuns(view.verifyUrl);
		expect(size).toBeGreaterThanOrEqual(21);
		const path = /<path [^>]*d="([^"]+)"/.exec(svg)![1]!;
		expect(path.split('M').length - 1).toBe(runs.length);
		expect(path.startsWith('M0 0h7v1h-7z')).toBe(true); // top-left finder pattern row
	});
});

describe('renderBadgeSvg', () => {
	it('is a square 512 × 512 well-formed SVG with title, learner and date', () => {
		const svg = renderBadgeSvg(view);
		const { attributes, texts } = parseXml(svg);
		expect(attributes[0]).toMatchObject({ viewBox: '0 0 512 512', width: '512', height: '512' });
		expect(texts).toEqual(expect.arrayContaining(['Level 1 Engineer', 'Ada Lovelace', '2026-11-30 – 2028-11-30', '3F2A-9C01-77B4-E0D2']));
	});
});

describe('text helpers', () => {
	it('escapes the five XML characters', () => {
		expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
	});
	it('wraps at spaces within the limit', () => {
		expect(wrapText('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
	});
});
