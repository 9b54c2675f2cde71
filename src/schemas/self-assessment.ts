import { z } from 'astro/zod';
import { PROGRAM_IDS } from '../lib/curriculum/taxonomy';
import { SourceSchema } from './page';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/**
 * A self-assessment questionnaire: content/assessments/<id>.yaml (the file name is the id).
 * Statements are rated on a 1–5 scale; the average falls in one of the bands
 * (001, "Readiness Assessment": 4–5 ready, 3–4 almost there, below 3 more training needed).
 * Rules beyond field types: statement ids unique; one band starts at the scale's lowest rating.
 */
export const SelfAssessmentSchema = z
	.object({
		/** Heading, e.g. "Release Readiness Self-Assessment". */
		title: z.string().min(1),
		/** Program it belongs to. */
		program: z.enum(PROGRAM_IDS),
		/** Page id it is embedded in. */
		page: z.string().min(1),
		/** Seed section(s) the statements and bands come from. */
		source: z.union([SourceSchema, z.array(SourceSchema).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
		/** Instruction above the statements, e.g. "Rate your confidence (1-5, where 5 = very confident)". */
		instructions: z.string().min(1),
		/** Words for the ends of the scale, shown beside ratings 1 and 5. */
		scaleLabels: z.object({ low: z.string().min(1), high: z.string().min(1) }),
		/** Groups of statements in the seed's order (e.g. Knowledge, Skills, Confidence). */
		sections: z
			.array(
				z.object({
					/** Stable id, e.g. "knowledge". */
					id: Id,
					/** Heading. */
					title: z.string().min(1),
					/** Statements rated 1–5; ids are stored with every submission. */
					statements: z.array(z.object({ id: Id, text: z.string().min(1) })).min(1),
				}),
			)
			.min(1),
		/** Result bands: a band applies when the average is ≥ min (the highest such band). */
		bands: z
			.array(
				z.object({
					/** Lowest average in the band, 1–5. */
					min: z.number().min(1).max(5),
					/** Short verdict, e.g. "Ready to go!". */
					label: z.string().min(1),
					/** What to do next, e.g. "More training needed, talk to your buddy." */
					advice: z.string().min(1),
				}),
			)
			.min(1),
	})
	.superRefine((a, ctx) => {
		const seen = new Set<string>();
		a.sections.forEach((s, si) =>
			s.statements.forEach((st, i) => {
				if (seen.has(st.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'statements', i, 'id'], message: `duplicate statement id "${st.id}"` });
				seen.add(st.id);
			}),
		);
		if (!a.bands.some((b) => b.min === 1)) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'one band must start at 1 so every average has a band' });
	});
export type SelfAssessment = z.output<typeof SelfAssessmentSchema>;
