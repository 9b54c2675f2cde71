import { describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/runtime/storage';
import { createProgressStore } from '../../../src/stores/progress';
import { FakeStorage } from '../runtime/fake-storage';

let clock = Date.parse('2026-03-01T09:00:00.000Z');
const now = () => new Date((clock += 1000)).toISOString();

function tab(fake: FakeStorage) {
	const storage = createStorage({ ...fake.tab(), now });
	const store = createProgressStore({ storage: () => storage, now });
	store.load();
	return store;
}

describe('progress store: attested items (issue 7)', () => {
	it('records one, keeps it across a reload, and removes it for good even when another tab still holds it', () => {
		const fake = new FakeStorage();
		const a = tab(fake);
		const b = tab(fake);
		const r = a.recordAttestation('release-manager', 'shadowing', { what: '  Shadowed the release build ', date: '2026-02-27', note: 'With Ana' });
		expect(r.ok).toBe(true);
		expect(r.attestation).toMatchObject({ certification: 'release-manager', requirement: 'shadowing', what: 'Shadowed the release build', date: '2026-02-27', note: 'With Ana' });
		const id = r.attestation!.id;
		expect(tab(fake).$progress.get().attestations.map((x) => x.id)).toEqual([id]);
		// Tab b has not seen the removal; its next write must not bring the item back.
		expect(a.removeAttestation(id).ok).toBe(true);
		b.markRead('p/a');
		const after = tab(fake).$progress.get().attestations;
		expect(after).toHaveLength(1);
		expect(after[0]).toMatchObject({ id, what: '', note: '', removedAt: expect.any(String) });
	});

	it('refuses an empty text, an impossible or future date, and over-long texts, saving nothing', () => {
		const fake = new FakeStorage();
		const s = tab(fake);
		const ok = { what: 'Shadowed', date: '2026-02-28', note: '' };
		for (const bad of [
			{ ...ok, what: '   ' },
			{ ...ok, date: '2026-02-29' }, // 2026 is not a leap year
			{ ...ok, date: '2026-13-01' },
			{ ...ok, date: '28/02/2026' },
			{ ...ok, date: '2099-01-01' },
			{ ...ok, what: 'x'.repeat(201) },
			{ ...ok, note: 'x'.repeat(1001) },
		]) {
			const r = s.recordAttestation('release-manager', 'shadowing', bad);
			expect(r.ok, JSON.stringify(bad).slice(0, 80)).toBe(false);
		}
		expect(s.$progress.get().attestations).toEqual([]);
		expect(s.recordAttestation('release-manager', 'shadowing', { ...ok, date: '2024-02-29' }).ok).toBe(true);
	});
});
