import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { unzlibSync } from 'fflate';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { A4_LANDSCAPE, renderCertificatePdf } from '../../../../src/lib/credentials/certificate-pdf';
import { readableUrl, wrapText } from '../../../../src/lib/credentials/certificate-svg';
import { qrRuns } from '../../../../src/lib/credentials/qr';
import { sampleCertificateView } from './fixtures';

const require = createRequire(import.meta.url);
const dejavu = () => readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).then((b) => new Uint8Array(b));

const view = sampleCertificateView;

/** Every content stream of the PDF, inflated, joined. */
async function contentText(bytes: Uint8Array): Promise<string> {
	const doc = await PDFDocument.load(bytes);
	const out: string[] = [];
	for (const page of doc.getPages()) {
		const contents = page.node.Contents();
		const refs = contents && 'asArray' in contents ? contents.asArray() : [contents];
		for (const ref of refs) {
			const stream = doc.context.lookup(ref as never);
			if (stream instanceof PDFRawStream) {
				const filter = stream.dict.get(PDFName.of('Filter'));
				out.push(new TextDecoder('latin1').decode(filter ? unzlibSync(stream.contents) : stream.contents));
			}
		}
	}
	return out.join('\n');
}

/** How pdf-lib writes a standard-font string: hex of the WinAnsi bytes, then Tj. */
const hexTj = (text: string) => `<${[...text].map((ch) => (ch === '’' ? '92' : ch.charCodeAt(0).toString(16).padStart(2, '0'))).join('').toUpperCase()}> Tj`;

describe('renderCertificatePdf', () => {
	it('writes one A4 landscape page with the name, title, dates, ID, URL and statement as text', async () => {
		const bytes = await renderCertificatePdf(view);
		expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		const { width, height } = doc.getPage(0).getSize();
		expect([width, height]).toEqual([...A4_LANDSCAPE]);
		expect(doc.getTitle()).toBe('Certificate: Level 1 Engineer — Ada Lovelace');
		const content = await contentText(bytes);
		for (const text of ['Ada Lovelace', 'Level 1 Engineer', 'Issued on 2026-11-30  ·  Valid until 2028-11-30', 'Certificate ID 3F2A-9C01-77B4-E0D2', view.certificateId.full, readableUrl(view.verifyUrl), 'Requirements: seed 004, Certification']) {
			expect(content).toContain(hexTj(text));
		}
		for (const line of wrapText(view.statement, 100)) expect(content).toContain(hexTj(line));
	});

	it('is reproducible: the same view gives the same bytes', async () => {
		expect(await renderCertificatePdf(view)).toEqual(await renderCertificatePdf(view));
	});

	it('does not load a font for WinAnsi text', async () => {
		const fontBytes = vi.fn(dejavu);
		await renderCertificatePdf({ ...view, learnerName: 'José Müller-Ørsted' }, { fontBytes });
		expect(fontBytes).not.toHaveBeenCalled();
	});

	it('embeds DejaVu Sans (subset) for a name outside WinAnsi', async () => {
		const fontBytes = vi.fn(dejavu);
		const bytes = await renderCertificatePdf({ ...view, learnerName: 'Łukasz Żółć' }, { fontBytes });
		expect(fontBytes).toHaveBeenCalledTimes(1);
		const raw = new TextDecoder('latin1').decode(bytes);
		expect(raw).toMatch(/\/BaseFont \/DejaVuSans-\d+/);
		expect(raw).toContain('/FontFile2');
		expect(raw).toContain('/ToUnicode');
		expect(bytes.length).toBeLessThan(200_000); // a subset, not the 740 KB font
		const doc = await PDFDocument.load(bytes);
		expect(doc.getTitle()).toBe('Certificate: Level 1 Engineer — Łukasz Żółć');
	});

	it.each(['שלום עליכם', '<script>alert(1)</script> & "x"', 'bell\u0007 line\nbreak'])('renders %j without throwing', async (name) => {
		const bytes = await renderCertificatePdf({ ...view, learnerName: name }, { fontBytes: dejavu });
		expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
	});

	it('rejects with a reason when text needs a font and none is given', async () => {
		await expect(renderCertificatePdf({ ...view, learnerName: 'Łukasz' })).rejects.toThrow(/needs a font beyond the PDF standard fonts/);
	});

	it('draws the QR code as filled rectangles', async () => {
		const content = await contentText(await renderCertificatePdf(view));
		// pdf-lib draws each rectangle as a filled path ("… h\nf"): the QR code's white background + 1 per dark run (the frames are stroked, not filled).
		const fills = (content.match(/\nh\nf\n/g) ?? []).length;
		expect(fills).toBe(1 + qrRuns(view.verifyUrl).runs.length);
	});
});
