import ts from 'typescript';
import type { LabFiles } from '../../../src/lib/labs/tree';

/**
 * The import conventions that let one set of lab files run under both runners (real vitest in
 * WebContainer, and the offline worker runner):
 * - only `.ts` source files besides package.json, package-lock.json and tsconfig.json, under src/ or test/;
 * - relative imports with an explicit `.ts` extension (`../src/auth.ts`), resolving to a lab file;
 * - bare imports: `vitest` in test/ files only, with these names; `zod` only when package.json
 *   lists it in dependencies; nothing else (no `node:` modules);
 * - no fake timers, no snapshots, no filesystem, network or process access.
 */
export const VITEST_NAMES = ['describe', 'it', 'test', 'expect', 'vi', 'beforeEach', 'afterEach'];

const FORBIDDEN: Array<[RegExp, string]> = [
	[/\bvi\s*\.\s*(useFakeTimers|advanceTimersByTime|runAllTimers|setSystemTime)\b/, 'fake timers'],
	[/\btoMatch(Inline)?Snapshot\b|\btoMatchFileSnapshot\b/, 'snapshot assertions'],
	[/\bprocess\s*\./, 'process access'],
	[/\bfetch\s*\(/, 'network access'],
	[/\brequire\s*\(/, 'require()'],
	[/\bimport\s*\.\s*meta\b/, 'import.meta'],
];

const posixJoin = (from: string, spec: string): string => {
	const parts = from.split('/').slice(0, -1);
	for (const segment of spec.split('/')) {
		if (segment === '..') parts.pop();
		else if (segment !== '.') parts.push(segment);
	}
	return parts.join('/');
};

/** Problems with `path` in a lab whose full file set (starter with solution laid over) is `all`. */
export function conventionProblems(path: string, source: string, all: LabFiles): string[] {
	if (path === 'package.json' || path === 'package-lock.json' || path === 'tsconfig.json') return [];
	if (!/^(src|test)\/.+\.ts$/.test(path)) return [`${path}: lab files are .ts files under src/ or test/`];
	const problems: string[] = [];
	const pkg = JSON.parse(all['package.json'] ?? '{}') as { dependencies?: Record<string, string> };
	const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);

	const checkSpecifier = (spec: string, names: string[]) => {
		if (spec.startsWith('.')) {
			if (!spec.endsWith('.ts')) problems.push(`${path}: import "${spec}" must end in .ts`);
			else if (!Object.hasOwn(all, posixJoin(path, spec))) problems.push(`${path}: import "${spec}" is not a lab file`);
		} else if (spec === 'vitest') {
			if (!path.startsWith('test/')) problems.push(`${path}: only test files may import vitest`);
			const extra = names.filter((name) => !VITEST_NAMES.includes(name));
			if (extra.length > 0) problems.push(`${path}: imports ${extra.join(', ')} from vitest (allowed: ${VITEST_NAMES.join(', ')})`);
		} else if (spec === 'zod') {
			if (!pkg.dependencies?.zod) problems.push(`${path}: imports zod but package.json does not list it in dependencies`);
		} else {
			problems.push(`${path}: imports "${spec}"; labs may import only relative .ts files, vitest and zod`);
		}
	};

	const visit = (node: ts.Node) => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			const names: string[] = [];
			if (ts.isImportDeclaration(node)) {
				const bindings = node.importClause?.namedBindings;
				if (node.importClause?.name) names.push('default');
				if (bindings && ts.isNamespaceImport(bindings)) names.push('* as namespace');
				if (bindings && ts.isNamedImports(bindings)) {
					for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
				}
			}
			checkSpecifier(node.moduleSpecifier.text, names);
		} else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
			problems.push(`${path}: dynamic import()`);
		}
		ts.forEachChild(node, visit);
	};
	visit(file);

	for (const [pattern, what] of FORBIDDEN) if (pattern.test(source)) problems.push(`${path}: ${what}: not allowed in labs`);
	return problems;
}
