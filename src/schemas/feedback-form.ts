import { z } from 'astro/zod';
import { PROGRAM_IDS } from '../lib/curriculum/taxonomy';
import { SourceSchema } from './page';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/**
 * A feedback form: content/forms/<id>.yaml (the file name is the id), e.g. the training feedback
 * form of 001 "Training Feedback Loop" (five questions: one 1–5 rating, four free-text answers).
 * Answers are kept in the learner's browser and included in exports.
 */
export const FeedbackFormSchema = z
	.object({
		/** Heading, e.g. "Training feedback". */
		title: z.string().min(1),
		/** Program it belongs to. */
		program: z.enum(PROGRAM_IDS),
		/** Page id it is embedded in. */
		page: z.string().min(1),
		/** Seed section(s) the questions come from. */
		source: z.union([SourceSchema, z.array(SourceSchema).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
		/** Label of the field naming what the feedback is about (the seed's "[Module Name]"). */
		subjectLabel: z.string().min(1),
		/** Questions in order. */
		questions: z
			.array(
				z.discriminatedUnion('type', [
					z.object({
						/** Stable id; answers are stored by it. */
						id: Id,
						type: z.literal('rating'),
						/** The question, e.g. "Was this training helpful?". */
						prompt: z.string().min(1),
						/** Words for 1 and 5. */
						scaleLabels: z.object({ low: z.string().min(1), high: z.string().min(1) }),
						/** Must be answered to submit. */
						required: z.boolean().default(true),
					}),
					z.object({
						id: Id,
						type: z.literal('text'),
						prompt: z.string().min(1),
						required: z.boolean().default(false),
					}),
				]),
			)
			.min(1),
	})
	.superRefine((f, ctx) => {
		const seen = new Set<string>();
		f.questions.forEach((q, i) => {
			if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
			seen.add(q.id);
		});
	});
export type FeedbackForm = z.output<typeof FeedbackFormSchema>;
