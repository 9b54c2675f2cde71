import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { WORKER_CSP } from '../../src/build/csp.mjs';
import { LAB_URL, nextLabResult, openLab, runChecks, startEditor } from './labs/helpers';
import { PAGE_TYPES } from './support/page-types';

/**
 * The Content-Security-Policy (src/build/csp.mjs) in real Chromium against the built site: every
 * page type carries it and runs without a single violation while a learner searches, edits in
 * Monaco and runs a lab; lab code in the offline runner cannot reach another origin.
 */

/** Page types plus the pages with the heaviest islands. */
const PAGES: Record<string, string> = { ...PAGE_TYPES, labs: '/labs/', lab: LAB_URL, 'my progress': '/progress/', 'team progress': '/team/' };

interface CspWatch {
	/** Console messages that name the Content Security Policy (the browser logs every violation). */
	console: string[];
	/** `securitypolicyviolation` events seen by the document: "directive blocked-uri". */
	events: () => Promise<string[]>;
}

/** Starts recording violations before any of the page's own scripts run. */
async function watchCsp(page: Page): Promise<CspWatch> {
	const messages: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) messages.push(m.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
	});
	return { console: messages, events: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

async function expectNoViolations(watch: CspWatch): Promise<void> {
	expect(await watch.events(), 'securitypolicyviolation events').toEqual([]);
	expect(watch.console, 'console CSP errors').toEqual([]);
}

/** Directive name → its sources, from a policy string. */
function directives(policy: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) out.set(name, sources);
	}
	return out;
}

/** The policy in the served HTML of `url` (read from the response, not from the DOM). */
async function servedPolicy(page: Page, url: string): Promise<Map<string, string[]>> {
	const html = await (await page.request.get(url)).text();
	const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/g)];
	expect(metas, `one CSP meta element in ${url}`).toHaveLength(1);
	return directives(metas[0]![1]!.replaceAll('&#39;', "'"));
}

/** Opens Starlight's search modal with Ctrl+K and waits for Pagefind's results. */
async function search(page: Page, query: string): Promise<void> {
	await page.locator('#starlight__search input').waitFor({ state: 'attached' });
	await page.keyboard.press('Control+k');
	const input = page.getByRole('dialog').getByRole('textbox');
	await expect(input).toBeFocused();
	await input.fill(query);
	// Pagefind compiles its WebAssembly and loads the index on the first search: slow on a busy machine.
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 });
	await page.keyboard.press('Escape');
}

for (const [type, url] of Object.entries(PAGES)) {
	test(`${type} page: the policy is in the HTML, and searching reports no violation`, async ({ page }) => {
		const policy = await servedPolicy(page, url);
		const script = policy.get('script-src') ?? [];
		expect(script).toContain("'self'");
		expect(script).not.toContain("'unsafe-eval'");
		expect(script).not.toContain("'unsafe-inline'");
		expect(script.some((s) => s.startsWith("'sha256-"))).toBe(true);
		expect(policy.get('connect-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		// Only lab pages may frame WebContainer's runtime.
		expect(policy.get('frame-src')?.includes('https://stackblitz.com') ?? false).toBe(url === LAB_URL);

		const watch = await watchCsp(page);
		await page.goto(url);
		await page.waitForLoadState('networkidle');
		await search(page, 'quality gates');
		await expectNoViolations(watch);
	});
}

test('an iframe from StackBlitz is blocked on a page without a lab', async ({ page }) => {
	const watch = await watchCsp(page);
	await page.goto(PAGE_TYPES.module);
	await page.evaluate(() => {
		const frame = document.createElement('iframe');
		frame.src = 'https://stackblitz.com/headless';
		document.body.append(frame);
	});
	await expect.poll(watch.events).toContain('frame-src https://stackblitz.com');
});

test('lab page: Monaco, the offline runner and the WebContainer start run without a violation', async ({ page }) => {
	test.setTimeout(120_000);
	// WebContainer's runtime cannot load here; the policy must still let the page ask for it.
	const stackblitz: string[] = [];
	await page.route('https://stackblitz.com/**', (route) => {
		stackblitz.push(route.request().url());
		return route.abort('internetdisconnected');
	});
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	const watch = await watchCsp(page);
	await openLab(page);
	await startEditor(page);
	await expect(page.locator('[data-part="monaco"] .view-lines')).toContainText('getUserById');

	const offline = nextLabResult(page);
	await runChecks(page, 'offline');
	const result = await offline;
	expect(result).toMatchObject({ runner: 'offline', passed: false });
	expect((result.checks as unknown[]).length).toBeGreaterThan(2);

	const auto = nextLabResult(page);
	await runChecks(page, 'auto', 60_000);
	expect(await auto).toMatchObject({ runner: 'offline' });
	expect(stackblitz.some((u) => u.startsWith('https://stackblitz.com/headless'))).toBe(true);
	await expectNoViolations(watch);

	// Every worker script is served with the worker policy (header, not meta).
	const runnerScript = workers.find((u) => /\/_astro\/offline-worker[^/]*\.js$/.test(u));
	expect(runnerScript, `offline runner among workers: ${workers.join(', ')}`).toBeDefined();
	for (const url of workers) {
		const res = await page.request.get(url);
		expect(res.headers()['content-security-policy'], url).toBe(WORKER_CSP);
	}
});

test.describe('lab code in the offline runner', () => {
	let server: Server;
	let port = 0;
	const hits: string[] = [];

	test.beforeAll(async () => {
		server = createServer((req, res) => {
			hits.push(`${req.method} ${req.url}`);
			res.setHeader('Access-Control-Allow-Origin', '*');
			res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
			res.end('reached');
		});
		server.on('upgrade', (req, socket) => {
			hits.push(`UPGRADE ${req.url}`);
			socket.destroy();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
	});
	test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	test('cannot send a request to another origin: fetch, WebSocket and importScripts are blocked and reported', async ({ page }) => {
		test.setTimeout(90_000);
		// Control: from a page of the site that carries no policy (an SVG file), the same browser
		// does reach the server, so the run below is stopped by the policy and nothing else.
		await page.goto('/favicon.svg');
		expect(await page.evaluate((p) => fetch(`http://127.0.0.1:${p}/control`).then((r) => r.text()), port)).toBe('reached');
		expect(hits).toEqual(['GET /control']);
		hits.length = 0;

		await openLab(page);
		const area = page.locator('[data-part="textarea"]');
		const original = await area.inputValue();
		const target = `http://127.0.0.1:${port}`;
		// The module first tries three ways out, logging each outcome and each violation the worker
		// reports; getUserById (which every check calls) waits until all three violations arrived,
		// so the output is in before the run ends. Without them the checks hit their time limit.
		const probe = [
			'let reported = 0; let allReported: () => void;',
			'const violations = new Promise<void>((resolve) => (allReported = resolve));',
			`self.addEventListener('securitypolicyviolation', (e) => { console.log('violation', e.effectiveDirective, e.blockedURI); if (++reported === 3) allReported(); });`,
			'const probe = (async () => {',
			`try { await fetch('${target}/fetch'); console.log('fetch: reached'); } catch (e) { console.log('fetch: blocked', String(e)); }`,
			`try { const ws = new WebSocket('${target.replace('http', 'ws')}/socket'); await new Promise((ok, ko) => { ws.onopen = ok; ws.onerror = ko; }); console.log('websocket: reached'); } catch (e) { console.log('websocket: blocked', String(e)); }`,
			`try { (self as any).importScripts('${target}/script.js'); console.log('importScripts: reached'); } catch (e) { console.log('importScripts: blocked', String(e)); }`,
			'await violations;',
			'})();',
		].join('\n');
		const marker = 'const query = `SELECT * FROM users WHERE id = ${userId}`;';
		expect(original).toContain(marker);
		await area.fill(`${probe}\n${original.replace(marker, `await probe;\n${marker}`)}`);
		const result = nextLabResult(page);
		await runChecks(page, 'offline');
		expect(await result).toMatchObject({ runner: 'offline' });

		const log = page.locator('[data-part="log"]');
		await expect(log).toContainText('fetch: blocked TypeError');
		await expect(log).toContainText('websocket: blocked');
		await expect(log).toContainText('importScripts: blocked');
		await expect(log).toContainText(`violation connect-src ${target}/fetch`);
		await expect(log).toContainText('violation connect-src ws://127.0.0.1');
		await expect(log).toContainText('violation script-src');
		await expect(log).not.toContainText(': reached');
		expect(hits, 'requests that reached the server').toEqual([]);
	});
});
