import { z } from 'astro/zod';
import { KIND_IDS, LEVEL_IDS, PROGRAM_IDS, ROLE_IDS, SEED_IDS } from '../lib/curriculum/taxonomy';

/** Where a page's facts come from: a seed document and a section of it. */
export const SourceSchema = z.object({
	/** Seed number, 000–004 (see ../shared/seeds/README.md). */
	seed: z.enum(SEED_IDS),
	/** Section heading in the seed, e.g. "Module 1.2: Quality Gates Deep Dive". */
	section: z.string().min(1),
});

/**
 * Curriculum fields added to Starlight's frontmatter (merged by `docsSchema({ extend })`).
 * Cross-page rules (prerequisites and path modules name real pages, path pages list modules)
 * are checked by `validateCurriculum` in src/lib/curriculum/validate.ts.
 */
export const PageSchema = z.object({
	/** Program the page belongs to (`general` for site-wide pages). */
	program: z.enum(PROGRAM_IDS),
	/** Roles the page is for; at least one. */
	roles: z.array(z.enum(ROLE_IDS)).min(1),
	/** What the page is: overview, learning path, module, exercise, scenario… */
	kind: z.enum(KIND_IDS),
	/** Difficulty level; optional for overview, reference and hub pages. */
	level: z.enum(LEVEL_IDS).optional(),
	/** Program phase as the seed names it, e.g. "Phase 1: QMS Fundamentals". */
	phase: z.string().optional(),
	/** Week(s) of the program as the seed gives them, e.g. "1-2" or "Day 2-3". */
	week: z.string().optional(),
	/** Time the learner spends on this page's activity, in minutes (integer > 0). */
	durationMinutes: z.number().int().positive().optional(),
	/**
	 * `seed` when durationMinutes is a number the seed states (e.g. "Module 1.2 … (3 hours)");
	 * `estimate` when the page derives it (the page text says how). Shown to learners.
	 */
	durationBasis: z.enum(['seed', 'estimate']).default('seed'),
	/** Page ids (e.g. "qms-onboarding/developer/qms-introduction") to finish first. */
	prerequisites: z.array(z.string()).default([]),
	/** Path pages only: module page ids in the order the path takes them. */
	modules: z.array(z.string()).default([]),
	/** Words a learner might type for this page (synonyms, abbreviations); weighted in search. */
	keywords: z.array(z.string()).default([]),
	/** Seed section(s) the page's facts come from; one object or a list. */
	source: z.union([SourceSchema, z.array(SourceSchema).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
});
export type PageData = z.output<typeof PageSchema>;
