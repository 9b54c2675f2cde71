/**
 * The certificate as a one-page PDF (A4 landscape, 841.89 × 595.28 pt) with pdf-lib: real,
 * selectable text (learner name, title, program, dates, certificate ID, verify URL, the "what this
 * proves" statement) and the QR code of the verify URL drawn as filled rectangles.
 *
 * Fonts: the PDF standard font Helvetica covers WinAnsi (Latin-1 and a few more) only. When any
 * text is outside it (e.g. "Łukasz", Hebrew, Greek), `opts.fontBytes()` is called for a TrueType
 * font (DejaVu Sans; src/runtime/credentials/font.ts fetches it in the browser, tests read
 * node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf) and it is embedded as a subset through
 * @pdf-lib/fontkit, loaded only then. Without `fontBytes` such text makes the call reject.
 * Right-to-left text in one direction is shaped and ordered by fontkit; text that mixes
 * directions is drawn in logical order (no full bidi reordering). Characters DejaVu lacks
 * (e.g. CJK) show as empty boxes.
 *
 * The PDF's dates are the issue date, so the same view gives the same bytes.
 */
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { type CertificateView, readableUrl, stripNonText, wrapText } from './certificate-svg';
import { qrRuns } from './qr';

/** A4 landscape in PDF points (1/72 inch). */
export const A4_LANDSCAPE = [841.89, 595.28] as const;

const INK = rgb(0.122, 0.161, 0.216);
const ACCENT = rgb(0.114, 0.306, 0.847);
const MUTED = rgb(0.294, 0.333, 0.388);

export interface PdfOptions {
	/** TrueType font bytes for text outside WinAnsi; called at most once, only when needed. */
	fontBytes?: () => Promise<Uint8Array>;
}

/** True when Helvetica (WinAnsi) can draw every character of `text`. */
function fitsWinAnsi(font: PDFFont, text: string): boolean {
	try {
		font.encodeText(text);
		return true;
	} catch {
		return false;
	}
}

/**
 * Render the certificate. Resolves to the PDF bytes. Rejects when text needs a font beyond
 * WinAnsi and `opts.fontBytes` is missing or fails, or when the font bytes are not a font.
 */
export async function renderCertificatePdf(view: CertificateView, opts: PdfOptions = {}): Promise<Uint8Array> {
	const c: CertificateView = {
		...view,
		learnerName: stripNonText(view.learnerName),
		title: stripNonText(view.title),
		programName: stripNonText(view.programName),
		statement: stripNonText(view.statement),
		verifyUrl: stripNonText(view.verifyUrl),
	};
	const doc = await PDFDocument.create();
	const issued = new Date(`${c.issuedOn}T00:00:00Z`);
	const date = Number.isNaN(issued.getTime()) ? new Date(0) : issued;
	doc.setTitle(`${c.kind === 'certificate' ? 'Certificate' : 'Badge'}: ${c.title} — ${c.learnerName}`);
	doc.setSubject(`Certificate ID ${c.certificateId.full}`);
	doc.setCreator('QMS Training');
	doc.setProducer('pdf-lib');
	doc.setCreationDate(date);
	doc.setModificationDate(date);

	let regular = await doc.embedFont(StandardFonts.Helvetica);
	let bold = await doc.embedFont(StandardFonts.HelveticaBold);
	let mono = await doc.embedFont(StandardFonts.Courier);
	const texts = [c.learnerName, c.title, c.programName, c.statement, c.verifyUrl, c.issuedOn, c.expiresOn ?? '', c.seedSource?.section ?? '', c.certificateId.short];
	if (!texts.every((t) => fitsWinAnsi(regular, t))) {
		if (!opts.fontBytes) throw new Error('This name needs a font beyond the PDF standard fonts, and none was given.');
		const [{ default: fontkit }, bytes] = await Promise.all([import('@pdf-lib/fontkit'), opts.fontBytes()]);
		doc.registerFontkit(fontkit);
		regular = await doc.embedFont(bytes, { subset: true });
		bold = regular;
		mono = regular;
	}

	const page = doc.addPage([...A4_LANDSCAPE]);
	const [W, H] = A4_LANDSCAPE;
	page.drawRectangle({ x: 18, y: 18, width: W - 36, height: H - 36, borderColor: ACCENT, borderWidth: 4.5 });
	page.drawRectangle({ x: 30, y: 30, width: W - 60, height: H - 60, borderColor: ACCENT, borderWidth: 1 });

	const cx = W / 2;
	const centred = (text: string, y: number, size: number, font: PDFFont, color = INK, maxWidth = 700) => drawFitted(page, text, { x: cx, y, size, font, color, maxWidth, anchor: 'middle' });
	const left = (text: string, x: number, y: number, size: number, font: PDFFont, color = INK, maxWidth = 570) => drawFitted(page, text, { x, y, size, font, color, maxWidth, anchor: 'start' });

	centred(c.kind === 'certificate' ? 'CERTIFICATE' : 'BADGE', H - 90, 17, bold, ACCENT);
	centred(c.programName, H - 118, 15, regular, MUTED);
	centred('This is to record that', H - 177, 15, regular, MUTED);
	centred(c.learnerName, H - 232, 40, bold, INK, 705);
	page.drawLine({ start: { x: cx - 225, y: H - 249 }, end: { x: cx + 225, y: H - 249 }, thickness: 0.75, color: ACCENT });
	centred(c.kind === 'certificate' ? 'has met the requirements of' : 'has earned the badge', H - 285, 15, regular, MUTED);
	centred(c.title, H - 327, 28, bold, ACCENT, 705);
	centred(`Issued on ${c.issuedOn}${c.expiresOn ? `  ·  Valid until ${c.expiresOn}` : ''}`, H - 367, 13.5, regular);
	if (c.seedSource) centred(`Requirements: seed ${c.seedSource.seed}, ${c.seedSource.section}`, H - 390, 10.5, regular, MUTED);

	left(`Certificate ID ${c.certificateId.short}`, 60, H - 427, 12, bold);
	left(c.certificateId.full, 60, H - 442, 8.5, mono, MUTED);
	wrapText(c.statement, 100)
		.slice(0, 4)
		.forEach((line, i) => left(line, 60, H - 460 - i * 13, 9.5, regular, MUTED));

	drawQr(page, c.verifyUrl, 670, 62, 112);
	drawFitted(page, 'Scan or visit to verify:', { x: 726, y: 50, size: 8, font: regular, color: MUTED, maxWidth: 150, anchor: 'middle' });
	drawFitted(page, readableUrl(c.verifyUrl), { x: 726, y: 39, size: 7.5, font: mono, color: MUTED, maxWidth: 160, anchor: 'middle' });

	return doc.save({ useObjectStreams: false });
}

/** Draw one line; shrink the size until it fits `maxWidth` (down to 40 %). */
function drawFitted(
	page: PDFPage,
	text: string,
	o: { x: number; y: number; size: number; font: PDFFont; color: ReturnType<typeof rgb>; maxWidth: number; anchor: 'start' | 'middle' },
): void {
	let size = o.size;
	let width = o.font.widthOfTextAtSize(text, size);
	if (width > o.maxWidth) {
		size = Math.max(o.size * 0.4, (o.size * o.maxWidth) / width);
		width = o.font.widthOfTextAtSize(text, size);
	}
	page.drawText(text, { x: o.anchor === 'middle' ? o.x - width / 2 : o.x, y: o.y, size, font: o.font, color: o.color });
}

/** QR code with its bottom-left corner at (x, y), `box` points wide including a 4-module quiet zone. */
function drawQr(page: PDFPage, url: string, x: number, y: number, box: number): void {
	const { size, runs } = qrRuns(url);
	const m = box / (size + 8);
	page.drawRectangle({ x, y, width: box, height: box, color: rgb(1, 1, 1) });
	for (const r of runs) {
		page.drawRectangle({ x: x + (4 + r.x) * m, y: y + box - (4 + r.y + 1) * m, width: r.length * m, height: m, color: rgb(0, 0, 0) });
	}
}
