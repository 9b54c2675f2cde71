// @ts-check
/**
 * Storage figures for `npm run bench` (issue 10, "Tests and figures"): the bytes the site stores
 * in localStorage for a learner who has done every knowledge check and every lab once (record
 * built by ./storage-record.ts with the site's pure record functions; no browser). Browsers count
 * localStorage in UTF-16 code units (2 bytes each), keys included, against a quota of about
 * 5 M code units (10 MB) per site in Chromium; src/lib/progress/usage.ts counts the same way.
 * Run alone: `node tests/bench/storage.mjs`.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../..', import.meta.url).pathname;
const KEY = 'qms-training:progress';
const QUOTA = 10 * 1024 * 1024;
/** @param {string} key @param {string} value */
const utf16 = (key, value) => (key.length + value.length) * 2;
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** @returns {Promise<import('./storage-record.ts').StoredFigures>} */
export async function storageFigures() {
	// The record code is TypeScript with extensionless imports: bundle it (dependencies stay external).
	const out = await build({ entryPoints: [join(root, 'tests/bench/storage-record.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, logLevel: 'error' });
	// Inside the project, so Node resolves the external packages from its node_modules.
	const dir = mkdtempSync(join(root, 'tests/bench/.tmp-storage-'));
	const file = join(dir, 'storage-record.mjs');
	writeFileSync(file, out.outputFiles[0].text);
	try {
		const { buildFigures } = await import(pathToFileURL(file).href);
		return await buildFigures(root);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** @param {import('./storage-record.ts').StoredFigures} f */
export function printStorage(f) {
	const record = utf16(KEY, f.record);
	const recordAll = utf16(KEY, f.recordAll);
	const files = Object.entries(f.labFiles).reduce((n, [k, v]) => n + utf16(k, v), 0);
	const total = record + files;
	console.log('\n# Storage: a learner who has done every knowledge check and every lab once');
	console.log('bytes as localStorage counts them (UTF-16, keys included); UTF-8 JSON size in brackets');
	console.log(`progress record (${f.quizzes} knowledge checks, ${f.labs} lab runs): ${kb(record)} [${kb(Buffer.byteLength(f.record))}]`);
	console.log(`lab autosaves (${f.labs} labs, starter-sized files): ${kb(files)} [${kb(Object.values(f.labFiles).reduce((n, v) => n + Buffer.byteLength(v), 0))}]`);
	console.log(`total under qms-training: ${kb(total)} = ${((total / QUOTA) * 100).toFixed(2)} % of a 10 MB quota`);
	console.log(`record with every page read (${f.pages}) and every checklist ticked (${f.checklists}) too: ${kb(recordAll)} [${kb(Buffer.byteLength(f.recordAll))}]`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printStorage(await storageFigures());
