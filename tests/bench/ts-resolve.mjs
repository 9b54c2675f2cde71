// Lets the bench (plain Node) import the site's TypeScript sources, which write relative imports
// without an extension as Vite allows ("../../schemas/progress"): a relative specifier that does
// not resolve is tried again with ".ts", then "/index.ts".
// Loaded with `node --import ./tests/bench/ts-resolve.mjs` (see package.json "bench").
// Node with registerHooks and built-in type stripping (22.18+) needs only the resolve retry; older
// Node (20 on this machine: neither exists there) gets ./ts-hooks.mjs, which also compiles .ts.
import * as nodeModule from 'node:module';

const TAILS = ['.ts', '/index.ts'];

if (typeof nodeModule.registerHooks === 'function' && process.features.typescript) {
	nodeModule.registerHooks({
		resolve(specifier, context, nextResolve) {
			try {
				return nextResolve(specifier, context);
			} catch (e) {
				if (!/^\.\.?\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw e;
				for (const tail of TAILS) {
					try {
						return nextResolve(specifier + tail, context);
					} catch {
						// Not this one either: try the next form.
					}
				}
				throw e;
			}
		},
	});
} else {
	// module.register is deprecated in newer Node (in favour of registerHooks, used above when
	// there is one), but it is the only hook API Node 20 has.
	nodeModule.register('./ts-hooks.mjs', import.meta.url);
}
