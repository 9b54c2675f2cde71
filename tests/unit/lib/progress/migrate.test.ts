import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION } from '../../../../src/schemas/progress';
import { MIGRATIONS, migrateRecord, runMigrations } from '../../../../src/lib/progress/migrate';
import { emptyRecord, setChecklistItem } from '../../../../src/lib/progress/record';

const t = '2026-01-08T09:00:00.000Z';

describe('migrateRecord', () => {
	it('version 5 is current, with migrations 1 → 2, 2 → 3, 3 → 4 and 4 → 5', () => {
		expect(PROGRESS_VERSION).toBe(5);
		expect(Object.keys(MIGRATIONS)).toEqual(['1', '2', '3', '4']);
	});

	// A record as version 4 of the site stored it (with a drill run): find-it-fast hunts (issue 8) start empty.
	it('reads a real version-4 record: everything kept, hunts added empty', () => {
		const v4 = JSON.parse(readFileSync(new URL('./fixtures/record-v4.json', import.meta.url), 'utf8'));
		const r = migrateRecord(v4);
		expect(r).toMatchObject({ ok: true, fromVersion: 4, record: { version: 5, hunts: [] } });
		if (!r.ok) return;
		expect(r.record.scenarios).toHaveLength(1);
		const { version: _a, ...before } = v4;
		const { version: _b, hunts: _h, ...after } = r.record;
		expect(after).toEqual(before);
		expect(migrateRecord({ ...v4, hunts: 'x' })).toMatchObject({ ok: true, record: { hunts: [] } });
	});

	// A record as version 2 of the site stored it (with an attested item): sign-offs (issue 9) and drill runs (issue 8) start empty.
	it('reads a real version-2 record: everything kept, signOffs and scenarios added empty', () => {
		const v2 = JSON.parse(readFileSync(new URL('./fixtures/record-v2.json', import.meta.url), 'utf8'));
		const r = migrateRecord(v2);
		expect(r).toMatchObject({ ok: true, fromVersion: 2, record: { version: 5, signOffs: [], scenarios: [], hunts: [] } });
		if (!r.ok) return;
		expect(r.record.attestations).toHaveLength(1);
		const { version: _a, ...before } = v2;
		const { version: _b, signOffs: _s, scenarios: _d, hunts: _h, ...after } = r.record;
		expect(after).toEqual(before);
		expect(migrateRecord({ ...v2, signOffs: 'x', scenarios: 'y' })).toMatchObject({ ok: true, record: { signOffs: [], scenarios: [] } });
	});

	// A record as version 1 of the site stored it (every section filled in, a name outside ASCII).
	it('reads a real version-1 record: everything kept, attestations added empty', () => {
		const v1 = JSON.parse(readFileSync(new URL('./fixtures/record-v1.json', import.meta.url), 'utf8'));
		const r = migrateRecord(v1);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.fromVersion).toBe(1);
		expect(r.record.version).toBe(5);
		expect(r.record.attestations).toEqual([]);
		expect(r.record.signOffs).toEqual([]);
		expect(r.record.scenarios).toEqual([]);
		const { version: _v1, ...before } = v1;
		const { version: _v2, attestations: _a, signOffs: _s, scenarios: _d, hunts: _h, ...after } = r.record;
		expect(after).toEqual(before);
		// A v1 record that somehow carries an "attestations" key gets the empty list, not the stray value.
		expect(migrateRecord({ ...v1, attestations: 'x' })).toMatchObject({ ok: true, record: { attestations: [] } });
	});

	it('reads a current record unchanged (normalized)', () => {
		const r = setChecklistItem(emptyRecord(t), 'c', 'item', true, t);
		expect(migrateRecord(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, record: r, fromVersion: 5 });
	});

	it('refuses JSON that is not a record', () => {
		for (const raw of [null, 42, 'x', [], {}, { version: '1' }, { version: 0 }, { version: 1.5 }]) {
			expect(migrateRecord(raw)).toMatchObject({ ok: false, reason: 'not-a-record' });
		}
	});

	it('refuses a record from a newer site, saying so', () => {
		const r = migrateRecord({ ...emptyRecord(t), version: PROGRESS_VERSION + 1 });
		expect(r).toMatchObject({ ok: false, reason: 'newer-version' });
		expect(!r.ok && r.message).toContain(`schema ${PROGRESS_VERSION + 1}`);
	});

	it('refuses invalid data and names where it is', () => {
		const bad = { ...emptyRecord(t), quizzes: { q: { attempts: [{ id: 'attempt-0001', score: 1000 }] } } };
		const r = migrateRecord(bad);
		expect(r).toMatchObject({ ok: false, reason: 'invalid' });
		expect(!r.ok && r.message).toMatch(/quizzes\.q\.attempts\.0/);
	});

	it('refuses keys that are not ids (e.g. "__proto__", "constructor") and never pollutes prototypes', () => {
		const json = `{"version":5,"epoch":"${t}","updatedAt":"${t}","profile":{"displayName":""},"quizzes":{"constructor":{"attempts":[]}},"checklists":{},"selfAssessments":[],"feedback":[],"reading":{},"labs":{},"attestations":[],"signOffs":[],"scenarios":[],"hunts":[],"__proto__":{"polluted":true}}`;
		const r = migrateRecord(JSON.parse(json));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(r.ok).toBe(true); // "constructor" matches the id pattern and is kept as plain data
		const json2 = json.replace('"constructor"', '"__proto__"');
		const r2 = migrateRecord(JSON.parse(json2));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		if (r2.ok) expect(Object.keys(r2.record.quizzes)).toEqual([]);
	});

	// The chain runner, with a chain passed in: walks every step from the stored version up.
	it('runMigrations applies each step from the stored version to the current one', () => {
		const chain = {
			1: (o: Record<string, unknown>) => ({ ...o, m: 0 }),
			2: (o: Record<string, unknown>) => ({ total: (o.n as number) + (o.m as number) }),
		};
		expect(runMigrations({ version: 1, n: 5 }, chain, 3)).toEqual({ ok: true, fromVersion: 1, value: { version: 3, total: 5 } });
		expect(runMigrations({ version: 2, n: 5, m: 2 }, chain, 3)).toEqual({ ok: true, fromVersion: 2, value: { version: 3, total: 7 } });
		expect(runMigrations({ version: 3, total: 1 }, chain, 3)).toEqual({ ok: true, fromVersion: 3, value: { version: 3, total: 1 } });
		expect(runMigrations({ version: 1 }, {}, 2)).toMatchObject({ ok: false, reason: 'invalid' });
		expect(runMigrations({ version: 1 }, { 1: () => { throw new Error('boom'); } }, 2)).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('boom') });
	});
});
