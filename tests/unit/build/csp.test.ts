import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersGiveWorkerPolicy, inlineScriptBodies, inlineScriptHashes, pagePolicyProblems, PROJECT_ROOT, WORKER_CSP } from '../../../src/build/csp.mjs';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const page = (policy: string, body: string) => `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe('inlineScriptBodies', () => {
	it('returns executable is:inline bodies verbatim and skips bundled scripts and JSON data', () => {
		const source = [
			'<script is:inline>\n\tdoThis();\n</script>',
			'<script>bundled()</script>',
			'<script type="application/json" is:inline data-x set:html={x} />',
			'<script is:inline type="application/json">{"a":1}</script>',
			'<script is:inline aria-hidden="true">(() => {})();</script>',
		].join('\n');
		expect(inlineScriptBodies(source)).toEqual(['\n\tdoThis();\n', '(() => {})();']);
	});
});

describe('inlineScriptHashes', () => {
	it("covers Starlight's theme script and our search override", () => {
		const hashes = inlineScriptHashes(PROJECT_ROOT);
		const ours = inlineScriptBodies(readFileSync(join(PROJECT_ROOT, 'src/components/overrides/Search.astro'), 'utf8'));
		expect(ours).toHaveLength(1);
		expect(hashes).toContain(sha(ours[0]!));
		const theme = inlineScriptBodies(readFileSync(join(PROJECT_ROOT, 'node_modules/@astrojs/starlight/dist/components/ThemeProvider.astro'), 'utf8'));
		expect(hashes).toContain(sha(theme[0]!));
	});
});

describe('pagePolicyProblems', () => {
	it('accepts a page whose inline scripts are all hashed; external and JSON scripts need no hash', () => {
		const html = page(`script-src 'self' '${sha('a()')}'; style-src 'self'`, '<script>a()</script><script type="module" src="/x.js"></script><script type="application/json">{}</script>');
		expect(pagePolicyProblems(html)).toEqual([]);
	});
	it('names an inline script the policy does not allow', () => {
		const problems = pagePolicyProblems(page(`script-src 'self' '${sha('a()')}'`, '<script>a()</script><script type="module">evil()</script>'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(sha('evil()'));
		expect(problems[0]).toContain('evil()');
	});
	it("flags a missing meta, two metas and 'unsafe-eval'", () => {
		expect(pagePolicyProblems('<html><script>a()</script></html>')[0]).toMatch(/0 Content-Security-Policy meta/);
		expect(pagePolicyProblems(page("script-src 'self'", '') + page("script-src 'self'", ''))[0]).toMatch(/2 Content-Security-Policy meta/);
		expect(pagePolicyProblems(page("script-src 'self' 'unsafe-eval'", ''))).toEqual(["script-src allows 'unsafe-eval'"]);
	});
});

describe('headersGiveWorkerPolicy', () => {
	it('finds the worker policy on /_astro/* in the shipped public/_headers', () => {
		expect(headersGiveWorkerPolicy(readFileSync(join(PROJECT_ROOT, 'public/_headers'), 'utf8'))).toBe(true);
	});
	it('rejects the policy on another path or a different policy', () => {
		expect(headersGiveWorkerPolicy(`/*\n  Content-Security-Policy: ${WORKER_CSP}\n`)).toBe(false);
		expect(headersGiveWorkerPolicy("/_astro/*\n  Content-Security-Policy: default-src 'none'\n")).toBe(false);
	});
});
