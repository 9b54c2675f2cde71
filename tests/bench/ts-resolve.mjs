// Lets the bench (plain Node, which strips TypeScript types) import the site's TypeScript sources,
// which write relative imports without an extension as Vite allows ("../../schemas/progress"):
// a relative specifier that does not resolve is tried again with ".ts", then "/index.ts".
// Loaded with `node --import ./tests/bench/ts-resolve.mjs` (see package.json "bench").
import { registerHooks } from 'node:module';

registerHooks({
	resolve(specifier, context, nextResolve) {
		try {
			return nextResolve(specifier, context);
		} catch (e) {
			if (!/^\.\.?\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw e;
			for (const tail of ['.ts', '/index.ts']) {
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
