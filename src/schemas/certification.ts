import { z } from 'astro/zod';
import { PROGRAM_IDS } from '../lib/curriculum/taxonomy';
import { SourceSchema } from './page';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
/** Page id, e.g. "release-readiness/release-manager" (a path page) or a module page. */
const PageId = z.string().min(1);

/** Who signs off attested evidence: the learner's buddy (001), a peer reviewer (000 Level 1, 003 Gate 2) or a team lead / manager. */
export const SIGNERS = ['buddy', 'peer', 'lead'] as const;
export type Signer = (typeof SIGNERS)[number];

/** Fields every requirement has. */
const RequirementBase = {
	/** Stable id within the certification; attested items name it (src/schemas/progress.ts). */
	id: Id,
	/** What the learner must do, in their words, with the seed's numbers and the source, e.g. "Gate 1 written assessment at 85 % (003, Gate 1)". */
	text: z.string().min(1),
};

/** A knowledge check passed at its own pass mark, within its attempt policy (e.g. 2 attempts, 003 Gate 2). */
const QuizPassed = z.object({
	...RequirementBase,
	kind: z.literal('quiz-passed'),
	/** Quiz id (content/quizzes/<id>.yaml). */
	quiz: Id,
	/**
	 * Requirement ids (of this certification) that must be met first: a pass submitted before
	 * they were met does not count ("No exceptions policy for advancement", 003 Gate 1).
	 */
	after: z.array(Id).default([]),
});

/** Pages marked as read: every module of a learning path (`path`) or the pages listed (`pages`). */
const ModulesRead = z.object({
	...RequirementBase,
	kind: z.literal('modules-read'),
	/** A `kind: path` page id: all of its `modules:`. */
	path: PageId.optional(),
	/** Page ids, when not a whole path. */
	pages: z.array(PageId).min(1).optional(),
});

/** Modules done as the My progress page counts it: marked as read and every knowledge check on the page passed. */
const ModulesDone = ModulesRead.extend({ kind: z.literal('modules-done') });

/** A hands-on lab with a run where every check passed. */
const LabPassed = z.object({
	...RequirementBase,
	kind: z.literal('lab-passed'),
	/** Lab id (labs/<id>/lab.yaml). */
	lab: Id,
});

/** Every item of a checklist ticked (or of the sections listed). */
const ChecklistComplete = z.object({
	...RequirementBase,
	kind: z.literal('checklist-complete'),
	/** Checklist id (content/checklists/<id>.yaml). */
	checklist: Id,
	/** Section ids to require; all sections when absent. */
	sections: z.array(Id).min(1).optional(),
});

/** The latest submission of a self-assessment averages at least `minAverage` (1–5). */
const SelfAssessment = z.object({
	...RequirementBase,
	kind: z.literal('self-assessment'),
	/** Assessment id (content/assessments/<id>.yaml). */
	assessment: Id,
	/** Lowest average that counts, e.g. 4 for "Ready to go!" (001, Readiness Assessment). */
	minAverage: z.number().min(1).max(5),
});

/** A scenario or drill passed `count` times. Drills do not exist yet: never met, shown as not available with `page`. */
const ScenarioPassed = z.object({
	...RequirementBase,
	kind: z.literal('scenario-passed'),
	/** Scenario id (content/scenarios/<id>.yaml, once drills exist). */
	scenario: Id,
	/** Page id of the curriculum page that describes the scenario. */
	page: PageId,
	/** Passes needed (distinct runs); default 1. */
	count: z.number().int().positive().default(1),
});

/**
 * The find-it-fast hunt passed `count` times: five random pages, each found in under 2 minutes
 * (001, Core Competencies, Universal Competency 1; runs in the learner record's `hunts`).
 */
const HuntPassed = z.object({
	...RequirementBase,
	kind: z.literal('hunt-passed'),
	/** Page id of the page that plays the hunt. */
	page: PageId,
	/** Passed hunts needed (distinct runs); default 1. */
	count: z.number().int().positive().default(1),
});

/** Evidence from outside the browser, recorded by the learner, counted only once signed off (sign-off does not exist yet). */
const Attested = z.object({
	...RequirementBase,
	kind: z.literal('attested'),
	/** What one attested item is, e.g. "Day shadowing an experienced team member". */
	what: z.string().min(1),
	/** Items needed, e.g. 10 for "engage with 10 users" (001); default 1. */
	count: z.number().int().positive().default(1),
	/** Who must sign the items off. */
	signOff: z.enum(SIGNERS),
	/** Page id that explains what to do; the certification's page when absent. */
	page: PageId.optional(),
});

/** A sign-off by a person (e.g. "Buddy sign-off (confirms readiness)", 001). Not available yet: never met. */
const SignOff = z.object({
	...RequirementBase,
	kind: z.literal('sign-off'),
	/** Who signs. */
	by: z.enum(SIGNERS),
	/** Page id that explains the sign-off; the certification's page when absent. */
	page: PageId.optional(),
});

export const RequirementSchema = z
	.discriminatedUnion('kind', [QuizPassed, ModulesRead, ModulesDone, LabPassed, ChecklistComplete, SelfAssessment, ScenarioPassed, HuntPassed, Attested, SignOff])
	.superRefine((r, ctx) => {
		if ((r.kind === 'modules-read' || r.kind === 'modules-done') && (r.path === undefined) === (r.pages === undefined)) {
			ctx.addIssue({ code: 'custom', path: ['path'], message: 'give either path or pages' });
		}
	});
export type Requirement = z.output<typeof RequirementSchema>;
export type RequirementKind = Requirement['kind'];

/**
 * A certificate or badge: content/certifications/<id>.yaml (the file name is the id and must equal
 * `id`). Earned when every prerequisite is earned and every requirement is met
 * (src/lib/credentials/rules.ts). Cross-file rules (ids of quizzes, labs, checklists, pages,
 * assessments and other certifications exist; no prerequisite cycles) are checked at build by
 * validateCertifications (src/lib/credentials/rules-validate.ts).
 * Rules beyond field types: requirement ids unique; `after` names an earlier requirement.
 */
export const CertificationSchema = z
	.object({
		/** Equals the file name, e.g. "release-manager". */
		id: Id,
		/** Name as the seed gives it, e.g. "QMS Associate", "Level 1 Engineer", "Performance Expert". */
		name: z.string().min(1),
		/** A certificate (a document, may expire) or a badge (recognition of one achievement). */
		kind: z.enum(['certificate', 'badge']),
		/** Program it belongs to. */
		program: z.enum(PROGRAM_IDS),
		/** Level in the program's ladder, where the seed has one (000 Levels 1–3, 004 Levels 1–2). */
		level: z.number().int().min(1).max(3).optional(),
		/** One or two sentences: what it recognises (shown on the page and in the credential). */
		description: z.string().min(1),
		/** The rule as the seed states it, in this site's words with every number and name exact (Open Badges `criteria.narrative`). */
		criteria: z.string().min(1),
		/** Seed section(s) the rule comes from. */
		source: z.union([SourceSchema, z.array(SourceSchema).min(1)]).transform((s) => (Array.isArray(s) ? s : [s])),
		/** Page id of the curriculum page that describes it. */
		page: PageId,
		/** Certification ids that must be earned first; until then this one is locked. */
		prerequisites: z.array(Id).default([]),
		/** How long it stays valid after it is earned, e.g. 2 years (004, certificates); absent = does not expire. */
		validity: z.object({ years: z.number().int().positive() }).optional(),
		/** What earns it: every requirement must be met. */
		requirements: z.array(RequirementSchema).min(1),
	})
	.superRefine((c, ctx) => {
		const seen = new Set<string>();
		c.requirements.forEach((r, i) => {
			if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'id'], message: `duplicate requirement id "${r.id}"` });
			if (r.kind === 'quiz-passed') {
				r.after.forEach((a, j) => {
					if (!seen.has(a)) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'after', j], message: `"${a}" is not an earlier requirement id` });
				});
			}
			seen.add(r.id);
		});
		if (c.prerequisites.includes(c.id)) ctx.addIssue({ code: 'custom', path: ['prerequisites'], message: 'a certification cannot require itself' });
	});
export type CertificationDef = z.output<typeof CertificationSchema>;
