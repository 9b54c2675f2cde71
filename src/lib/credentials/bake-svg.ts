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
 * Works on text (indexOf scans, no DOM), so it runs in Node and workers. Extraction
 * reads only the first `<openbadges:credential>`, as the spec says.
 */

export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

/** Thrown by `bakeSvg` when the text has no `<svg` root element. */
export class SvgError extends Error {
	override name = 'SvgError';
}

/**
 * Find the root `<svg …>` opening tag after an optional BOM, XML declaration, comments and
 * doctype. Scans with indexOf, not one regular expression: a pattern with a repeated lazy comment
 * group backtracks exponentially on a file of many comments without an `<svg>`.
 * Returns the index where the tag starts, the attribute text and the index just after its `>`.
 */
function findRoot(text: string): { start: number; attrs: string; end: number } | undefined {
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const skipSpace = () => {
		while (i < text.length && /\s/.test(text[i]!)) i++;
	};
	skipSpace();
	if (text.startsWith('<?xml', i)) {
		const end = text.indexOf('?>', i);
		if (end < 0) return undefined;
		i = end + 2;
	}
	for (;;) {
		skipSpace();
		if (text.startsWith('<!--', i)) {
			const end = text.indexOf('-->', i + 4);
			if (end < 0) return undefined;
			i = end + 3;
		} else if (text.startsWith('<!DOCTYPE', i)) {
			const gt = text.indexOf('>', i);
			const bracket = text.indexOf('[', i);
			if (gt < 0) return undefined;
			if (bracket >= 0 && bracket < gt) {
				const close = text.indexOf(']', bracket);
				const after = close < 0 ? -1 : text.indexOf('>', close);
				if (after < 0) return undefined;
				i = after + 1;
			} else i = gt + 1;
		} else break;
	}
	if (!text.startsWith('<svg', i) || !/[\s/>]/.test(text[i + 4] ?? '')) return undefined;
	const gt = text.indexOf('>', i);
	if (gt < 0) return undefined;
	return { start: i, attrs: text.slice(i + 4, gt), end: gt + 1 };
}
/** True when `text` is XML whose root element is `<svg>`. */
export function isSvgText(text: string): boolean {
	return findRoot(text) !== undefined;
}

/** An existing credential element (only run on SVG text we are baking, never on uploads). */
const EXISTING = /<openbadges:credential\b[^>]*?(?:\/>|>[\s\S]*?<\/openbadges:credential\s*>)\s*/g;

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
	const root = findRoot(svg);
	if (!root) throw new SvgError('This is not an SVG image (no <svg> root element).');
	const prolog = svg.slice(0, root.start);
	let attrs = root.attrs;
	const selfClosing = attrs.endsWith('/');
	if (selfClosing) attrs = attrs.slice(0, -1);
	attrs = attrs.replace(/\s+xmlns:openbadges\s*=\s*("[^"]*"|'[^']*')/g, '');
	const element =
		typeof credential === 'string'
			? `<openbadges:credential verify="${escapeAttr(credential)}"></openbadges:credential>`
			: `<openbadges:credential><![CDATA[${JSON.stringify(credential).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}]]></openbadges:credential>`;
	const open = `<svg${attrs.replace(/\s+$/, '')} xmlns:openbadges="${OB3_SVG_NAMESPACE}">`;
	const rest = svg.slice(root.end).replace(EXISTING, '');
	return selfClosing ? `${prolog}${open}${element}</svg>${rest}` : `${prolog}${open}${element}${rest}`;
}

/** What an SVG holds: the credential text (JWS or JSON), nothing, or a reason it cannot be read. */
export type SvgExtract = { kind: 'found'; text: string } | { kind: 'none' } | { kind: 'error'; reason: string };

/** Find the first `<openbadges:credential>` and return its `verify` attribute or its body. Never throws. */
export function extractFromSvg(svg: string): SvgExtract {
	if (!isSvgText(svg)) return { kind: 'error', reason: 'This is not an SVG image (no <svg> root element).' };
	// indexOf rather than one regex over the whole text: a hostile file with many unclosed tags
	// would make a backtracking regex quadratic.
	const TAG = '<openbadges:credential';
	let at = svg.indexOf(TAG);
	while (at >= 0 && !/[\s/>]/.test(svg[at + TAG.length] ?? '')) at = svg.indexOf(TAG, at + 1);
	if (at < 0) return { kind: 'none' };
	const close = svg.indexOf('>', at);
	if (close < 0) return { kind: 'error', reason: 'The SVG file is cut short: the credential element is not closed (truncated or damaged).' };
	const selfClosing = svg[close - 1] === '/';
	const attrs = svg.slice(at + TAG.length, selfClosing ? close - 1 : close);
	const verify = /\sverify\s*=\s*("([^"]*)"|'([^']*)')/.exec(attrs);
	if (verify) return { kind: 'found', text: unescapeXml(verify[2] ?? verify[3] ?? '').trim() };
	if (selfClosing) return { kind: 'error', reason: 'The credential element in this SVG is empty.' };
	const from = close + 1;
	const end = svg.indexOf('</openbadges:credential', from);
	if (end < 0) return { kind: 'error', reason: 'The SVG file is cut short: the credential element is not closed (truncated or damaged).' };
	const body = svg.slice(from, end);
	const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(body);
	const text = cdata ? cdata[1]! : unescapeXml(body);
	return text.trim() === '' ? { kind: 'error', reason: 'The credential element in this SVG is empty.' } : { kind: 'found', text: text.trim() };
}
