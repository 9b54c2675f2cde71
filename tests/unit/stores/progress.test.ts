import { describe, expect, it } from 'vitest';
import { createStorage } from '../../../src/runtime/storage';
import { createProgressStore } from '../../../src/stores/progress';
import { buildExport } from '../../../src/lib/progress/transfer';
import { FakeStorage } from '../runtime/fake-storage';

let clock = Date.parse('2026-01-08T09:00:00.000Z');
const now = () => new Date((clock += 1000)).toISOString();

function tab(fake: FakeStorage) {
	const t = fake.tab();
	const storage = createStorage({ ...t, now });
	const store = createProgressStore({ storage: () => storage, now });
	store.load();
	return { store, storage };
}
const bytes = (s: string) => new TextEncoder().encode(s).length;
const attempt = { startedAt: '2026-01-08T09:00:00.000Z', submittedAt: '2026-01-08T09:01:00.000Z', answers: { q: 'a' }, correct: 4, total: 5, score: 80, passMark: 80, passed: true };

describe('progress store', () => {
	it('persists every action and reads it back in a new page', () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		expect(store.recordQuizAttempt('quiz', attempt).ok).toBe(true);
		store.setChecklistItem('cl', 'a', true);
		store.setChecklistMeta('cl', { date: '2026-01-15', by: 'Buddy' });
		store.addSelfAssessment({ assessmentId: 'sa', ratings: { a: 4 }, average: 4 });
		store.addFeedback({ formId: 'fb', subject: 'Module 1', ratings: { helpful: 5 }, texts: { valuable: 'x' } });
		store.markRead('p/a');
		store.acknowledge('p/b', 'a'.repeat(64));
		store.recordLabAttempt('lab', { runner: 'offline', passed: true, checks: [{ name: 'tests', passed: true }], durationMs: 1234.4 });
		store.setDisplayName('  Ada Lovelace ');
		const reloaded = tab(fake).store.$progress.get();
		expect(reloaded).toEqual(store.$progress.get());
		expect(reloaded.quizzes.quiz!.attempts).toHaveLength(1);
		expect(reloaded.checklists.cl).toMatchObject({ items: { a: { checked: true } }, certification: { date: '2026-01-15', by: 'Buddy' } });
		expect(reloaded.selfAssessments).toHaveLength(1);
		expect(reloaded.feedback[0]).toMatchObject({ subject: 'Module 1', texts: { valuable: 'x' } });
		expect(reloaded.reading['p/a']!.read).toBe(true);
		expect(reloaded.reading['p/b']!.acks).toHaveLength(1);
		expect(reloaded.labs.lab!.attempts[0]).toMatchObject({ runner: 'offline', durationMs: 1234 });
		expect(reloaded.profile.displayName).toBe('Ada Lovelace');
	});

	it('refuses a display name with control characters or over 80 characters', () => {
		const { store } = tab(new FakeStorage());
		expect(store.setDisplayName('a\u0007b').ok).toBe(false);
		expect(store.setDisplayName('x'.repeat(81)).ok).toBe(false);
		expect(store.$progress.get().profile.displayName).toBe('');
	});

	it('two tabs ticking different items both keep their ticks', () => {
		const fake = new FakeStorage();
		const a = tab(fake);
		const b = tab(fake);
		a.store.setChecklistItem('cl', 'one', true);
		b.store.setChecklistItem('cl', 'two', true);
		const items = (s: typeof a) => Object.entries(s.store.$progress.get().checklists.cl!.items).filter(([, t]) => t.checked).map(([k]) => k);
		expect(items(a)).toEqual(['one', 'two']); // tab A learnt of B's tick from the storage event
		expect(items(b)).toEqual(['one', 'two']);
		expect(items(tab(fake))).toEqual(['one', 'two']);
	});

	it('a tab that missed the event still merges before writing', () => {
		const fake = new FakeStorage();
		const a = tab(fake);
		// B is created on a separate event target that never hears A.
		const storageB = createStorage({ backend: fake, now });
		const b = createProgressStore({ storage: () => storageB, now });
		b.load();
		a.store.setChecklistItem('cl', 'one', true);
		b.setChecklistItem('cl', 'two', true);
		expect(Object.keys(tab(fake).store.$progress.get().checklists.cl!.items)).toEqual(['one', 'two']);
	});

	it('quota exceeded: nothing changes in storage or in the store, and the action says so', () => {
		const fake = new FakeStorage();
		const { store, storage } = tab(fake);
		store.setChecklistItem('cl', 'one', true);
		const before = fake.map.get('qms-training:progress');
		fake.quota = (before?.length ?? 0) + 30;
		const r = store.setChecklistItem('cl', 'two', true);
		expect(r.ok).toBe(false);
		expect(fake.map.get('qms-training:progress')).toBe(before);
		expect(Object.keys(store.$progress.get().checklists.cl!.items)).toEqual(['one']);
		expect(storage.notices()[0]).toMatchObject({ kind: 'write-failed', quota: true });
	});

	it('garbage under the progress key: starts clean, backs it up, says so', () => {
		const fake = new FakeStorage();
		fake.setItem('qms-training:progress', '{"version":1,"quizzes":"💥"');
		const { store, storage } = tab(fake);
		expect(store.$progress.get().quizzes).toEqual({});
		expect(storage.notices()[0]).toMatchObject({ kind: 'damaged', name: 'progress' });
		const backup = [...fake.map.keys()].find((k) => k.startsWith('qms-training:backup:progress@'));
		expect(fake.map.get(backup!)).toBe('{"version":1,"quizzes":"💥"');
		expect(store.setChecklistItem('cl', 'x', true).ok).toBe(true);
	});

	it('reset, then undo, gives back the record; another tab adopts the reset instead of undoing it', () => {
		const fake = new FakeStorage();
		const a = tab(fake);
		const b = tab(fake);
		a.store.setChecklistItem('cl', 'one', true);
		const before = a.store.$progress.get();
		expect(a.store.reset().ok).toBe(true);
		expect(a.store.$progress.get().checklists).toEqual({});
		expect(b.store.$progress.get().checklists).toEqual({}); // B adopted the newer epoch
		b.store.markRead('p'); // B's next write must not resurrect the reset tick
		expect(tab(fake).store.$progress.get().checklists).toEqual({});
		expect(a.store.$undo.get()).toMatchObject({ kind: 'reset' });
		expect(a.store.undo('import').ok).toBe(false);
		expect(a.store.undo('reset').ok).toBe(true);
		const restored = tab(fake).store.$progress.get();
		expect(restored.checklists).toEqual(before.checklists);
		expect(a.store.$undo.get()).toBeNull();
	});

	it('export → reset → import gives the same record; import can be undone', async () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		store.recordQuizAttempt('quiz', attempt);
		store.setChecklistItem('cl', 'a', true);
		store.setDisplayName('Ada');
		const original = store.$progress.get();
		const file = await store.exportRecord();
		expect(file.filename).toMatch(/^qms-training-progress-\d{4}-\d{2}-\d{2}\.json$/);
		store.reset();
		const preview = await store.previewImport(file.text, bytes(file.text));
		expect(preview.ok).toBe(true);
		if (!preview.ok) return;
		expect(preview.changes.map((c) => c.kind)).toEqual(['quiz-attempts', 'checklist-items', 'display-name']);
		expect(store.importRecord(preview.record).ok).toBe(true);
		const { epoch, updatedAt, ...data } = store.$progress.get();
		const { epoch: e0, updatedAt: u0, ...originalData } = original;
		expect(data).toEqual(originalData);
		expect(epoch > e0).toBe(true); // the reset's epoch is kept so other tabs do not undo it
		expect(store.$undo.get()).toMatchObject({ kind: 'import' });
		const backup = await store.exportUndoSnapshot();
		expect(backup?.filename).toMatch(/before-import\.json$/);
		expect(store.undo('import').ok).toBe(true);
		expect(store.$progress.get().quizzes).toEqual({});
	});

	it('a bad import changes nothing', async () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		store.setChecklistItem('cl', 'a', true);
		const before = fake.map.get('qms-training:progress');
		const good = await buildExport(store.$progress.get(), '2026-01-08T09:00:00.000Z');
		for (const text of [good.slice(0, 100), '{"foo":1}', good.replace('"checked": true', '"checked": false')]) {
			const p = await store.previewImport(text, bytes(text));
			expect(p.ok).toBe(false);
		}
		expect(fake.map.get('qms-training:progress')).toBe(before);
		expect(fake.map.has('qms-training:progress-undo')).toBe(false);
	});

	it('import refused when the backup of the current record cannot be saved', async () => {
		const fake = new FakeStorage();
		const { store } = tab(fake);
		store.setChecklistItem('cl', 'a', true);
		const file = await store.exportRecord();
		const before = fake.map.get('qms-training:progress')!;
		fake.quota = before.length + 40;
		const p = await store.previewImport(file.text, bytes(file.text));
		expect(p.ok && store.importRecord(p.record).ok).toBe(false);
		expect(fake.map.get('qms-training:progress')).toBe(before);
	});
});
