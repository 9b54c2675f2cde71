// @ts-check
/**
 * Lab figures for `npm run bench` (issue 4, "Tests and figures"), measured on the built site in
 * Chromium:
 * - `labPageJs`: JavaScript a lab page loads before any interaction, split into the page's own
 *   scripts and what Starlight fetches on idle (Pagefind's UI), raw and gzip bytes;
 * - `monacoChunks`: Monaco's chunks in dist/_astro (editor, TypeScript mode and workers), raw and gzip;
 * - `labRunTimes`: for each lab, wall time from pressing "Run checks" (offline runner) to the
 *   `lab:result` event, with the lab's solution in place: the first (cold) run and the median of
 *   the warm runs. Every run must pass, or the figure is refused.
 *
 * Use from another script: `import { labPageJs, monacoChunks, labRunTimes } from './bench-labs.mjs'`
 * with the base URL of a running `astro preview`. From the command line:
 *   BASE_URL=http://127.0.0.1:4341 node scripts/bench-labs.mjs [runs]
 * (without BASE_URL it starts `astro preview` on PORT, default 4341, and stops it afterwards).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** @param {number[]} xs */
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function launch() {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Lab ids that have a lab.yaml, sorted. */
export function labIds(root = 'labs') {
	return readdirSync(root)
		.filter((id) => {
			try {
				readFileSync(join(root, id, 'lab.yaml'));
				return true;
			} catch {
				return false;
			}
		})
		.sort();
}

/**
 * JS bytes a lab page loads with no interaction: every script response until the network is idle.
 * `idle` counts Starlight's search UI (fetched on requestIdleCallback on every page).
 * @param {{ baseURL: string, lab?: string }} options
 */
export async function labPageJs({ baseURL, lab = labIds()[0] }) {
	const browser = await launch();
	try {
		const page = await browser.newPage();
		/** @type {{ url: string, raw: number, gzip: number }[]} */
		const scripts = [];
		page.on('response', async (response) => {
			const url = response.url();
			if (!url.endsWith('.js') && response.request().resourceType() !== 'script') return;
			try {
				const body = await response.body();
				scripts.push({ url: url.replace(baseURL, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
			} catch {
				// A response without a body (redirect) carries no JS.
			}
		});
		await page.goto(`${baseURL}/labs/${lab}/`);
		await page.waitForSelector('qms-lab[data-ready="true"]');
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(500);
		const idle = scripts.filter((s) => /pagefind|ui-core/.test(s.url));
		const own = scripts.filter((s) => !idle.includes(s));
		const sum = (/** @type {typeof scripts} */ list, /** @type {'raw'|'gzip'} */ key) => list.reduce((n, s) => n + s[key], 0);
		const lazyLab = scripts.filter((s) => /monaco|editor\.api|run-checks|worker|xterm/.test(s.url));
		return {
			lab,
			scripts,
			pageGzip: sum(own, 'gzip'),
			pageRaw: sum(own, 'raw'),
			idleGzip: sum(idle, 'gzip'),
			totalGzip: sum(scripts, 'gzip'),
			labIslandGzip: sum(own.filter((s) => /Lab\.astro/.test(s.url)), 'gzip'),
			heavyLoadedBeforeInteraction: lazyLab.map((s) => s.url),
		};
	} finally {
		await browser.close();
	}
}

/**
 * Sizes of Monaco's chunks in the build (editor, TypeScript mode, workers, the lab's loader).
 * @param {string} [dist]
 */
export function monacoChunks(dist = 'dist/_astro') {
	return readdirSync(dist)
		.filter((f) => /^(editor\.api|editor\.worker|ts\.worker|tsMode|typescript|monaco)[.-].*\.js$/.test(f))
		.map((f) => {
			const body = readFileSync(join(dist, f));
			return { file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
		})
		.sort((a, b) => b.raw - a.raw);
}

/**
 * Time from "Run checks" (offline runner) to the lab:result event for each lab, with its solution
 * loaded as the learner's autosave. Throws if a solution run does not pass.
 * @param {{ baseURL: string, runs?: number, labs?: string[] }} options
 */
export async function labRunTimes({ baseURL, runs = 5, labs = labIds() }) {
	const browser = await launch();
	const out = [];
	try {
		for (const lab of labs) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${baseURL}/labs/${lab}/`);
			await page.waitForSelector('qms-lab[data-ready="true"]');
			// Put the solution in place the way a returning learner's files are: as the autosave.
			await page.evaluate((id) => {
				const payload = JSON.parse(document.querySelector('script[data-lab-payload]')?.textContent ?? '{}');
				const files = Object.fromEntries(Object.entries(payload.solution).filter(([p]) => payload.editable.includes(p)));
				localStorage.setItem(`qms-training:lab:${id}:files`, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), files }));
			}, lab);
			await page.reload();
			await page.waitForSelector('qms-lab[data-ready="true"]');
			await page.selectOption('[data-part="runner-choice"]', 'offline');
			/** @type {number[]} */
			const times = [];
			for (let i = 0; i < runs; i++) {
				const { ms, passed, checks } = await page.evaluate(
					() =>
						new Promise((resolve) => {
							const start = performance.now();
							document.addEventListener(
								'lab:result',
								(e) => {
									const detail = /** @type {CustomEvent} */ (e).detail;
									resolve({ ms: performance.now() - start, passed: detail.passed, checks: detail.checks.length });
								},
								{ once: true },
							);
							/** @type {HTMLButtonElement} */ (document.querySelector('[data-part="run"]')).click();
						}),
				);
				if (!passed) throw new Error(`bench: the solution of ${lab} did not pass in the offline runner`);
				times.push(ms);
				void checks;
			}
			out.push({ lab, coldMs: Math.round(times[0]), warmMedianMs: Math.round(median(times.slice(1).length ? times.slice(1) : times)), runs: times.map(Math.round) });
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}

/** @param {number} port */
async function startPreview(port) {
	const child = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${url}/`)).ok) return { url, stop: () => process.kill(-(/** @type {number} */ (child.pid))) };
		} catch {
			// Not up yet.
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	process.kill(-(/** @type {number} */ (child.pid)));
	throw new Error(`astro preview did not start on port ${port}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const runs = Number(process.argv[2] ?? 5);
	const server = process.env.BASE_URL ? { url: process.env.BASE_URL, stop() {} } : await startPreview(Number(process.env.PORT ?? 4341));
	try {
		const js = await labPageJs({ baseURL: server.url });
		console.log(`Lab page JS before any interaction (${js.lab}): page scripts ${(js.pageGzip / 1024).toFixed(1)} KB gzip (lab island ${(js.labIslandGzip / 1024).toFixed(1)} KB), plus Starlight's search UI on idle ${(js.idleGzip / 1024).toFixed(1)} KB; total ${(js.totalGzip / 1024).toFixed(1)} KB gzip`);
		for (const s of js.scripts) console.log(`  ${s.url}  ${s.raw} B  ${s.gzip} B gzip`);
		if (js.heavyLoadedBeforeInteraction.length) console.log(`  WARNING: loaded before interaction: ${js.heavyLoadedBeforeInteraction.join(', ')}`);
		console.log('\nMonaco chunks (dist/_astro):');
		for (const c of monacoChunks()) console.log(`  ${c.file}  ${(c.raw / 1024).toFixed(0)} KB  ${(c.gzip / 1024).toFixed(0)} KB gzip`);
		console.log(`\n"Run checks" → results, offline runner, solution in place (${runs} runs; cold = first):`);
		for (const r of await labRunTimes({ baseURL: server.url, runs })) console.log(`  ${r.lab.padEnd(24)} cold ${r.coldMs} ms  warm median ${r.warmMedianMs} ms  [${r.runs.join(', ')}]`);
	} finally {
		server.stop();
	}
}
