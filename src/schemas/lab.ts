import { z } from 'astro/zod';
import { PROGRAM_IDS } from '../lib/curriculum/taxonomy';
import { SourceSchema } from './page';

/**
 * A hands-on lab: labs/<id>/lab.yaml, with the starting project in labs/<id>/files/ and the
 * files that solve it in labs/<id>/solution/ (same relative paths, only the changed files).
 * The folder name is the lab id and must equal `id`.
 */
export const LabSchema = z.object({
	/** Equals the folder name, e.g. "qms-compliant-pr". */
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
	/** Shown as the lab heading. */
	title: z.string().min(1),
	/** Program the lab belongs to. */
	program: z.enum(PROGRAM_IDS),
	/** Page id of the module (or exercise) page that links to the lab. */
	module: z.string().min(1),
	/** Estimated time to finish, in minutes. */
	estimatedMinutes: z.number().int().positive(),
	/** Difficulty, as the seeds phrase exercise difficulty (004 "difficulty: 'medium'"). */
	difficulty: z.enum(['easy', 'medium', 'hard']),
	/** Markdown shown beside the editor: the task, in the learner's words. */
	instructions: z.string().min(1),
	/** Hints revealed one at a time. */
	hints: z.array(z.string().min(1)).default([]),
	/** Paths (relative to files/) the learner may edit; others open read-only. */
	editable: z.array(z.string().min(1)).min(1),
	/** Command the WebContainer runner runs, e.g. "npx vitest run". */
	testCommand: z.string().min(1).default('npx vitest run'),
	/** Optional time budget for the task in minutes (e.g. 000 Scenario 2 drills). */
	timeLimitMinutes: z.number().int().positive().optional(),
	/** Seed section(s) the exercise comes from. */
	source: z.union([SourceSchema, z.array(SourceSchema).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
});
export type Lab = z.output<typeof LabSchema>;
