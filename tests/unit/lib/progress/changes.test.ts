import { describe, expect, it } from 'vitest';
import { changeText, describeChanges } from '../../../../src/lib/progress/changes';
import { merge } from '../../../../src/lib/progress/merge';
import * as R from '../../../../src/lib/progress/record';

const t0 = '2026-01-08T09:00:00.000Z';
const t1 = '2026-01-08T10:00:00.000Z';
const attempt = (id: string) => ({ id, startedAt: t1, submittedAt: t1, answers: {}, correct: 5, total: 5, score: 100, passMark: 80, passed: true });

describe('describeChanges', () => {
	it('nothing when the import holds nothing new', () => {
		const r = R.setChecklistItem(R.emptyRecord(t0), 'c', 'i', true, t0);
		expect(describeChanges(r, merge(r, r))).toEqual([]);
	});

	it('lists what an import adds', () => {
		const current = R.setChecklistItem(R.emptyRecord(t0), 'rm', 'old', true, t0);
		let imported = R.addQuizAttempt(R.emptyRecord(t0), 'quiz-a', attempt('attempt-0001'));
		imported = R.addQuizAttempt(imported, 'quiz-a', attempt('attempt-0002'));
		imported = R.setChecklistItem(imported, 'rm', 'new', true, t1);
		imported = R.setChecklistItem(imported, 'rm', 'old', false, t1);
		imported = R.setCertification(imported, 'rm', { date: '2026-01-15', by: 'Lead' }, t1);
		imported = R.acknowledge(imported, 'p/a', 'a'.repeat(64), t1);
		imported = R.addSelfAssessment(imported, { id: 'sa-000001', assessmentId: 'x', at: t1, ratings: { a: 4 }, average: 4 });
		imported = R.addFeedback(imported, { id: 'fb-000001', formId: 'f', at: t1, subject: 'M', ratings: { helpful: 5 }, texts: {} });
		imported = R.addLabAttempt(imported, 'lab', { id: 'lab-000001', at: t1, runner: 'offline', passed: true, checks: [], durationMs: 5 });
		imported = R.setDisplayName(imported, 'Ada', t1);
		const changes = describeChanges(current, merge(current, imported));
		expect(changes).toEqual([
			{ kind: 'quiz-attempts', id: 'quiz-a', count: 2 },
			{ kind: 'checklist-items', id: 'rm', ticked: 1, unticked: 1 },
			{ kind: 'certification', id: 'rm' },
			{ kind: 'self-assessments', count: 1 },
			{ kind: 'feedback', count: 1 },
			{ kind: 'pages-read', read: 1, unread: 0 },
			{ kind: 'acknowledgements', count: 1 },
			{ kind: 'lab-attempts', id: 'lab', count: 1 },
			{ kind: 'display-name', from: '', to: 'Ada' },
		]);
		const titles: Record<string, string> = { 'quiz-a': 'Knowledge check A', rm: 'Release manager checklist' };
		expect(changes.map((c) => changeText(c, (id) => titles[id] ?? id))).toEqual([
			'Knowledge check A: 2 knowledge-check attempts added.',
			'Release manager checklist: 1 item ticked, 1 item unticked.',
			'Release manager checklist: certification date and "certified by" updated.',
			'1 self-assessment added.',
			'1 feedback form added.',
			'1 page marked as read.',
			'1 read-and-understood acknowledgement added.',
			'lab: 1 lab run added.',
			'Display name set to "Ada".',
		]);
	});
});
