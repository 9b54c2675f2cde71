import { format, formatRegExp, inspect, truncateString } from '@vitest/utils/display';
import { isNegativeNaN, isObject, objectAttr } from '@vitest/utils/helpers';

/**
 * `test.each` / `describe.each` / `.for` titles as Vitest 5 prints them, on top of @vitest/runner.
 *
 * Why this file exists although @vitest/runner has `.each`: the runner is used from its last
 * standalone release (4.1.12; Vitest 5 bundles its runner and no longer publishes it), and 4.1.12
 * formats each-titles differently from Vitest 5: `$name` strings come out quoted ('Ada' instead of
 * Ada), values are not truncated at Vitest 5's `taskTitleValueFormatTruncate` (40), and `$keys` are
 * ASCII-only. Check names are the titles, and the learner's recorded lab runs and the WebContainer
 * runner (real Vitest 5) must name every check identically, so `.each` and `.for` are re-wired here:
 * only the title is computed here; the rows are registered through the runner's own chain (the same
 * `it.skip`, `describe.only`… with the same options and timeouts), exactly as the runner's `.each`
 * passes arguments (array rows spread, other rows as one argument; `.for` passes the row and the
 * test context).
 */
const TRUNCATE = 40;

/**
 * Title of one case: `%#` (index), `%$` (1-based index), printf placeholders (`%s %d %i %f %j %o
 * %O %%`) consume the row's values in order, and `$name` / `$a.b` read fields of an object row
 * (strings unquoted). Values are truncated at 40 characters. Uses Vitest's formatter (@vitest/utils).
 */
export function formatEachTitle(template: string, items: readonly unknown[], index: number): string {
	let t = template;
	if (t.includes('%#') || t.includes('%$')) {
		t = t
			.replace(/%%/g, '__each_escaped_%__')
			.replace(/%#/g, `${index}`)
			.replace(/%\$/g, `${index + 1}`)
			.replace(/__each_escaped_%__/g, '%%');
	}
	const count = t.split('%').length - 1;
	if (t.includes('%f')) {
		// As Vitest: -0 and negative NaN keep their sign in `%f`.
		(t.match(/%f/g) ?? []).forEach((_, i) => {
			const value = items[i];
			if ((typeof value === 'number' && isNegativeNaN(value)) || Object.is(value, -0)) {
				let occurrence = 0;
				t = t.replace(/%f/g, (m) => (++occurrence === i + 1 ? '-%f' : m));
			}
		});
	}
	const inspectOptions = { truncate: TRUNCATE };
	const objectItem = isObject(items[0]);
	const attributes = (s: string) =>
		s.replace(/\$([$\p{ID_Continue}.]+)/gu, (_, key: string) => {
			const arrayKey = /^\d+$/.test(key);
			if (!objectItem && !arrayKey) return `$${key}`;
			const arrayElement = arrayKey ? objectAttr(items, key) : undefined;
			const value = objectItem ? objectAttr(items[0], key, arrayElement) : arrayElement;
			if (typeof value === 'string') return truncateString(value, TRUNCATE);
			return inspect(value, inspectOptions);
		});
	let out = '';
	let used = 0;
	let last = 0;
	for (const m of t.matchAll(formatRegExp)) {
		const at = m.index ?? 0;
		if (last < at) out += attributes(t.slice(last, at));
		out += used < count ? format([m[0], items[used++]], inspectOptions) : m[0];
		last = at + m[0].length;
	}
	if (last < t.length) out += attributes(t.slice(last));
	return out;
}

/** Rows of a template-literal table (`a | b` header, then values), as Vitest builds them. */
export function templateRows(strings: readonly string[], values: readonly unknown[]): Record<string, unknown>[] {
	const header = strings.join('').trim().replace(/ /g, '').split('\n').map((line) => line.split('|'))[0];
	const rows: Record<string, unknown>[] = [];
	for (let i = 0; i < Math.floor(values.length / header.length); i++) {
		const row: Record<string, unknown> = {};
		for (let j = 0; j < header.length; j++) row[header[j]] = values[i * header.length + j];
		rows.push(row);
	}
	return rows;
}

// User code: any arguments, any result.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => any;

function tableOf(cases: unknown, rest: unknown[]): unknown[] {
	if (Array.isArray(cases) && rest.length) return templateRows(cases as string[], rest);
	if (!Array.isArray(cases)) throw new TypeError('.each() and .for() expect an array of cases or a template-literal table');
	return cases;
}

function titleOf(name: unknown): string {
	if (typeof name === 'string') return name;
	if (typeof name === 'function') return name.name || '<anonymous>';
	return String(name);
}

/** (options | fn, fn | options | timeout) → options and body, as the runner's parseArguments. */
function splitArgs(a: unknown, b: unknown): { options: object | number | undefined; handler: AnyFn | undefined; fnFirst: boolean } {
	if (typeof a === 'function') return { handler: a as AnyFn, options: b as object | number | undefined, fnFirst: true };
	return { handler: typeof b === 'function' ? (b as AnyFn) : undefined, options: a as object | undefined, fnFirst: false };
}

/** Chain modifiers that return another chain of the same kind. */
const MODIFIERS = new Set(['skip', 'only', 'todo', 'fails', 'concurrent', 'sequential', 'shuffle']);
/** Methods that return another chain. */
const CHAIN_RETURNING = new Set(['skipIf', 'runIf', 'extend', 'scoped', 'override']);

/**
 * Wraps one of @vitest/runner's chains (`it`, `test`, `describe`, `suite`) so that `.each` and
 * `.for`, at any depth (`it.skip.each`, `describe.only.for`…), title their cases with
 * formatEachTitle; everything else is the runner's own.
 */
export function withVitest5Titles<T extends AnyFn>(chain: T): T {
	return new Proxy(chain, {
		get(target, key, receiver) {
			if (key === 'each') {
				return (cases: unknown, ...rest: unknown[]) => {
					const table = tableOf(cases, rest);
					return (name: unknown, a?: unknown, b?: unknown) => {
						const template = titleOf(name);
						const { options, handler, fnFirst } = splitArgs(a, b);
						const arrayOnly = table.every(Array.isArray);
						table.forEach((row, index) => {
							const items = Array.isArray(row) ? row : [row];
							const body = handler ? (arrayOnly ? () => handler(...items) : () => handler(row)) : undefined;
							const title = formatEachTitle(template, items, index);
							if (fnFirst) target(title, body, typeof options === 'object' ? (options as { timeout?: number }).timeout : options);
							else target(title, options, body);
						});
					};
				};
			}
			if (key === 'for') {
				return (cases: unknown, ...rest: unknown[]) => {
					const table = tableOf(cases, rest);
					return (name: unknown, a?: unknown, b?: unknown) => {
						const template = titleOf(name);
						const { options, handler, fnFirst } = splitArgs(a, b);
						table.forEach((row, index) => {
							const body = handler ? (context: unknown) => handler(row, context) : undefined;
							const title = formatEachTitle(template, Array.isArray(row) ? row : [row], index);
							if (fnFirst) target(title, body, options);
							else target(title, options, body);
						});
					};
				};
			}
			const value: unknown = Reflect.get(target, key, receiver);
			if (typeof key === 'string' && typeof value === 'function') {
				if (MODIFIERS.has(key)) return withVitest5Titles(value as AnyFn);
				if (CHAIN_RETURNING.has(key)) return (...args: unknown[]) => withVitest5Titles((value as AnyFn).apply(target, args));
			}
			return value;
		},
	});
}
