// Lets the bench (plain Node) import the site's TypeScript sources: Node strips the types, but the
// sources import each other without extensions (Vite resolves them), so a relative import that
// does not resolve is retried with `.ts`. Import this module before any dynamic import of src/.
import { registerHooks } from 'node:module';

registerHooks({
	resolve(specifier, context, next) {
		try {
			return next(specifier, context);
		} catch (e) {
			if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) return next(`${specifier}.ts`, context);
			throw e;
		}
	},
});
