import { describe, expect, it } from 'vitest';
import { parseSavedFiles, serializeSavedFiles } from '../../../../src/lib/labs/saved-files';
import { MAX_SAVED_FILE_CHARS } from '../../../../src/schemas/lab-files';

const editable = ['src/auth.ts', 'src/extra.ts'];

describe('saved lab files', () => {
	it('round-trips the editable files and leaves read-only files out', () => {
		const text = serializeSavedFiles({ 'src/auth.ts': 'a', 'test/auth.test.ts': 't', 'package.json': '{}' }, editable, new Date('2026-01-01T00:00:00Z'));
		expect(JSON.parse(text)).toEqual({ version: 1, savedAt: '2026-01-01T00:00:00.000Z', files: { 'src/auth.ts': 'a' } });
		expect(parseSavedFiles(text, editable)).toEqual({ status: 'ok', files: { 'src/auth.ts': 'a' }, savedAt: '2026-01-01T00:00:00.000Z', dropped: [] });
	});

	it('says empty when nothing is stored', () => {
		expect(parseSavedFiles(null, editable)).toEqual({ status: 'empty' });
	});

	it('drops paths the lab does not let the learner edit (tampered or from an older lab)', () => {
		const text = '{"version":1,"savedAt":"x","files":{"src/auth.ts":"a","test/auth.test.ts":"hacked","__proto__":"p"}}';
		const outcome = parseSavedFiles(text, editable);
		expect(outcome.status).toBe('ok');
		if (outcome.status === 'ok') {
			expect(outcome.files).toEqual({ 'src/auth.ts': 'a' });
			expect(outcome.dropped).toContain('test/auth.test.ts');
			expect(Object.getPrototypeOf(outcome.files)).toBe(Object.prototype);
		}
	});

	it.each([
		['not JSON', '{"version":1,', /not valid JSON/],
		['a foreign shape', JSON.stringify({ files: ['a'] }), /wrong shape/],
		['a newer version', JSON.stringify({ version: 2, savedAt: 'x', files: {} }), /wrong shape at version/],
		['a non-text file', JSON.stringify({ version: 1, savedAt: 'x', files: { 'src/auth.ts': 42 } }), /wrong shape at files\.src\/auth\.ts/],
		['an oversized file', JSON.stringify({ version: 1, savedAt: 'x', files: { 'src/auth.ts': 'x'.repeat(MAX_SAVED_FILE_CHARS + 1) } }), /wrong shape/],
	])('calls %s corrupt, with a reason', (_, raw, reason) => {
		const outcome = parseSavedFiles(raw, editable);
		expect(outcome.status).toBe('corrupt');
		if (outcome.status === 'corrupt') expect(outcome.reason).toMatch(reason);
	});
});
