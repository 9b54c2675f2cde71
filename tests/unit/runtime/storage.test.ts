import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { BACKUP_PREFIX, createStorage, isQuotaError, type StorageNotice } from '../../../src/runtime/storage';
import { FakeStorage } from './fake-storage';

const now = () => '2026-01-08T09:00:00.000Z';
const Counter = z.object({ n: z.int() });
const parseCounter = (json: unknown) => {
	const r = Counter.safeParse(json);
	return r.success ? { ok: true as const, value: r.data } : { ok: false as const, message: 'not a counter' };
};

describe('storage adapter', () => {
	it('writes JSON under qms-training: keys and reads it back validated', () => {
		const fake = new FakeStorage();
		const s = createStorage({ backend: fake, now });
		expect(s.persistent).toBe(true);
		expect(s.write('counter', { n: 1 })).toBe(true);
		expect(fake.map.get('qms-training:counter')).toBe('{"n":1}');
		expect(s.read('counter', parseCounter)).toEqual({ n: 1 });
		expect(s.read('missing', parseCounter)).toBeNull();
		expect(s.notices()).toEqual([]);
	});

	it('unavailable storage (private mode / blocked): works in memory and says so', () => {
		const fake = new FakeStorage();
		fake.unavailable = true;
		const s = createStorage({ backend: fake, now });
		expect(s.persistent).toBe(false);
		expect(s.notices()).toMatchObject([{ kind: 'unavailable' }]);
		expect(s.write('counter', { n: 2 })).toBe(true);
		expect(s.read('counter', parseCounter)).toEqual({ n: 2 });
		expect(fake.map.size).toBe(0);
		const none = createStorage({ backend: null, now });
		expect(none.persistent).toBe(false);
		expect(none.notices()[0]?.kind).toBe('unavailable');
	});

	it('quota exceeded: the write is refused whole, the old value stays, a notice shows; a later success clears it', () => {
		const fake = new FakeStorage();
		const s = createStorage({ backend: fake, now });
		s.write('counter', { n: 1 });
		fake.quota = 60;
		expect(s.write('counter', { n: 1, pad: 'x'.repeat(100) })).toBe(false);
		expect(fake.map.get('qms-training:counter')).toBe('{"n":1}');
		expect(s.notices()).toMatchObject([{ kind: 'write-failed', quota: true, name: 'counter' }]);
		expect(s.write('counter', { n: 3 })).toBe(true);
		expect(s.notices()).toEqual([]);
	});

	it('a full storage that already holds data is still used (not mistaken for private mode)', () => {
		const fake = new FakeStorage();
		fake.setItem('other-site-data', 'x'.repeat(50));
		fake.quota = 55;
		const s = createStorage({ backend: fake, now });
		expect(s.persistent).toBe(true);
		expect(s.write('counter', { n: 1 })).toBe(false);
		expect(s.notices()[0]).toMatchObject({ kind: 'write-failed', quota: true });
	});

	for (const [what, raw] of [
		['garbage', '}{not json'],
		['foreign JSON', '{"hello":"world"}'],
		['truncated JSON', '{"n":'],
	] as const) {
		it(`${what} under our key: backed up, notice with the raw text reachable, starts clean`, () => {
			const fake = new FakeStorage();
			fake.setItem('qms-training:counter', raw);
			const s = createStorage({ backend: fake, now });
			expect(s.read('counter', parseCounter)).toBeNull();
			const backupKey = `${BACKUP_PREFIX}counter@${now()}`;
			expect(fake.map.get(backupKey)).toBe(raw);
			expect(fake.map.has('qms-training:counter')).toBe(false);
			const [n] = s.notices() as Extract<StorageNotice, { kind: 'damaged' }>[];
			expect(n).toMatchObject({ kind: 'damaged', name: 'counter', backupKey });
			expect(s.rawAt(n!.backupKey!)).toBe(raw);
			// The next visit still lists the copy until the learner deletes it.
			const again = createStorage({ backend: fake, now });
			expect(again.notices()).toMatchObject([{ kind: 'damaged', name: 'counter', backupKey }]);
			again.deleteBackup(backupKey);
			expect(again.notices()).toEqual([]);
			expect(fake.map.has(backupKey)).toBe(false);
		});
	}

	it('damaged data too big to copy: moved to the backup key after freeing its own space', () => {
		const fake = new FakeStorage();
		const raw = 'x'.repeat(100);
		fake.setItem('qms-training:counter', raw);
		fake.quota = 190; // room for one copy, not two
		const s = createStorage({ backend: fake, now });
		expect(s.read('counter', parseCounter)).toBeNull();
		expect(fake.map.get(`${BACKUP_PREFIX}counter@${now()}`)).toBe(raw);
	});

	it('damaged data that cannot be copied at all stays in place and in the notice for download', () => {
		const fake = new FakeStorage();
		const raw = 'x'.repeat(100);
		fake.setItem('qms-training:counter', raw);
		fake.quota = 125; // the original fits, a copy under a longer key does not
		const s = createStorage({ backend: fake, now });
		expect(s.read('counter', parseCounter)).toBeNull();
		expect(fake.map.get('qms-training:counter')).toBe(raw);
		expect(s.notices()).toMatchObject([{ kind: 'damaged', backupKey: null, raw }]);
	});

	it('readJson / writeJson: any zod schema, same protections', () => {
		const fake = new FakeStorage();
		const s = createStorage({ backend: fake, now });
		const Files = z.record(z.string(), z.string());
		expect(s.writeJson('lab:demo:files', { 'src/a.ts': 'x' })).toBe(true);
		expect(s.readJson('lab:demo:files', Files)).toEqual({ 'src/a.ts': 'x' });
		fake.setItem('qms-training:lab:demo:files', '[1]');
		expect(s.readJson('lab:demo:files', Files)).toBeNull();
		expect(s.notices()[0]).toMatchObject({ kind: 'damaged', name: 'lab:demo:files', reason: expect.stringContaining('invalid data') });
	});

	it('reports other tabs\' writes of a key, not its own', () => {
		const fake = new FakeStorage();
		const a = fake.tab();
		const b = fake.tab();
		const sa = createStorage({ ...a, now });
		const sb = createStorage({ ...b, now });
		const seenA: (string | null)[] = [];
		const seenB: (string | null)[] = [];
		sa.onChange('counter', (v) => seenA.push(v));
		sb.onChange('counter', (v) => seenB.push(v));
		sa.write('counter', { n: 1 });
		sa.write('other', { n: 1 });
		expect(seenA).toEqual([]);
		expect(seenB).toEqual(['{"n":1}']);
	});

	it('recognizes quota errors in their browser spellings', () => {
		expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
		expect(isQuotaError(Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toBe(true);
		expect(isQuotaError(new DOMException('x', 'SecurityError'))).toBe(false);
		expect(isQuotaError('QuotaExceededError')).toBe(false);
	});
});
