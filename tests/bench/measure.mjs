// Byte accounting for built pages: HTML, CSS and the JS a page loads before any interaction
// (entry scripts plus their static imports; dynamic imports are lazy and not counted).
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Static import specifiers of an ES module chunk (minified or not). */
function staticImports(code) {
	const out = new Set();
	for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) out.add(m[1]);
	for (const m of code.matchAll(/(?:^|[;}\s])export\s*[\w*${}\s,]*from\s*["']([^"']+)["']/g)) out.add(m[1]);
	return [...out];
}

/** Resolve a URL path or relative specifier to a file in dist. */
const toFile = (dist, fromFile, spec) => (spec.startsWith('/') ? join(dist, spec) : resolve(dirname(fromFile), spec));

/**
 * Measure one built page.
 * @param {string} dist  absolute path of dist/
 * @param {string} htmlFile absolute path of the page's index.html
 * @returns {{ html: {raw:number,gzip:number}, css: {raw:number,gzip:number}, js: {raw:number,gzip:number}, jsFiles: Set<string>, inlineJs: string[] }}
 */
export function measurePage(dist, htmlFile) {
	const html = readFileSync(htmlFile);
	const text = html.toString('utf8');
	const css = { raw: 0, gzip: 0 };
	for (const m of text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
		const f = toFile(dist, htmlFile, m[1]);
		if (existsSync(f)) {
			const b = readFileSync(f);
			css.raw += b.length;
			css.gzip += gz(b);
		}
	}
	for (const m of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
		css.raw += Buffer.byteLength(m[1]);
		css.gzip += gz(Buffer.from(m[1]));
	}
	const jsFiles = new Set();
	const queue = [];
	const inlineJs = [];
	for (const m of text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = m[1];
		if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
		const src = /src="([^"]+)"/.exec(attrs)?.[1];
		if (src) queue.push(toFile(dist, htmlFile, src));
		else if (m[2].trim()) {
			inlineJs.push(m[2]);
			for (const spec of staticImports(m[2])) queue.push(toFile(dist, htmlFile, spec));
		}
	}
	while (queue.length) {
		const f = queue.pop();
		if (jsFiles.has(f) || !existsSync(f)) continue;
		jsFiles.add(f);
		for (const spec of staticImports(readFileSync(f, 'utf8'))) if (spec.startsWith('.') || spec.startsWith('/')) queue.push(toFile(dist, f, spec));
	}
	const js = { raw: 0, gzip: 0 };
	for (const f of jsFiles) {
		const b = readFileSync(f);
		js.raw += b.length;
		js.gzip += gz(b);
	}
	for (const s of inlineJs) {
		js.raw += Buffer.byteLength(s);
		js.gzip += gz(Buffer.from(s));
	}
	return { html: { raw: html.length, gzip: gz(html) }, css, js, jsFiles, inlineJs };
}

/** JS bytes a page loads that a baseline page (Starlight alone) does not. */
export function extraJs(page, baseline) {
	const out = { raw: 0, gzip: 0 };
	for (const f of page.jsFiles) {
		if (baseline.jsFiles.has(f)) continue;
		const b = readFileSync(f);
		out.raw += b.length;
		out.gzip += gz(b);
	}
	for (const s of page.inlineJs) {
		if (baseline.inlineJs.includes(s)) continue;
		out.raw += Buffer.byteLength(s);
		out.gzip += gz(Buffer.from(s));
	}
	return out;
}
