/**
 * The certificate (A4 landscape, 1123 × 794 user units = A4 at 96 dpi) and the square badge
 * (512 × 512) as standalone SVG text.
 *
 * Everything is inline so a canvas can rasterize it (src/runtime/credentials/raster.ts): no
 * external fonts, images or stylesheets; text uses the system font stack. Every text from the
 * learner or the content is XML-escaped and stripped of characters XML 1.0 forbids, so a name like
 * `<script>` or `]]>` is shown as typed and cannot break the file. Long texts are fitted with
 * `textLength` (the renderer squeezes them to the box) rather than cut.
 *
 * The QR code (src/lib/credentials/qr.ts) encodes `verifyUrl`.
 */
import { qrSvgPath } from './qr';

/** What a certificate or badge shows. Dates are `YYYY-MM-DD`. */
export interface CertificateView {
	learnerName: string;
	/** The certification or badge name, e.g. "Level 1 Engineer". */
	title: string;
	/** The program it belongs to, e.g. "Engineering excellence". */
	programName: string;
	kind: 'certificate' | 'badge';
	issuedOn: string;
	expiresOn?: string;
	certificateId: { short: string; full: string };
	/** Absolute URL of the verify page; the QR code opens it. Printed without its #fragment. */
	verifyUrl: string;
	/** What this proves and what it does not (self-issued, signed with the learner's own key). */
	statement: string;
	/** Where the requirements come from, e.g. { seed: '004', section: 'Certification' }. */
	seedSource?: { seed: string; section: string };
}

/** What the square badge image shows. */
export type BadgeView = Pick<CertificateView, 'learnerName' | 'title' | 'programName' | 'kind' | 'issuedOn' | 'expiresOn' | 'certificateId'>;

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
const MONO_STACK = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";
const INK = '#1f2937';
const ACCENT = '#1d4ed8';
const MUTED = '#4b5563';

/** Characters XML 1.0 does not allow (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of plain text: drops characters XML 1.0 cannot hold and turns tabs and line breaks into spaces. */
export function stripNonText(text: string): string {
	return text.replace(/[\t\r\n\u2028\u2029]+/g, ' ').replace(NOT_XML, '');
}

/** Escape text for XML content and attribute values; drops characters XML cannot hold. */
export function escapeXml(text: string): string {
	return stripNonText(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Rough width of `text` at `size` px in a sans-serif font (0.56 em per character). */
const estimateWidth = (text: string, size: number): number => [...text].length * size * 0.56;

/** A centred (or anchored) line; squeezed to `maxWidth` with textLength when it would not fit. */
function line(text: string, x: number, y: number, size: number, opts: { maxWidth: number; anchor?: 'start' | 'middle' | 'end'; weight?: number; fill?: string; family?: string; style?: string }): string {
	const fit = estimateWidth(text, size) > opts.maxWidth ? ` textLength="${opts.maxWidth}" lengthAdjust="spacingAndGlyphs"` : '';
	return `<text x="${x}" y="${y}" font-size="${size}"${opts.weight ? ` font-weight="${opts.weight}"` : ''}${opts.style ? ` font-style="${opts.style}"` : ''} text-anchor="${opts.anchor ?? 'middle'}" fill="${opts.fill ?? INK}"${opts.family ? ` font-family="${opts.family}"` : ''}${fit}>${escapeXml(text)}</text>`;
}

/** The URL printed under the QR code: without its #fragment (the QR code carries the full URL), so it stays readable. */
export function readableUrl(url: string): string {
	return url.split('#')[0]!;
}

/** Split `text` into lines of at most `maxChars` characters at spaces (long words are kept whole). */
export function wrapText(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (current && [...current].length + 1 + [...word].length > maxChars) {
			lines.push(current);
			current = word;
		} else current = current ? `${current} ${word}` : word;
	}
	if (current) lines.push(current);
	return lines;
}

/** QR code as a group at (x, y), `box` user units wide including a 4-module quiet zone. */
function qrGroup(url: string, x: number, y: number, box: number): string {
	const { size, d } = qrSvgPath(url);
	const scale = box / (size + 8);
	return `<g transform="translate(${x} ${y})"><rect width="${box}" height="${box}" fill="#fff"/><path transform="translate(${4 * scale} ${4 * scale}) scale(${scale})" d="${d}" fill="#000" shape-rendering="crispEdges"/></g>`;
}

/** The certificate as SVG text (viewBox 0 0 1123 794, A4 landscape). */
export function renderCertificateSvg(c: CertificateView): string {
	const W = 1123;
	const H = 794;
	const cx = W / 2;
	const kindLabel = c.kind === 'certificate' ? 'CERTIFICATE' : 'BADGE';
	const dates = `Issued on ${c.issuedOn}${c.expiresOn ? ` · Valid until ${c.expiresOn}` : ''}`;
	const statement = wrapText(c.statement, 92)
		.slice(0, 4)
		.map((l, i) => line(l, 80, 612 + i * 18, 13, { maxWidth: 760, anchor: 'start', fill: MUTED }))
		.join('');
	const body = [
		`<rect width="${W}" height="${H}" fill="#ffffff"/>`,
		`<rect x="24" y="24" width="${W - 48}" height="${H - 48}" fill="none" stroke="${ACCENT}" stroke-width="6"/>`,
		`<rect x="40" y="40" width="${W - 80}" height="${H - 80}" fill="none" stroke="${ACCENT}" stroke-width="1.5"/>`,
		line(kindLabel, cx, 120, 22, { maxWidth: 600, weight: 700, fill: ACCENT, style: 'normal' }),
		line(c.programName, cx, 158, 20, { maxWidth: 900, fill: MUTED }),
		line('This is to record that', cx, 236, 20, { maxWidth: 900, fill: MUTED }),
		line(c.learnerName, cx, 310, 54, { maxWidth: 940, weight: 700 }),
		`<line x1="${cx - 300}" y1="332" x2="${cx + 300}" y2="332" stroke="${ACCENT}" stroke-width="1"/>`,
		line(c.kind === 'certificate' ? 'has met the requirements of' : 'has earned the badge', cx, 380, 20, { maxWidth: 900, fill: MUTED }),
		line(c.title, cx, 436, 38, { maxWidth: 940, weight: 700, fill: ACCENT }),
		line(dates, cx, 490, 18, { maxWidth: 900 }),
		c.seedSource ? line(`Requirements: seed ${c.seedSource.seed}, ${c.seedSource.section}`, cx, 520, 14, { maxWidth: 900, fill: MUTED }) : '',
		line(`Certificate ID ${c.certificateId.short}`, 80, 570, 16, { maxWidth: 760, anchor: 'start', weight: 700, family: MONO_STACK }),
		line(c.certificateId.full, 80, 590, 11, { maxWidth: 760, anchor: 'start', fill: MUTED, family: MONO_STACK }),
		statement,
		qrGroup(c.verifyUrl, 893, 540, 150),
		line('Scan or visit to verify:', 968, 708, 11, { maxWidth: 200, fill: MUTED }),
		line(readableUrl(c.verifyUrl), 968, 724, 11, { maxWidth: 210, fill: MUTED, family: MONO_STACK }),
	].join('');
	return svgDocument(W, H, `${kindLabel}: ${c.title}, ${c.learnerName}`, body);
}

/** The square badge as SVG text (viewBox 0 0 512 512). */
export function renderBadgeSvg(b: BadgeView): string {
	const S = 512;
	const c = S / 2;
	const title = wrapText(b.title, 18).slice(0, 3);
	const titleLines = title.map((l, i) => line(l, c, 232 + (i - (title.length - 1) / 2) * 40, 34, { maxWidth: 340, weight: 700, fill: '#ffffff' })).join('');
	const body = [
		`<circle cx="${c}" cy="${c}" r="246" fill="${ACCENT}"/>`,
		`<circle cx="${c}" cy="${c}" r="222" fill="none" stroke="#ffffff" stroke-width="4"/>`,
		`<circle cx="${c}" cy="${c}" r="206" fill="none" stroke="#93c5fd" stroke-width="1.5"/>`,
		line(b.kind === 'certificate' ? 'CERTIFICATE' : 'BADGE', c, 112, 18, { maxWidth: 240, weight: 700, fill: '#bfdbfe' }),
		line(b.programName, c, 140, 16, { maxWidth: 300, fill: '#dbeafe' }),
		titleLines,
		line(b.learnerName, c, 340, 24, { maxWidth: 330, weight: 600, fill: '#ffffff' }),
		line(`${b.issuedOn}${b.expiresOn ? ` – ${b.expiresOn}` : ''}`, c, 374, 16, { maxWidth: 300, fill: '#dbeafe' }),
		line(b.certificateId.short, c, 410, 15, { maxWidth: 260, fill: '#bfdbfe', family: MONO_STACK }),
	].join('');
	return svgDocument(S, S, `${b.kind === 'certificate' ? 'Certificate' : 'Badge'}: ${b.title}, ${b.learnerName}`, body);
}

function svgDocument(width: number, height: number, title: string, body: string): string {
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${FONT_STACK}">` +
		`<title>${escapeXml(title)}</title>${body}</svg>\n`
	);
}
