import { z } from 'astro/zod';
import { PROGRAM_IDS } from '../lib/curriculum/taxonomy';
import { SourceSchema } from './page';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/**
 * A checklist from the seeds: content/checklists/<id>.yaml (the file name is the id).
 * Sections are the seed's phases or groups; item ids are unique across the checklist.
 */
export const ChecklistSchema = z
	.object({
		/** Shown as the checklist heading. */
		title: z.string().min(1),
		/** Program the checklist belongs to. */
		program: z.enum(PROGRAM_IDS),
		/** Page id the checklist is embedded in. */
		page: z.string().min(1),
		/** Seed section(s) it comes from, e.g. { seed: '001', section: 'Release Manager Training Checklist' }. */
		source: z.union([SourceSchema, z.array(SourceSchema).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
		/** True where the seed has "Certification Date" and "Certified By" fields to fill in. */
		certification: z.boolean().default(false),
		/** Phases or groups in the seed's order. */
		sections: z
			.array(
				z.object({
					/** Stable id, e.g. "phase-1". */
					id: Id,
					/** Heading, e.g. "Phase 1: Core Knowledge". */
					title: z.string().min(1),
					/** Items to tick. */
					items: z.array(z.object({ id: Id, text: z.string().min(1) })).min(1),
				}),
			)
			.min(1),
	})
	.superRefine((c, ctx) => {
		const seen = new Set<string>();
		c.sections.forEach((s, si) =>
			s.items.forEach((it, ii) => {
				if (seen.has(it.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'items', ii, 'id'], message: `duplicate item id "${it.id}"` });
				seen.add(it.id);
			}),
		);
	});
export type Checklist = z.output<typeof ChecklistSchema>;
