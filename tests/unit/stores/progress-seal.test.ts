/**
 * The progress store seals what it validated (src/stores/progress.ts, the seal itself:
 * src/runtime/progress-seal.ts, tested in tests/unit/runtime/progress-seal.test.ts). Here the
 * sealer is a stand-in that names the text it sealed, so the tests see which text got a seal and
 * when: every record the store writes, the stored record on `sealStored` only when its text as
 * stored passes the schema, and never a seal beside a record it was not made for.
 */
import { describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/runtime/storage';
import { createProgressStore } from '../../../src/stores/progress';
import { emptyRecord, setRead } from '../../../src/lib/progress/record';
import { buildExport } from '../../../src/lib/progress/transfer';
import { FakeStorage } from '../runtime/fake-storage';

const RECORD = 'qms-training:progress';
const SEAL = 'qms-training:progress-seal';
let clock = Date.parse('2026-01-08T09:00:00.000Z');
const now = () => new Date((clock += 1000)).toISOString();

function tab(fake: FakeStorage, sealer: { fail?: boolean; sealed: string[] } = { sealed: [] }) {
	const storage = createStorage({ ...fake.tab(), now });
	const makeSeal = async (text: string) => {
		if (sealer.fail) throw new Error('IndexedDB refused');
		sealer.sealed.push(text);
		return { v: 1, mac: `mac of ${text.length} chars` };
	};
	const store = createProgressStore({ storage: () => storage, now, sealer: async () => ({ makeSeal }) });
	store.load();
	return { store, storage, sealer };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('progress store: the validation seal', () => {
	it('seals every record it writes, the exact text stored, after the write', async () => {
		const fake = new FakeStorage();
		const { store, sealer } = tab(fake);
		expect(store.markRead('p/a').ok).toBe(true);
		await settle();
		expect(sealer.sealed).toEqual([fake.map.get(RECORD)]);
		expect(JSON.parse(fake.map.get(SEAL)!)).toEqual({ v: 1, mac: `mac of ${fake.map.get(RECORD)!.length} chars` });
		store.markRead('p/b');
		await settle();
		expect(sealer.sealed.at(-1)).toBe(fake.map.get(RECORD));
	});

	it('a change refused by the schema seals nothing', async () => {
		const fake = new FakeStorage();
		const { store, sealer } = tab(fake);
		expect(store.setDisplayName('x'.repeat(500)).ok).toBe(false);
		await settle();
		expect(sealer.sealed).toEqual([]);
		expect(fake.map.has(SEAL)).toBe(false);
	});

	it('writes in quick succession: the seal left is the one for the record left', async () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		store.markRead('p/a');
		store.markRead('p/b');
		store.markRead('p/c');
		await settle();
		await settle();
		expect(JSON.parse(fake.map.get(SEAL)!).mac).toBe(`mac of ${fake.map.get(RECORD)!.length} chars`);
	});

	it('sealStored seals a stored record only when its text as stored passes the schema', async () => {
		const fake = new FakeStorage();
		const valid = JSON.stringify(setRead(emptyRecord('2026-01-08T09:00:00.000Z'), 'p/a', true, '2026-01-08T09:00:00.000Z'));
		fake.map.set(RECORD, valid);
		const a = tab(fake);
		await a.store.sealStored();
		expect(a.sealer.sealed).toEqual([valid]);
		// Tampered: a score the schema refuses. The store salvages it on read, but the text as stored is not sealed.
		const fake2 = new FakeStorage();
		const bad = JSON.parse(valid);
		bad.reading['p/a'].read = 'yes';
		fake2.map.set(RECORD, JSON.stringify(bad));
		const b = tab(fake2);
		await b.store.sealStored();
		expect(b.sealer.sealed.filter((t) => t.includes('"yes"'))).toEqual([]);
	});

	it('a seal that cannot be made removes the old one, so no stale seal stays beside a new record', async () => {
		const fake = new FakeStorage();
		const { store, sealer } = tab(fake);
		store.markRead('p/a');
		await settle();
		expect(fake.map.has(SEAL)).toBe(true);
		sealer.fail = true;
		store.markRead('p/b');
		await settle();
		await settle();
		expect(fake.map.has(SEAL)).toBe(false);
	});

	it('the seal is not part of a progress export', async () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		store.markRead('p/a');
		await settle();
		const { text } = await store.exportRecord();
		expect(fake.map.get(SEAL)).toBeTruthy();
		expect(text).not.toContain('mac of');
		expect(text).not.toContain('progress-seal');
		expect(text).toBe(await buildExport(store.$progress.get(), JSON.parse(text).exportedAt));
	});
});
