import Papa from 'papaparse';

/**
 * CSV text (RFC 4180, CRLF line ends) for a table of strings, written by papaparse. Cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) get a
 * leading apostrophe: learners type their own display names, and a name such as
 * `=HYPERLINK(…)` must stay text when a lead opens the file.
 */
export function toCsv(table: readonly (readonly string[])[]): string {
	return Papa.unparse(table as string[][], { escapeFormulae: true, newline: '\r\n' });
}
