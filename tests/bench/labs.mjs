// @ts-check
/**
 * Lab figures for `npm run bench` (issue 4, "Tests and figures"; the lab page's JS is measured
 * with the other page types in bench.mjs), on the built site in Chromium:
 * - `monacoChunks`: Monaco's chunks in dist/_astro (editor, TypeScript mode and workers), raw and gzip;
 * - `labRunTimes`: for each lab, wall time from pressing "Run checks" (offline runner) to the
 *   `lab:result` event, with the lab's solution in place: the first (cold) run and the median of
 *   the warm runs. Every run must pass, or the figure is refused.
 *
 */
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
