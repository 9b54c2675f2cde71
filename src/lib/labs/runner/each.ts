import { format, formatRegExp, inspect, truncateString } from '@vitest/utils/display';
import { isObject, objectAttr } from '@vitest/utils/helpers';

/**
 * Title of one `test.each` / `describe.each` case, formatted as Vitest 5 does so that check names
 * match between the offline runner and real Vitest: `%#` (index), `%$` (1-based index), printf
 * placeholders (`%s %d %i %f %j %o %O %%`) consume the row's values in order, and `$name` / `$a.b`
 * read fields of an object row (strings unquoted). Values are truncated at 40 characters, Vitest's
 * default `taskTitleValueFormatTruncate`. Uses Vitest's own formatter (@vitest/utils).
 */
const TRUNCATE = 40;

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
