import { transform, type Transform } from 'sucrase';

/**
 * TypeScript → CommonJS-style JavaScript for the offline runner, with sucrase (types stripped,
 * `import`/`export` turned into `require`/`exports`). Modern syntax is left as is: the runner
 * executes in an evergreen browser or Node ≥ 22.
 */

/** Raised when a lab file does not parse; `path` names the file. */
export class CompileError extends Error {
	constructor(
		readonly path: string,
		message: string,
	) {
		super(`${path}: ${message}`);
		this.name = 'CompileError';
	}
}

const TS = /\.(?:ts|mts|cts|tsx)$/;

/** Compiles one file. Throws CompileError on a syntax error. JSON is not compiled (see modules.ts). */
export function compileModule(path: string, source: string): string {
	const transforms: Transform[] = TS.test(path) ? ['typescript', 'imports'] : ['imports'];
	if (/\.[jt]sx$/.test(path)) transforms.push('jsx');
	try {
		return transform(source, { transforms, filePath: path, disableESTransforms: true, keepUnusedImports: false }).code;
	} catch (error) {
		throw new CompileError(path, error instanceof Error ? error.message : String(error));
	}
}
