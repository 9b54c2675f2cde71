import { describe, expect, it } from 'vitest';
import { BACKUP_PREFIX, createStorage, partLabels, type ParseOutcome } from '../../../src/runtime/storage';
import { FakeStorage } from './fake-storage';

const now = () => '2026-01-08T09:00:00.000Z';

/** A parser that keeps numbers and sets aside everything else in a list, as salvage does with sections. */
function numbers(json: unknown): ParseOutcome<number[]> {
	if (!Array.isArray(json)) return { ok: false, message: 'not a list' };
	const bad = json.map((v, i) => ({ v, i })).filter(({ v }) => typeof v !== 'number');
	return { ok: true, value: json.filter((v) => typeof v === 'number'), setAside: bad.map(({ v, i }) => ({ label: `Item ${i + 1}`, value: v })) };
}

describe('storage adapter: parts set aside by a parser', () => {
	it('backs up only the parts, writes the rest back, names the parts; a later visit lists them again', () => {
		const fake = new FakeStorage();
		fake.setItem('qms-training:list', '[1,"two",3,{"four":4}]');
		const s = createStorage({ backend: fake, now });
		const { value, damaged } = s.readWithNotice('list', numbers);
		expect(value).toEqual([1, 3]);
		const key = `${BACKUP_PREFIX}list.parts@${now()}`;
		expect(damaged).toMatchObject({ kind: 'damaged', name: 'list', backupKey: key, parts: ['Item 2', 'Item 4'], raw: null });
		expect(fake.map.get('qms-training:list')).toBe('[1,3]');
		expect(JSON.parse(fake.map.get(key)!)).toEqual({ from: 'list', at: now(), setAside: [{ label: 'Item 2', value: 'two' }, { label: 'Item 4', value: { four: 4 } }] });
		expect(s.read('list', numbers)).toEqual([1, 3]);
		expect(s.notices()).toHaveLength(1);
		const later = createStorage({ backend: fake, now });
		expect(later.notices()).toMatchObject([{ kind: 'damaged', name: 'list', backupKey: key, parts: ['Item 2', 'Item 4'] }]);
	});

	it('counts the bytes under our prefix only, as browsers do (UTF-16, keys included)', () => {
		const fake = new FakeStorage();
		fake.setItem('someone-else', 'x'.repeat(1000));
		const s = createStorage({ backend: fake, now });
		s.write('progress', { a: 1 });
		s.write('lab:x:files', { b: 2 });
		const u = s.usage();
		expect(u.bytes).toBe((('qms-training:progress'.length + 7) + ('qms-training:lab:x:files'.length + 7)) * 2);
		expect(u.byKind.record).toBe(('qms-training:progress'.length + 7) * 2);
	});

	it('partLabels reads the labels of a parts backup, and nothing else', () => {
		expect(partLabels('{"setAside":[{"label":"A"},{"nope":1}]}')).toEqual(['A', 'A part of unknown kind']);
		expect(partLabels('{"version":1}')).toBeNull();
		expect(partLabels('}{')).toBeNull();
		expect(partLabels(null)).toBeNull();
	});
});

describe('storage adapter: values kept under an older key scheme', () => {
	it('moves a legacy copy of damaged data into the backup scheme, with a notice', () => {
		const fake = new FakeStorage();
		fake.setItem('qms-training:lab:x:files:corrupt', '{"broken"');
		const s = createStorage({ backend: fake, now });
		const n = s.adoptLegacyBackup('qms-training:lab:x:files:corrupt', 'lab:x:files', 'It could not be read on an earlier visit.');
		const key = `${BACKUP_PREFIX}lab:x:files@${now()}`;
		expect(n).toMatchObject({ kind: 'damaged', name: 'lab:x:files', backupKey: key });
		expect(fake.map.get(key)).toBe('{"broken"');
		expect(fake.map.has('qms-training:lab:x:files:corrupt')).toBe(false);
		expect(s.adoptLegacyBackup('qms-training:lab:x:files:corrupt', 'lab:x:files', 'again')).toBeNull();
	});
});
