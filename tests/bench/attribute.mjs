// Split a built JS chunk's bytes between Starlight/Astro (the framework) and the site's own code,
// using the chunk's source map (the bench builds with BENCH_SOURCEMAP=1 → hidden source maps).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';

/** Sources that count as "what Starlight itself ships". Everything else is ours (incl. our deps). */
const FRAMEWORK = [/node_modules\/@astrojs\/starlight\//, /node_modules\/astro\//, /node_modules\/@pagefind\//, /node_modules\/@expressive-code\//, /astro:scripts|astro\/dist|\0/];

/**
 * Fraction (0–1) of a chunk's generated characters that map to our sources.
 * Returns null when the chunk has no source map. Characters with no mapping are split pro rata.
 * @param {string} file absolute path of a .js file in dist/
 */
export function ownShare(file) {
	const mapFile = `${file}.map`;
	if (!existsSync(mapFile)) return null;
	const code = readFileSync(file, 'utf8').split('\n');
	const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')));
	const segments = [];
	consumer.eachMapping((m) => segments.push(m));
	let own = 0;
	let framework = 0;
	for (let i = 0; i < segments.length; i++) {
		const s = segments[i];
		const next = segments[i + 1];
		const end = next && next.generatedLine === s.generatedLine ? next.generatedColumn : (code[s.generatedLine - 1] ?? '').length;
		const len = Math.max(0, end - s.generatedColumn);
		if (!s.source) continue;
		if (FRAMEWORK.some((re) => re.test(s.source))) framework += len;
		else own += len;
	}
	return own + framework === 0 ? 0 : own / (own + framework);
}
