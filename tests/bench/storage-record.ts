/**
 * The learner record of a learner who has done every knowledge check and every lab once, built
 * with the site's own pure record functions (src/lib/progress/record.ts) from the real question
 * banks and labs, for `npm run bench` (bundled by esbuild in ./storage.mjs; no browser).
 * Every knowledge check is answered right (a full answer map is the largest an attempt gets);
 * every lab run has one check per test case in the lab's test files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { QuizSchema } from '../../src/schemas/quiz';
import { ChecklistSchema } from '../../src/schemas/checklist';
import { ProgressSchema, type ProgressRecord } from '../../src/schemas/progress';
import { answerKey, gradeQuiz, type Answer } from '../../src/lib/progress/grading';
import * as R from '../../src/lib/progress/record';
import { newId } from '../../src/lib/progress/ids';
import { toLabAttempt } from '../../src/lib/labs/attempt';
import { loadLabs } from '../../src/build/load-lab';
import { serializeSavedFiles } from '../../src/lib/labs/saved-files';

const T = '2026-11-02T09:00:00.000Z';

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export interface StoredFigures {
	quizzes: number;
	labs: number;
	pages: number;
	checklists: number;
	/** The record (JSON text) after every knowledge check and lab once. */
	record: string;
	/** The same plus every page marked read and every checklist item ticked. */
	recordAll: string;
	/** Autosaved editable files of every lab, as stored (starter files; a learner's are similar in size), by key. */
	labFiles: Record<string, string>;
}

export async function buildFigures(root: string): Promise<StoredFigures> {
	let r: ProgressRecord = R.emptyRecord('1970-01-01T00:00:00.000Z');
	const quizDir = join(root, 'content/quizzes');
	const quizFiles = readdirSync(quizDir).filter((f) => f.endsWith('.yaml'));
	for (const f of quizFiles) {
		const id = f.replace(/\.yaml$/, '');
		const key = answerKey(id, QuizSchema.parse(parse(readFileSync(join(quizDir, f), 'utf8'))));
		const answers: Record<string, Answer> = Object.fromEntries(key.questions.map((q) => [q.id, q.correct]));
		const g = gradeQuiz(key, answers);
		r = R.addQuizAttempt(r, id, { id: newId(), startedAt: T, submittedAt: T, answers, correct: g.correct, total: g.total, score: g.score, passMark: key.passMark, passed: g.passed });
	}
	const labs = await loadLabs(join(root, 'labs'));
	const labFiles: Record<string, string> = {};
	for (const { lab, files } of labs) {
		const names = Object.entries(files)
			.filter(([p]) => /\.test\.ts$/.test(p))
			.flatMap(([, text]) => [...text.matchAll(/\b(?:it|test)\(\s*(['"`])(.*?)\1/g)].map((m) => m[2]!));
		const attempt = toLabAttempt({ labId: lab.id, runner: 'offline', passed: true, checks: names.map((name) => ({ name, status: 'pass' })), durationMs: 2345, at: T });
		r = R.addLabAttempt(r, lab.id, { id: newId(), ...attempt });
		labFiles[`qms-training:lab:${lab.id}:files`] = serializeSavedFiles(files, lab.editable, new Date(T));
	}
	const record = JSON.stringify(ProgressSchema.parse(R.normalize(r)));

	const docs = join(root, 'content/docs');
	const pages = walk(docs)
		.filter((f) => /\.mdx?$/.test(f))
		.map((f) => relative(docs, f).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '') || 'index');
	for (const p of pages) r = R.setRead(r, p, true, T);
	const checklistDir = join(root, 'content/checklists');
	const checklistFiles = readdirSync(checklistDir).filter((f) => f.endsWith('.yaml'));
	for (const f of checklistFiles) {
		const c = ChecklistSchema.parse(parse(readFileSync(join(checklistDir, f), 'utf8')));
		for (const s of c.sections) for (const it of s.items) r = R.setChecklistItem(r, f.replace(/\.yaml$/, ''), it.id, true, T);
	}
	const recordAll = JSON.stringify(ProgressSchema.parse(R.normalize(r)));
	return { quizzes: quizFiles.length, labs: labs.length, pages: pages.length, checklists: checklistFiles.length, record, recordAll, labFiles };
}
