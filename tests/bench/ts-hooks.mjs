// Module hooks for the bench on Node versions without registerHooks or built-in type stripping
// (Node 20 on this machine): registered by ./ts-resolve.mjs with module.register, they resolve the
// site's extensionless relative imports (the same retry as ts-resolve.mjs) and compile .ts files
// with esbuild (a devDependency), which only removes types, as Node's own stripping does.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const TAILS = ['.ts', '/index.ts'];

export async function resolve(specifier, context, nextResolve) {
	try {
		return await nextResolve(specifier, context);
	} catch (e) {
		if (!/^\.\.?\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw e;
		for (const tail of TAILS) {
			try {
				return await nextResolve(specifier + tail, context);
			} catch {
				// Not this one either: try the next form.
			}
		}
		throw e;
	}
}

export async function load(url, context, nextLoad) {
	if (!url.startsWith('file:') || !/\.[cm]?ts$/.test(url)) return nextLoad(url, context);
	const { transform } = await import('esbuild');
	const file = fileURLToPath(url);
	const { code } = await transform(await readFile(file, 'utf8'), { loader: 'ts', format: 'esm', sourcefile: file, target: `node${process.versions.node}` });
	return { format: 'module', source: code, shortCircuit: true };
}
