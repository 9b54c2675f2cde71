import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../../src/schemas/progress-export';
import { PROGRESS_VERSION } from '../../../../src/schemas/progress';
import { canonicalJson, sha256Hex } from '../../../../src/lib/progress/canonical';
import { addQuizAttempt, emptyRecord, setDisplayName } from '../../../../src/lib/progress/record';
import { buildExport, checkImportSize, exportFileName, parseImport } from '../../../../src/lib/progress/transfer';
import { createHash } from 'node:crypto';

const t = '2026-01-08T09:00:00.000Z';
const rec = addQuizAttempt(setDisplayName(emptyRecord(t), '<img src=x onerror=alert(1)>', t), 'quiz-a', {
	id: 'attempt-0001',
	startedAt: t,
	submittedAt: t,
	answers: { q1: 'a', q2: ['a', 'b'], q3: true },
	correct: 4,
	total: 5,
	score: 80,
	passMark: 80,
	passed: true,
});
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('export format', () => {
	it('has format, schema version, export time and a SHA-256 checksum of the canonical record', async () => {
		const text = await buildExport(rec, '2026-02-01T12:00:00.000Z');
		const file = JSON.parse(text);
		expect(file).toMatchObject({ format: 'qms-training-progress', schemaVersion: PROGRESS_VERSION, exportedAt: '2026-02-01T12:00:00.000Z', record: rec });
		// The checksum is node:crypto's SHA-256 of the canonical JSON: Web Crypto and node agree.
		expect(file.checksum).toEqual({ algorithm: 'SHA-256', value: createHash('sha256').update(canonicalJson(rec)).digest('hex') });
		expect(exportFileName('2026-02-01T12:00:00.000Z')).toBe('qms-training-progress-2026-02-01.json');
	});

	it('canonical JSON sorts keys at every level', () => {
		expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
	});

	it('canonical JSON keeps a "__proto__" key from JSON.parse as data', () => {
		expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
	});

	it('sha256Hex matches a known vector', async () => {
		expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('parseImport', () => {
	it('round-trips an export, including hostile-looking text, as plain data', async () => {
		const text = await buildExport(rec, t);
		const r = await parseImport(text, bytes(text));
		expect(r).toEqual({ ok: true, record: rec, exportedAt: t, fromVersion: PROGRESS_VERSION });
	});

	it('accepts the same file re-indented (the checksum covers data, not layout)', async () => {
		const text = JSON.stringify(JSON.parse(await buildExport(rec, t)));
		expect((await parseImport(text, bytes(text))).ok).toBe(true);
	});

	it('refuses an oversized file before reading it', async () => {
		expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
		const r = await parseImport('{}', MAX_IMPORT_BYTES + 1);
		expect(r).toMatchObject({ ok: false, problem: 'too-large' });
		// One byte over reads as over the limit, not as "5.0 MB; the limit is 5.0 MB".
		expect(!r.ok && r.reason).toBe('The file is 5.1 MB; the limit is 5.0 MB.');
		expect(checkImportSize(MAX_IMPORT_BYTES + 512 * 1024)).toMatchObject({ reason: 'The file is 5.5 MB; the limit is 5.0 MB.' });
	});

	it('refuses a truncated file', async () => {
		const text = await buildExport(rec, t);
		const cut = text.slice(0, Math.floor(text.length / 2));
		const r = await parseImport(cut, bytes(cut));
		expect(r).toMatchObject({ ok: false, problem: 'not-json' });
		expect(!r.ok && r.message).toContain('Nothing was imported');
	});

	it('refuses other JSON as foreign', async () => {
		for (const text of ['{"name":"package.json"}', '[1,2]', '"x"', 'null']) {
			expect(await parseImport(text, bytes(text))).toMatchObject({ ok: false, problem: 'foreign' });
		}
		expect(await parseImport('   ', 3)).toMatchObject({ ok: false, problem: 'empty' });
	});

	it('refuses a file edited after export (checksum)', async () => {
		const file = JSON.parse(await buildExport(rec, t));
		file.record.quizzes['quiz-a'].attempts[0].score = 100;
		const text = JSON.stringify(file);
		expect(await parseImport(text, bytes(text))).toMatchObject({ ok: false, problem: 'checksum' });
	});

	it('refuses hostile data even with a matching checksum', async () => {
		const file = JSON.parse(await buildExport(rec, t));
		file.record.quizzes['quiz-a'].attempts[0].score = 1e9;
		file.record.profile.displayName = 'x\u0000y';
		file.checksum.value = await sha256Hex(canonicalJson(file.record));
		const text = JSON.stringify(file);
		const r = await parseImport(text, bytes(text));
		expect(r).toMatchObject({ ok: false, problem: 'invalid' });
		expect(!r.ok && r.message).toMatch(/score|displayName/);
	});

	it('imports a file whose record carries "__proto__" keys without polluting any prototype', async () => {
		const file = JSON.parse(await buildExport(rec, t));
		const text0 = JSON.stringify(file).replace('"quizzes":{', '"quizzes":{"__proto__":{"polluted":true},');
		const parsed = JSON.parse(text0);
		parsed.checksum.value = await sha256Hex(canonicalJson(parsed.record));
		const text = JSON.stringify(parsed).replace('"quizzes":{', '"quizzes":{"__proto__":{"polluted":true},');
		const r = await parseImport(text, bytes(text));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(r.ok && Object.keys(r.record.quizzes)).toEqual(['quiz-a']);
	});

	it('refuses a file from a newer version of the site', async () => {
		const file = JSON.parse(await buildExport(rec, t));
		file.schemaVersion = PROGRESS_VERSION + 1;
		const text = JSON.stringify(file);
		expect(await parseImport(text, bytes(text))).toMatchObject({ ok: false, problem: 'newer-version' });
	});

	it('refuses a damaged envelope of our format', async () => {
		const file = JSON.parse(await buildExport(rec, t));
		file.checksum = { algorithm: 'MD5', value: 'x' };
		const text = JSON.stringify(file);
		expect(await parseImport(text, bytes(text))).toMatchObject({ ok: false, problem: 'invalid' });
	});
});

describe('parseImport of a version-1 export', () => {
	it('migrates the record inside (attestations added empty) and reports the version it came from', async () => {
		const { readFileSync } = await import('node:fs');
		const v1 = JSON.parse(readFileSync(new URL('./fixtures/record-v1.json', import.meta.url), 'utf8'));
		const file = { format: 'qms-training-progress', schemaVersion: 1, exportedAt: t, checksum: { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(v1)) }, record: v1 };
		const text = JSON.stringify(file);
		const r = await parseImport(text, bytes(text));
		expect(r).toMatchObject({ ok: true, fromVersion: 1, record: { version: PROGRESS_VERSION, attestations: [], profile: { displayName: 'Zoë Łukasiewicz' } } });
	});
});
