/**
 * Element factories shared by build and browser, so an island's first state can be rendered at
 * build with the very code that renders it in the page (issue 12: the layout must not move when
 * the island fills in). `Make<N>` has the shape of `h`/`s` in src/runtime/dom.ts (which make DOM
 * nodes); `markup` here makes escaped HTML strings for Astro's `set:html`. Text children and
 * attribute values are always escaped: no text becomes markup.
 */

export type Child<N> = N | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;
/** Make an element (`h`) or an SVG element (`s`): true → empty attribute, false/null/undefined → omitted. */
export interface Make<N> {
	h(tag: string, attrs?: Attrs, ...children: Child<N>[]): N;
	s(tag: string, attrs?: Attrs, ...children: Child<N>[]): N;
}

/** HTML made by `markup`: a wrapper, so it is never mistaken for text to escape. */
export interface Html {
	readonly html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for an HTML text node or a double-quoted attribute value. */
export const escapeHtml = (t: string): string => t.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col']);
const TAG = /^[a-z][a-z0-9-]*$/i;

function element(tag: string, attrs: Attrs = {}, children: Child<Html>[]): Html {
	if (!TAG.test(tag)) throw new Error(`bad tag name ${tag}`);
	let out = `<${tag}`;
	for (const [k, v] of Object.entries(attrs)) {
		if (v === false || v === null || v === undefined) continue;
		if (!TAG.test(k)) throw new Error(`bad attribute name ${k}`);
		out += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
	}
	out += '>';
	if (VOID.has(tag)) return { html: out };
	for (const c of children) {
		if (c === null || c === undefined || c === false) continue;
		out += typeof c === 'object' ? c.html : escapeHtml(String(c));
	}
	return { html: `${out}</${tag}>` };
}

/** Builds HTML strings (build time). SVG elements inside HTML need no namespace declaration. */
export const markup: Make<Html> = {
	h: (tag, attrs, ...children) => element(tag, attrs, children),
	s: (tag, attrs, ...children) => element(tag, attrs, children),
};

/** Join several pieces of markup into one. */
export const concat = (parts: Html[]): string => parts.map((p) => p.html).join('');
