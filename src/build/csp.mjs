// @ts-check
// Build- and config-time only (Node). The site's Content-Security-Policy (issue 10, "Security").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Two policies, because a page and a Web Worker get their policies from different places:
 *
 * 1. Pages: Astro's `security.csp` writes a `<meta http-equiv="content-security-policy">` into
 *    every page, with the hashes of the scripts Astro bundles. Astro does not hash
 *    `<script is:inline>` (Starlight's theme, sidebar and search scripts, our Search override),
 *    so `inlineScriptHashes()` hashes those from their sources and `cspCheck()` fails the build
 *    when a page carries an inline script its policy does not allow.
 *    Lab pages add WebContainer's origin (`WEBCONTAINER_FRAME_SRC`, src/pages/labs/[id].astro).
 * 2. Worker scripts: a worker started from a URL does not inherit the page's policy; it gets the
 *    one its script is served with (none, unless a header says so). The offline lab runner runs
 *    the learner's code with `new Function`, so its worker needs `'unsafe-eval'`; `WORKER_CSP`
 *    gives it that and no network at all. Vite emits every worker script under /_astro/, so the
 *    header goes on /_astro/* (public/_headers, the README's nginx example, and `workerCspProxy()`
 *    for `astro dev` / `astro preview`). Other files there are scripts, styles and fonts loaded by
 *    pages, for which a CSP header means nothing.
 */

/**
 * Directives for every page besides script-src and style-src (Astro owns those two).
 * - connect-src 'self': Pagefind fetches its index from /pagefind/; nothing else is fetched.
 * - img-src and font-src data:: Monaco's stylesheet draws squiggles as data: SVG and embeds its
 *   icon font (codicon) as a data: URL.
 * - worker-src 'self': Monaco's workers and the offline runner are files under /_astro/.
 * - no frame-src: falls back to default-src 'self'; lab pages add StackBlitz.
 */
export const PAGE_DIRECTIVES = /** @type {const} */ ([
	"default-src 'self'",
	"connect-src 'self'",
	"img-src 'self' data:",
	"font-src 'self' data:",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
]);

/**
 * script-src besides the hashes: the site's own files, and WebAssembly compilation for Pagefind's
 * search (its wasm index reader); `'wasm-unsafe-eval'` allows compiling WebAssembly only, not
 * JavaScript `eval`.
 */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * style-src: `'unsafe-inline'` because Starlight's markup carries style attributes and Monaco and
 * xterm.js write `<style>` elements with computed rules at run time, which no build-time hash can
 * cover. With img-src and font-src limited to the site, injected CSS cannot send data elsewhere.
 */
export const STYLE_RESOURCES = ["'self'", "'unsafe-inline'"];

/**
 * WebContainer's headless runtime is an iframe from stackblitz.com (@webcontainer/api,
 * DEFAULT_EDITOR_ORIGIN); only lab pages may frame it. The page itself fetches nothing from
 * StackBlitz (the API's fetches are for StackBlitz OAuth, which the labs do not use), so
 * connect-src stays 'self'.
 */
export const WEBCONTAINER_FRAME_SRC = "frame-src 'self' https://stackblitz.com";

/**
 * Policy of every worker script: run same-origin scripts and `new Function` (the offline runner
 * evaluates the learner's lab code), reach nothing: no fetch, XHR, WebSocket or EventSource
 * (connect-src falls back to 'none'), no importScripts from another origin.
 */
export const WORKER_CSP = "default-src 'none'; script-src 'self' 'unsafe-eval'";

/** URL path prefix of the files that get WORKER_CSP (where Vite writes worker bundles). */
export const WORKER_PATH_PREFIX = '/_astro/';

const sha256 = (/** @type {string} */ text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Scripts the browser executes: no `type`, or a JavaScript one (JSON data blocks are inert). */
const EXECUTABLE = (/** @type {string} */ attrs) => {
	const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
	return type === undefined || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
};

/** `<script is:inline …>body</script>` bodies of one .astro source, executable ones only. */
export function inlineScriptBodies(/** @type {string} */ source) {
	const out = [];
	for (const m of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = m[1] ?? '';
		if (!/\bis:inline\b/.test(attrs) || !EXECUTABLE(attrs) || /\bset:(html|text)\b/.test(attrs)) continue;
		out.push(m[2] ?? '');
	}
	return out;
}

function astroFiles(/** @type {string} */ dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.astro'))
		.map((f) => join(dir, f));
}

/**
 * SHA-256 hashes (`sha256-…`) of every executable `<script is:inline>` in Starlight's components
 * and in `src/components`. The compiler emits these bodies verbatim, so hashing the source gives the
 * hash of the page's script; `cspCheck()` proves it on the build output.
 * @param {string} root project root (a file URL's path)
 */
export function inlineScriptHashes(root) {
	const starlight = join(root, 'node_modules/@astrojs/starlight');
	const files = [...astroFiles(starlight).filter((f) => !f.includes(`${starlight}/node_modules`)), ...astroFiles(join(root, 'src/components'))];
	const hashes = new Set();
	for (const file of files) for (const body of inlineScriptBodies(readFileSync(file, 'utf8'))) hashes.add(sha256(body));
	return [...hashes].sort();
}

/** The page's CSP meta content, or undefined. */
export function metaPolicy(/** @type {string} */ html) {
	return /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1]?.replaceAll('&#39;', "'");
}

/**
 * Problems with one built page's policy: no meta, more than one, or an executable inline script
 * whose hash the policy's script-src does not list. Empty when the page is fine.
 * @param {string} html
 */
export function pagePolicyProblems(html) {
	const metas = html.match(/<meta http-equiv="content-security-policy"/gi) ?? [];
	if (metas.length !== 1) return [`${metas.length} Content-Security-Policy meta elements (expected 1)`];
	const policy = metaPolicy(html) ?? '';
	const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
	const problems = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attrs = m[1] ?? '';
		if (/\bsrc\s*=/.test(attrs) || !EXECUTABLE(attrs)) continue;
		const hash = sha256(m[2] ?? '');
		if (!scriptSrc.includes(`'${hash}'`)) problems.push(`inline script not allowed by script-src ('${hash}'): ${JSON.stringify((m[2] ?? '').trim().slice(0, 60))}…`);
	}
	if (/'unsafe-eval'/.test(scriptSrc)) problems.push("script-src allows 'unsafe-eval'");
	return problems;
}

function htmlFiles(/** @type {string} */ dir) {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html'))
		.map((f) => join(dir, f));
}

/**
 * Astro integration: after the build, every page must carry exactly one policy that allows each
 * of its inline scripts and no `'unsafe-eval'`, and dist/_headers must give /_astro/* the worker
 * policy. Fails the build with the pages and scripts at fault.
 * @returns {import('astro').AstroIntegration}
 */
export function cspCheck() {
	return {
		name: 'qms:csp-check',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const failures = [];
				const pages = htmlFiles(out);
				for (const file of pages) {
					for (const problem of pagePolicyProblems(readFileSync(file, 'utf8'))) failures.push(`${relative(out, file)}: ${problem}`);
				}
				const headers = existsSync(join(out, '_headers')) ? readFileSync(join(out, '_headers'), 'utf8') : '';
				if (!headersGiveWorkerPolicy(headers)) failures.push(`_headers: ${WORKER_PATH_PREFIX}* must send Content-Security-Policy: ${WORKER_CSP}`);
				if (failures.length) {
					throw new Error(`Content-Security-Policy check failed (src/build/csp.mjs):\n${failures.slice(0, 20).join('\n')}${failures.length > 20 ? `\n… and ${failures.length - 20} more` : ''}`);
				}
				logger.info(`${pages.length} pages carry a policy that allows each of their inline scripts`);
			},
		},
	};
}

/** True when a `_headers` file has a `/_astro/*` block sending exactly WORKER_CSP. */
export function headersGiveWorkerPolicy(/** @type {string} */ text) {
	const blocks = text.split(/\n(?=\S)/);
	return blocks.some((block) => {
		const [path, ...lines] = block.split('\n');
		return path?.trim() === `${WORKER_PATH_PREFIX}*` && lines.some((l) => l.trim() === `Content-Security-Policy: ${WORKER_CSP}`);
	});
}

/**
 * Vite `server.proxy` / `preview.proxy` entries that add WORKER_CSP to worker scripts in
 * `astro dev` (Vite serves workers at `…?worker_file…`) and `astro preview` (/_astro/*.js).
 * Astro's `server.headers` goes on every response, and `astro preview` drops user Vite plugins,
 * so a proxy rule whose `bypass` sets the header and then serves the file as usual
 * (returning the URL unchanged means "do not proxy") is the one per-path hook both servers keep.
 * @returns {Record<string, import('vite').ProxyOptions>}
 */
export function workerCspProxy() {
	/** @type {import('vite').ProxyOptions} */
	const addHeader = {
		bypass: (req, res) => {
			res?.setHeader('Content-Security-Policy', WORKER_CSP);
			return req.url;
		},
	};
	return { [`^${WORKER_PATH_PREFIX}.*\\.js(\\?.*)?$`]: addHeader, '^/.*[?&]worker_file': addHeader };
}

/** The project root this file belongs to (for inlineScriptHashes). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
