/**
 * Bake an OB 3.0 credential into an SVG and extract it (OB 3.0 "Baked Badge / SVG").
 *
 * Baking adds `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` to the root `<svg>` tag and,
 * directly after that opening tag, one `<openbadges:credential>` element:
 * - signed (VC-JWT): `<openbadges:credential verify="<compact JWS>"></openbadges:credential>`;
 * - unsigned JSON: the JSON in the element body inside `<![CDATA[…]]>`. Every `<` and `>` in the
 *   JSON text is written as `\u003c` / `\u003e` (same JSON value), so no text in the credential
 *   can close the CDATA section or the element.
 * Any existing `<openbadges:credential>` is removed first (the spec lets the baker overwrite).
 *
 * Works on text with regular expressions (no DOM), so it runs in Node and workers. Extraction
 * reads only the first `<openbadges:credential>`, as the spec says.
 */

export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

/** Thrown by `bakeSvg` when the text has no `<svg` root element. */
export class SvgError extends Error {
	override name = 'SvgError';
}

/** The opening root tag: after an optional BOM, XML declaration, comments, doctype. */
const ROOT = /^(\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*)<svg(?=[\s>/])([^>]*)>/;
const EXISTING = /<openbadges:credential\b[^>]*?(?:\/>|>[\s\S]*?<\/openbadges:credential\s*>)\s*/g;

/** True when `text` is XML whose root element is `<svg>`. */
export function isSvgText(text: string): boolean {
	return ROOT.test(text);
}

/** XML attribute value escaping (for the JWS, which never needs it, and anything else). */
function escapeAttr(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
		const k = e.toLowerCase();
		if (k === 'amp') return '&';
		if (k === 'lt') return '<';
		if (k === 'gt') return '>';
		if (k === 'quot') return '"';
		if (k === 'apos') return "'";
		const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
		return code <= 0x10ffff ? String.fromCodePoint(code) : '';
	});
}

/**
 * Return `svg` with the credential baked in: `credential` is a compact JWS (string) for a signed
 * credential, or the credential object for an unsigned one. Throws SvgError when `svg` has no
 * `<svg>` root.
 */
export function bakeSvg(svg: string, credential: string | object): string {
	const root = ROOT.exec(svg);
	if (!root) throw new SvgError('This is not an SVG image (no <svg> root element).');
	const prolog = root[1]!;
	let attrs = root[2]!;
	const selfClosing = attrs.endsWith('/');
	if (selfClosing) attrs = attrs.slice(0, -1);
	attrs = attrs.replace(/\s+xmlns:openbadges\s*=\s*("[^"]*"|'[^']*')/g, '');
	const element =
		typeof credential === 'string'
			? `<openbadges:credential verify="${escapeAttr(credential)}"></openbadges:credential>`
			: `<openbadges:credential><![CDATA[${JSON.stringify(credential).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}]]></openbadges:credential>`;
	const open = `<svg${attrs.replace(/\s+$/, '')} xmlns:openbadges="${OB3_SVG_NAMESPACE}">`;
	const rest = svg.slice(root[0].length).replace(EXISTING, '');
	return selfClosing ? `${prolog}${open}${element}</svg>${rest}` : `${prolog}${open}${element}${rest}`;
}

/** What an SVG holds: the credential text (JWS or JSON), nothing, or a reason it cannot be read. */
export type SvgExtract = { kind: 'found'; text: string } | { kind: 'none' } | { kind: 'error'; reason: string };

/** Find the first `<openbadges:credential>` and return its `verify` attribute or its body. Never throws. */
export function extractFromSvg(svg: string): SvgExtract {
	if (!isSvgText(svg)) return { kind: 'error', reason: 'This is not an SVG image (no <svg> root element).' };
	const start = /<openbadges:credential\b([^>]*?)(\/?)>/.exec(svg);
	if (!start) return { kind: 'none' };
	const verify = /\sverify\s*=\s*("([^"]*)"|'([^']*)')/.exec(start[1]!);
	if (verify) return { kind: 'found', text: unescapeXml(verify[2] ?? verify[3] ?? '').trim() };
	if (start[2] === '/') return { kind: 'error', reason: 'The credential element in this SVG is empty.' };
	const from = start.index + start[0].length;
	const end = svg.indexOf('</openbadges:credential', from);
	if (end < 0) return { kind: 'error', reason: 'The SVG file is cut short: the credential element is not closed (truncated or damaged).' };
	const body = svg.slice(from, end);
	const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(body);
	const text = cdata ? cdata[1]! : unescapeXml(body);
	return text.trim() === '' ? { kind: 'error', reason: 'The credential element in this SVG is empty.' } : { kind: 'found', text: text.trim() };
}
