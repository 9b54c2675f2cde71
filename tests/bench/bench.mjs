// npm run bench: build time, page count, bytes per page type (HTML, CSS, JS; raw and gzip),
// JS beyond Starlight's own, and median Pagefind query time in Chromium.
// Flags: --no-build reuses dist/.
import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { measurePage, extraJs } from './measure.mjs';
import { PAGEFIND_RANKING } from '../../src/lib/search/ranking.ts';

const root = new URL('../..', import.meta.url).pathname;
const dist = join(root, 'dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let buildSeconds = null;
if (!process.argv.includes('--no-build')) {
	const t0 = performance.now();
	execSync('npx astro build', { cwd: root, stdio: 'ignore' });
	buildSeconds = (performance.now() - t0) / 1000;
}

const htmlFiles = [];
(function walk(dir) {
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) walk(p);
		else if (name === 'index.html') htmlFiles.push(p);
	}
})(dist);

/** First page (by path) of each page type, recognised from the markup the site emits. */
const kindOf = (html) => /data-pagefind-filter="kind"[^>]*>([^<]+)</.exec(html)?.[1];
const pick = (pred) => htmlFiles.sort().find((f) => pred(readFileSync(f, 'utf8'), f));
const types = {
	overview: pick((h) => kindOf(h) === 'Overview'),
	path: pick((h) => kindOf(h) === 'Learning path'),
	module: pick((h) => kindOf(h) === 'Module' && !h.includes('data-quiz-id')) ?? pick((h) => kindOf(h) === 'Module'),
	'module + quiz': pick((h) => kindOf(h) === 'Module' && h.includes('data-quiz-id')),
	catalog: join(dist, 'catalog/index.html'),
	'start here': join(dist, 'start-here/index.html'),
	progress: pick((_, f) => f.endsWith('/progress/index.html')),
	lab: pick((_, f) => /\/labs\/[^/]+\/index\.html$/.test(f)),
};
const baseline = measurePage(dist, join(dist, '404.html'));

console.log('\n# Build');
console.log(`pages: ${htmlFiles.length}`);
console.log(`build time: ${buildSeconds === null ? 'skipped (--no-build)' : `${buildSeconds.toFixed(1)} s`}`);

console.log('\n# Bytes per page type (JS = loaded before any interaction; extra = beyond Starlight alone, measured against 404.html)');
console.log('type            | page                                   | HTML raw/gz        | CSS raw/gz         | JS raw/gz          | extra JS gz');
for (const [type, file] of Object.entries(types)) {
	if (!file) {
		console.log(`${type.padEnd(15)} | (no such page in this build)`);
		continue;
	}
	const m = measurePage(dist, file);
	const extra = extraJs(m, baseline);
	const rel = file.slice(dist.length).replace(/index\.html$/, '');
	console.log(
		`${type.padEnd(15)} | ${rel.padEnd(38).slice(0, 38)} | ${`${kb(m.html.raw)}/${kb(m.html.gzip)}`.padEnd(18)} | ${`${kb(m.css.raw)}/${kb(m.css.gzip)}`.padEnd(18)} | ${`${kb(m.js.raw)}/${kb(m.js.gzip)}`.padEnd(18)} | ${kb(extra.gzip)}`,
	);
}
console.log('budgets: module page extra JS ≤ 10 KB gzip (issue 2); lab page JS before interaction ≤ 30 KB gzip (issue 4)');

// Search latency, in the browser, against the built index with the site's ranking.
const questions = readdirSync(join(root, 'tests/e2e/search-questions'))
	.filter((f) => f.endsWith('.json'))
	.flatMap((f) => JSON.parse(readFileSync(join(root, 'tests/e2e/search-questions', f), 'utf8')).map((x) => x.q));
const port = 4391;
const server = spawn(join(root, 'node_modules/.bin/astro'), ['preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
	cwd: root,
	stdio: 'ignore',
});
try {
	for (let i = 0; i < 50; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
		} catch {}
		await new Promise((r) => setTimeout(r, 200));
	}
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	const page = await (await browser.newContext()).newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	const times = await page.evaluate(
		async ({ qs, ranking }) => {
			const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
			await pf.options({ ranking });
			await pf.init();
			const out = [];
			for (const q of qs) {
				const t0 = performance.now();
				const r = await pf.search(q);
				await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
				out.push(performance.now() - t0);
			}
			return out;
		},
		{ qs: questions, ranking: PAGEFIND_RANKING },
	);
	await browser.close();
	const sorted = [...times].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	console.log('\n# Search');
	console.log(`queries: ${times.length} (tests/e2e/search-questions), first query (cold index): ${times[0].toFixed(1)} ms`);
	console.log(`median query time (search + top 5 results' data): ${median.toFixed(1)} ms; p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(1)} ms`);
} finally {
	server.kill();
}
