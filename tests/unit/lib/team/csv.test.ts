import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/lib/team/csv';

describe('toCsv', () => {
	it('quotes commas, quotes and line breaks, and reads back to the same table', () => {
		const table = [
			['Learner', 'Note'],
			['Lovelace, Ada', 'said "hi"\nthen left'],
		];
		const csv = toCsv(table);
		expect(csv).toBe('Learner,Note\r\n"Lovelace, Ada","said ""hi""\nthen left"');
		expect(Papa.parse<string[]>(csv).data).toEqual(table);
	});

	it('keeps formula-like names as text', () => {
		const csv = toCsv([['=HYPERLINK("http://x")'], ['+1'], ['@SUM(A1)'], ['-2'], ['Plain']]);
		const cells = Papa.parse<string[]>(csv).data.map((r) => r[0]);
		expect(cells).toEqual([`'=HYPERLINK("http://x")`, "'+1", "'@SUM(A1)", "'-2", 'Plain']);
	});
});
