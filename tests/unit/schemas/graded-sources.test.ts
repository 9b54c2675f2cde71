import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { QuizSchema } from '../../../src/schemas/quiz';

/**
 * A graded assessment (gate and certification quizzes, `kind: graded`) only asks what the seeds say
 * (issue 11): every question cites a seed section, and that section's text is in the seed file.
 * The seeds live outside the repository, in ../shared/seeds (README "Curriculum"); QMS_SEEDS_DIR
 * points elsewhere.
 */
const root = join(import.meta.dirname, '../../..');
const seedsDir = [process.env.QMS_SEEDS_DIR, join(root, '../shared/seeds'), '/work/shared/seeds'].find((d) => d && existsSync(d));
const quizDir = join(root, 'content/quizzes');
const banks = readdirSync(quizDir)
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => ({ id: f.replace(/\.yaml$/, ''), quiz: QuizSchema.parse(parse(readFileSync(join(quizDir, f), 'utf8'))) }));

function seedText(seed: string): string {
	const file = readdirSync(seedsDir!).find((f) => f.startsWith(`${seed}_`) && f.endsWith('.txt'));
	if (!file) throw new Error(`no seed file ${seed}_*.txt in ${seedsDir}`);
	return readFileSync(join(seedsDir!, file), 'utf8');
}

describe('graded assessments cite the seeds', () => {
	it('finds the seed folder', () => {
		expect(seedsDir, 'set QMS_SEEDS_DIR to the folder with 000_…txt … 004_…txt').toBeTruthy();
	});

	it('marks the gate and certification assessments as graded, keeping their ids', () => {
		const graded = banks.filter((b) => b.quiz.kind === 'graded').map((b) => b.id);
		expect(graded).toEqual(
			expect.arrayContaining(['tool-adoption-gate-1-knowledge-foundation', 'tool-adoption-gate-4-certification-validation', 'qms-onboarding-awareness-quiz']),
		);
	});

	for (const { id, quiz } of banks.filter((b) => b.quiz.kind === 'graded')) {
		it(`${id}: every question cites a seed section that is in the seed`, () => {
			for (const q of quiz.questions) {
				expect(q.source, `${id} / ${q.id} has no source`).toBeDefined();
				expect(seedText(q.source!.seed), `${id} / ${q.id}: "${q.source!.section}" is not in seed ${q.source!.seed}`).toContain(q.source!.section);
			}
		});
	}

	it('rejects a graded quiz with a question that cites nothing', () => {
		const bank = parse(readFileSync(join(quizDir, 'tool-adoption-gate-1-knowledge-foundation.yaml'), 'utf8'));
		delete bank.questions[0].source;
		const result = QuizSchema.safeParse(bank);
		expect(result.success).toBe(false);
		expect(JSON.stringify(result.error?.issues)).toContain('must cite a seed section');
	});

	it('puts practice sets on the same page as their graded assessment, labelled practice', () => {
		for (const { id, quiz } of banks.filter((b) => b.quiz.kind === 'practice')) {
			expect(banks.some((b) => b.quiz.kind === 'graded' && b.quiz.page === quiz.page), id).toBe(true);
			expect(quiz.title, id).toMatch(/^Practice check/);
		}
	});
});
