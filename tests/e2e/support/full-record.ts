/**
 * A learner record with everything done: every knowledge check passed (100 %, at the bank's own
 * pass mark), every checklist item ticked (with certification fields where the checklist has
 * them), every lab passed, every curriculum page marked as read, the self-assessments and the
 * feedback form submitted once, and a display name. Built with the site's own pure record
 * functions (src/lib/progress/record.ts) from the ids in content/ and labs/, so it follows the
 * curriculum as writers change it. Used by tests/e2e/layout-shift.spec.ts and the Lighthouse bench
 * (tests/bench/lighthouse.mjs), which put it in localStorage before the page loads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import * as R from '../../../src/lib/progress/record.ts';
import type { ProgressRecord } from '../../../src/schemas/progress.ts';

const root = new URL('../../../', import.meta.url).pathname;
const yamls = (dir: string) =>
	readdirSync(join(root, dir))
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => ({ id: f.slice(0, -'.yaml'.length), data: parse(readFileSync(join(root, dir, f), 'utf8')) }));

/** Page ids of content/docs: path without extension, `index` dropped ("" → "index"). */
function pageIds(): string[] {
	const out: string[] = [];
	const docs = join(root, 'content/docs');
	(function walk(dir: string) {
		for (const name of readdirSync(dir).sort()) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (/\.mdx?$/.test(name)) {
				const id = relative(docs, p).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
				out.push(id === '' ? 'index' : id);
			}
		}
	})(docs);
	return out;
}

/** Entry ids must match /^[A-Za-z0-9_-]{8,64}$/ (src/schemas/progress.ts). */
const entryId = (kind: string, n: number) => `full-${kind}-${String(n).padStart(4, '0')}`;

/** The ids the full record covers, for assertions. */
export function contentIds(): { quizzes: string[]; checklists: string[]; labs: string[]; pages: string[] } {
	return {
		quizzes: yamls('content/quizzes').map((q) => q.id),
		checklists: yamls('content/checklists').map((c) => c.id),
		labs: readdirSync(join(root, 'labs'))
			.filter((d) => statSync(join(root, 'labs', d)).isDirectory())
			.sort(),
		pages: pageIds(),
	};
}

/** Everything done, at `now` (ISO time). */
export function fullRecord(now = new Date().toISOString()): ProgressRecord {
	const day = now.slice(0, 10);
	let r = R.emptyRecord(now);
	r = R.setDisplayName(r, 'Full Record Learner', now);
	yamls('content/quizzes').forEach(({ id, data }, i) => {
		const total = (data.questions as unknown[]).length;
		r = R.addQuizAttempt(r, id, { id: entryId('quiz', i), startedAt: now, submittedAt: now, answers: {}, correct: total, total, score: 100, passMark: data.passMark, passed: true });
	});
	for (const { id, data } of yamls('content/checklists')) {
		for (const s of data.sections as { items: { id: string }[] }[]) for (const it of s.items) r = R.setChecklistItem(r, id, it.id, true, now);
		if (data.certification) r = R.setCertification(r, id, { date: day, by: 'Lead Reviewer' }, now);
	}
	contentIds().labs.forEach((id, i) => {
		r = R.addLabAttempt(r, id, { id: entryId('lab', i), at: now, runner: 'offline', passed: true, checks: [{ name: 'all checks', passed: true }], durationMs: 1200 });
	});
	for (const id of pageIds()) r = R.setRead(r, id, true, now);
	yamls('content/assessments').forEach(({ id, data }, i) => {
		const ratings = Object.fromEntries((data.sections as { statements: { id: string }[] }[]).flatMap((s) => s.statements.map((st) => [st.id, 5])));
		r = R.addSelfAssessment(r, { id: entryId('self', i), assessmentId: id, at: now, ratings, average: 5 });
	});
	yamls('content/forms').forEach(({ id }, i) => {
		r = R.addFeedback(r, { id: entryId('feedback', i), formId: id, at: now, subject: 'Everything', ratings: {}, texts: {} });
	});
	// One passed find-it-fast hunt (record version 5), so My progress shows its table too.
	r = R.addHuntRun(r, { id: entryId('hunt', 0), startedAt: now, finishedAt: now, seed: 1, limitMs: 120_000, passed: true, targets: pageIds().slice(0, 5).map((page) => ({ page, title: page, status: 'found' as const, ms: 30_000 })) });
	return R.normalize(r);
}
