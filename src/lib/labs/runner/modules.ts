import { compileModule } from './compile';

/**
 * A CommonJS-style module registry over a lab's files, for the offline runner. Specifiers resolve
 * like Vite/Node for the lab conventions: relative paths with explicit `.ts` (also `.js` written for
 * a `.ts` file, extensionless and `/index.ts`), JSON files, and bare package names from an allow
 * list (`vitest` and `zod`, supplied by the caller). Each module runs once per registry; cycles
 * see the partial exports, as in CommonJS.
 */

/** A lab project: POSIX paths relative to the project root ("src/auth.ts") → file text. */
export type ProjectFiles = Readonly<Record<string, string>>;

/** Console methods lab code may call; the runner routes them to the terminal. */
export type LabConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'table' | 'dir'>;

/** Raised when an import cannot be resolved; the message names the importer and the specifier. */
export class ModuleNotFoundError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ModuleNotFoundError';
	}
}

export interface ModuleRegistryOptions {
	files: ProjectFiles;
	/** Bare specifier → module namespace (e.g. `{ zod, vitest }`). */
	packages: Readonly<Record<string, object>>;
	console: LabConsole;
	/** Defaults to sucrase (compile.ts). */
	compile?: (path: string, source: string) => string;
}

interface Module {
	exports: unknown;
	loaded: boolean;
}

/** Joins and normalises POSIX path segments ("test", "../src/a.ts" → "src/a.ts"); null when it escapes the root. */
export function joinPath(dir: string, specifier: string): string | null {
	const out: string[] = [];
	for (const part of `${dir}/${specifier}`.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(part);
	}
	return out.join('/');
}

function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i === -1 ? '' : path.slice(0, i);
}

/** The project file a relative specifier names, or null. */
export function resolveRelative(files: ProjectFiles, importer: string, specifier: string): string | null {
	const base = joinPath(dirname(importer), specifier);
	if (base === null) return null;
	const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`];
	// TypeScript's ESM convention: `./a.js` in source means `./a.ts` on disk.
	if (/\.(m|c)?js$/.test(base)) candidates.splice(1, 0, base.replace(/\.(m|c)?js$/, '.$1ts'));
	return candidates.find((c) => Object.hasOwn(files, c)) ?? null;
}

/** Marks a namespace so sucrase's interop helpers treat it as an ES module (default import = `default`). */
function asEsModule(ns: object): object {
	return Object.assign(Object.create(null), ns, { __esModule: true });
}

export function createModuleRegistry(options: ModuleRegistryOptions): { require: (path: string) => unknown } {
	const { files, console: labConsole } = options;
	const compile = options.compile ?? compileModule;
	const cache = new Map<string, Module>();
	const packages = new Map(Object.entries(options.packages).map(([name, ns]) => [name, asEsModule(ns)]));

	const load = (path: string): unknown => {
		const cached = cache.get(path);
		if (cached) return cached.exports;
		const source = files[path];
		const module: Module = { exports: {}, loaded: false };
		cache.set(path, module);
		try {
			if (path.endsWith('.json')) {
				module.exports = JSON.parse(source);
			} else {
				const code = compile(path, source);
				// The lab's own code, compiled from files the learner edits: running it is the point.
				const fn = new Function('exports', 'require', 'module', '__filename', '__dirname', 'console', `${code}\n//# sourceURL=lab:///${path}`);
				fn(module.exports, requireFrom(path), module, `/${path}`, `/${dirname(path)}`, labConsole);
			}
			module.loaded = true;
			return module.exports;
		} catch (error) {
			cache.delete(path);
			throw error;
		}
	};

	const requireFrom =
		(importer: string) =>
		(specifier: string): unknown => {
			if (specifier.startsWith('./') || specifier.startsWith('../')) {
				const target = resolveRelative(files, importer, specifier);
				if (!target) throw new ModuleNotFoundError(`Cannot find module '${specifier}' imported from ${importer}`);
				return load(target);
			}
			if (specifier.startsWith('node:')) {
				throw new ModuleNotFoundError(`'${specifier}' (imported from ${importer}) is a Node.js module; lab code runs in the browser and cannot use it.`);
			}
			const pkg = packages.get(specifier);
			if (pkg) return pkg;
			throw new ModuleNotFoundError(
				`Cannot find package '${specifier}' imported from ${importer}; the offline runner provides ${[...packages.keys()].join(' and ')}.`,
			);
		};

	return {
		require: (path: string) => {
			if (!Object.hasOwn(files, path)) throw new ModuleNotFoundError(`No file ${path} in the lab`);
			return load(path);
		},
	};
}
