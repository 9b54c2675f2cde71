import { z } from 'astro/zod';
import { PROGRAM_IDS } from '../lib/curriculum/taxonomy';
import { SourceSchema } from './page';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/** One answer option of a single- or multiple-choice question. */
export const ChoiceSchema = z.object({
	/** Stable id within the question, e.g. "a". */
	id: Id,
	/** Option text (Markdown inline allowed). */
	text: z.string().min(1),
	/** Whether choosing it is right. */
	correct: z.boolean().default(false),
	/** Shown after submit: why this option is right or wrong. */
	explanation: z.string().min(1),
});

const QuestionBase = {
	/** Stable id within the bank; attempts store answers by it. */
	id: Id,
	/** The question as the learner reads it. */
	prompt: z.string().min(1),
	/** Page id where the answer is taught (traceability), e.g. "qms-onboarding/developer/quality-gates". */
	ref: z.string().min(1),
	/**
	 * Seed section the question and its answer come from, e.g. `{ seed: '003', section: 'AUTOMATED
	 * ALERTS' }` (section: text that occurs in the seed file). Required on every question of a graded
	 * assessment, which may only ask what the seeds say (issue 11); optional elsewhere.
	 */
	source: SourceSchema.optional(),
};

/** One correct choice among several. */
export const SingleQuestionSchema = z.object({ type: z.literal('single'), ...QuestionBase, choices: z.array(ChoiceSchema).min(2) });
/** Any number (≥ 1) of correct choices; all and only those must be picked. */
export const MultipleQuestionSchema = z.object({ type: z.literal('multiple'), ...QuestionBase, choices: z.array(ChoiceSchema).min(2) });
/** A statement that is true or false. */
export const TrueFalseQuestionSchema = z.object({
	type: z.literal('true-false'),
	...QuestionBase,
	/** The right answer. */
	answer: z.boolean(),
	/** Shown after submit, whichever answer was given. */
	explanation: z.string().min(1),
});
/** Items to put in order; `items` lists them in the correct order (shown shuffled). */
export const OrderingQuestionSchema = z.object({
	type: z.literal('ordering'),
	...QuestionBase,
	items: z.array(z.object({ id: Id, text: z.string().min(1) })).min(3),
	/** Shown after submit. */
	explanation: z.string().min(1),
});

export const QuestionSchema = z.discriminatedUnion('type', [
	SingleQuestionSchema,
	MultipleQuestionSchema,
	TrueFalseQuestionSchema,
	OrderingQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;

/** How often a learner may try. `maxAttempts: null` means unlimited. */
export const AttemptPolicySchema = z.object({
	/** Attempts allowed in all; e.g. 2 for "retesting allowed once" (003, Gate 2). null = unlimited. */
	maxAttempts: z.number().int().positive().nullable().default(null),
	/** Plain-language rule shown to the learner, e.g. "No exceptions policy for advancement". */
	note: z.string().optional(),
});

/**
 * What a quiz counts for:
 * - `graded`: an assessment the curriculum grades (a gate's written or competency assessment, a
 *   certification level's online quiz); every question cites a seed section (`source`).
 * - `knowledge-check`: the check at the end of a module or page; may ask what the site teaches.
 * - `practice`: practice questions next to a graded assessment, on material the site wrote; shown
 *   as practice, never part of a grade.
 */
export const QUIZ_KINDS = ['graded', 'knowledge-check', 'practice'] as const;

/**
 * A knowledge check or assessment: content/quizzes/<id>.yaml (the file name is the id).
 * Rules checked beyond field types: question ids unique; a single-choice question has exactly one
 * correct choice; a multiple-choice question has at least one; at least 5 questions (a practice
 * set at least 1); every question of a graded assessment has a `source`.
 */
export const QuizSchema = z
	.object({
		/** What the quiz counts for (see QUIZ_KINDS); default a knowledge check. */
		kind: z.enum(QUIZ_KINDS).default('knowledge-check'),
		/** Shown above the questions. */
		title: z.string().min(1),
		/** Program the quiz belongs to. */
		program: z.enum(PROGRAM_IDS),
		/** Page id the quiz is embedded in. */
		page: z.string().min(1),
		/** Pass mark in percent of questions right, 0–100, e.g. 80 (000, Level 1 "Online quiz"). */
		passMark: z.number().min(0).max(100),
		/** Attempt policy; default unlimited. */
		policy: AttemptPolicySchema.prefault({}),
		/** Seed section(s) the pass mark and questions come from. */
		source: z.union([SourceSchema, z.array(SourceSchema).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
		/** At least 5 questions (a practice set: at least 1). */
		questions: z.array(QuestionSchema).min(1),
	})
	.superRefine((quiz, ctx) => {
		if (quiz.kind !== 'practice' && quiz.questions.length < 5)
			ctx.addIssue({ code: 'custom', path: ['questions'], message: `needs at least 5 questions, has ${quiz.questions.length}` });
		const seen = new Set<string>();
		quiz.questions.forEach((q, i) => {
			if (quiz.kind === 'graded' && !q.source)
				ctx.addIssue({ code: 'custom', path: ['questions', i, 'source'], message: `graded assessment: question "${q.id}" must cite a seed section (source)` });
			if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
			seen.add(q.id);
			if (q.type === 'single' || q.type === 'multiple') {
				const n = q.choices.filter((c) => c.correct).length;
				if (q.type === 'single' && n !== 1)
					ctx.addIssue({ code: 'custom', path: ['questions', i, 'choices'], message: `single-choice needs exactly 1 correct choice, has ${n}` });
				if (q.type === 'multiple' && n < 1)
					ctx.addIssue({ code: 'custom', path: ['questions', i, 'choices'], message: 'multiple-choice needs at least 1 correct choice' });
			}
		});
	});
export type Quiz = z.output<typeof QuizSchema>;
