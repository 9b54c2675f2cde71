/**
 * Small DOM helpers for the islands. Text is always set with textContent (never innerHTML), so
 * learner-typed or imported text such as "<img onerror=…>" shows as text and runs nothing.
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Create an element: boolean true → empty attribute, false/null/undefined → omitted; children appended as nodes or text. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	setAttrs(el, attrs);
	append(el, children);
	return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element (same rules as h). */
export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
	const el = document.createElementNS(SVG_NS, tag) as SVGElement;
	setAttrs(el, attrs);
	append(el, children);
	return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
	for (const [k, v] of Object.entries(attrs)) {
		if (v === false || v === null || v === undefined) continue;
		el.setAttribute(k, v === true ? '' : String(v));
	}
}

function append(el: Element, children: Child[]): void {
	for (const c of children) {
		if (c === null || c === undefined || c === false) continue;
		el.append(typeof c === 'object' ? c : String(c));
	}
}

/** Replace an element's children. */
export function replace(el: Element, ...children: Child[]): void {
	el.replaceChildren();
	append(el, children);
}

// Dates are formatted in ./format.ts (the reading controls and checklists, loaded on every page
// that has them, need only that part); re-exported here for the islands that use both.
export { formatDate, formatDateTime } from './format';

/** Show `message` in the `[data-error]` alert inside `root`, or hide and empty it when `message` is null. */
export function showError(root: Element, message: string | null): void {
	const el = root.querySelector<HTMLElement>('[data-error]')!;
	el.hidden = message === null;
	el.textContent = message ?? '';
}

/** Read JSON embedded by the build in `<script type="application/json" data-…>` inside `root`. */
export function embeddedJson<T>(root: Element, selector: string): T {
	const el = root.querySelector(selector);
	if (!el?.textContent) throw new Error(`missing ${selector}`);
	return JSON.parse(el.textContent) as T;
}

/** Save text as a file through a temporary link (Blob URL), e.g. exports and damaged-data copies. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
	downloadBlob(filename, new Blob([text], { type }));
}

/** Save bytes (a PDF, a PNG) as a file, as downloadText does for text. */
export function downloadBytes(filename: string, bytes: Uint8Array, type: string): void {
	downloadBlob(filename, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

function downloadBlob(filename: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = h('a', { href: url, download: filename, hidden: true });
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
