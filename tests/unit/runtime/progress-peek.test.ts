import { describe, expect, it } from 'vitest';
import { isProgressKey, peekBackend } from '../../../src/runtime/progress-peek';
import { BACKUP_PREFIX } from '../../../src/runtime/storage';
import { emptyRecord, setChecklistItem, setRead } from '../../../src/lib/progress/record';
import { FakeStorage } from './fake-storage';

const t = '2026-01-08T09:00:00.000Z';
const KEY = 'qms-training:progress';
const UNDO = 'qms-training:progress-undo';

function withRecord(): FakeStorage {
	const fake = new FakeStorage();
	const r = setChecklistItem(setRead(emptyRecord(t), 'qms-onboarding/developer/qms-introduction', true, t), 'release-readiness-release-manager', 'read-roadmap', true, t);
	fake.map.set(KEY, JSON.stringify(r));
	return fake;
}

describe('peekBackend (what a page shows before the progress store loads)', () => {
	it('nothing stored: no need for the store, nothing read', () => {
		const fake = new FakeStorage();
		const p = peekBackend(fake);
		expect(p.needsStore).toBe(false);
		expect(Object.keys(p.reading)).toEqual([]);
		expect(Object.keys(p.checklists)).toEqual([]);
		// The probe leaves nothing behind, and nothing else is written.
		expect([...fake.map.keys()]).toEqual([]);
	});

	it('a current record: read marks and ticks, without the store; the record is not rewritten', () => {
		const fake = withRecord();
		const before = fake.map.get(KEY);
		const p = peekBackend(fake);
		expect(p.needsStore).toBe(false);
		expect(p.reading['qms-onboarding/developer/qms-introduction']?.read).toBe(true);
		expect(p.checklists['release-readiness-release-manager']?.items['read-roadmap']).toEqual({ checked: true, at: t });
		expect(fake.map.get(KEY)).toBe(before);
		expect([...fake.map.keys()]).toEqual([KEY]);
	});

	it('storage unavailable (null or throwing): the store must load to say so', () => {
		expect(peekBackend(null).needsStore).toBe(true);
		const fake = new FakeStorage();
		fake.unavailable = true;
		expect(peekBackend(fake)).toMatchObject({ needsStore: true });
	});

	it('garbage under the record or the undo key: the store must load (it keeps a backup and shows a notice); nothing is changed here', () => {
		for (const key of [KEY, UNDO]) {
			for (const raw of ['}{ not json', '{"version":1,"quizzes":"💥"}', '{"hello":"world"}', '[1,2,3]', '{"version":99}']) {
				const fake = new FakeStorage();
				fake.map.set(key, raw);
				const p = peekBackend(fake);
				expect(p.needsStore, `${key} = ${raw}`).toBe(true);
				expect(Object.keys(p.reading)).toEqual([]);
				expect(fake.map.get(key)).toBe(raw);
			}
		}
	});

	it('a copy of damaged data kept from an earlier visit: the store must load to list it', () => {
		const fake = withRecord();
		fake.map.set(`${BACKUP_PREFIX}progress@${t}`, 'garbage');
		const p = peekBackend(fake);
		expect(p.needsStore).toBe(true);
		// The record itself is fine: its marks still show.
		expect(p.reading['qms-onboarding/developer/qms-introduction']?.read).toBe(true);
	});

	it('storage that is full but holds data counts as usable, as the adapter decides', () => {
		const fake = withRecord();
		fake.quota = 0;
		expect(peekBackend(fake).needsStore).toBe(false);
	});

	it('a backend that throws on read: the store must load, the peek does not throw', () => {
		const fake = withRecord();
		const broken = {
			get length() {
				return fake.length;
			},
			key: (i: number) => fake.key(i),
			setItem: (k: string, v: string) => fake.setItem(k, v),
			removeItem: (k: string) => fake.removeItem(k),
			getItem: (): string | null => {
				throw new Error('boom');
			},
		};
		expect(peekBackend(broken)).toMatchObject({ needsStore: true });
	});
});

describe('isProgressKey', () => {
	it('the record, its undo copy, backups and clear() concern progress; other keys do not', () => {
		for (const k of [KEY, UNDO, `${BACKUP_PREFIX}progress@${t}`, null]) expect(isProgressKey(k), String(k)).toBe(true);
		for (const k of ['qms-training:probe', 'starlight-theme', 'qms-training:lab:x', 'progress']) expect(isProgressKey(k), k).toBe(false);
	});
});
