/**
 * A drill or simulation (issue 8): content/scenarios/<id>.yaml, played by <Scenario id="…"/> and
 * run by the pure state machine in src/lib/scenarios/. Modelled on tabletop-exercise platforms:
 * injects on a simulated timeline, decision steps with a time limit each, milestones that award
 * points, hints when a deadline is missed, an exercise log and a debrief.
 *
 * Times are simulated minutes from the start of the clock (0 = `clock.start`). Cross-references
 * (roles, steps, choices, buckets, milestones) are checked here, so `astro build` fails naming the
 * file and the field when one points at nothing.
 */
import { z } from 'astro/zod';
import { SourceSchema } from './page';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
/** Simulated minutes from the start of the clock. */
const Minute = z.number().int().min(0).max(7 * 24 * 60);

/** A role taking part, e.g. "Release Manager: Lead the launch, make GO/NO-GO call" (001, Exercise 1). */
export const ScenarioRoleSchema = z.object({
	/** Stable id, e.g. "release-manager". */
	id: Id,
	/** Role name as the seed writes it. */
	name: z.string().min(1),
	/** What the role does in this drill. */
	duty: z.string().min(1),
});

/** An event on the timeline: arrives at a simulated minute, or right after a step is answered. */
export const InjectSchema = z
	.object({
		/** Stable id within the scenario. */
		id: Id,
		/** Simulated minute it arrives at (exactly one of `at` / `after`). */
		at: Minute.optional(),
		/** Step id: it arrives when that step is answered (or times out). */
		after: Id.optional(),
		/** Only when the learner picked this choice of the `after` step (a branch). */
		choice: Id.optional(),
		/** Role that reports it (a role id), if any. */
		from: Id.optional(),
		/** What happens, as the log shows it. */
		text: z.string().min(1),
	})
	.refine((i) => (i.at === undefined) !== (i.after === undefined), { message: 'give exactly one of `at` and `after`' })
	.refine((i) => i.choice === undefined || i.after !== undefined, { message: '`choice` needs `after`', path: ['choice'] });

/** One option of a single- or multiple-choice step. */
export const ScenarioChoiceSchema = z.object({
	/** Stable id within the step. */
	id: Id,
	/** What the learner decides, as shown. */
	text: z.string().min(1),
	/** Whether it is a right decision (multiple: all and only the right ones must be picked). */
	correct: z.boolean().default(false),
	/** Shown in the log after the decision: why it is right or wrong. */
	feedback: z.string().min(1),
	/** Simulated minutes the action takes (the clock moves on by this much). */
	minutes: z.number().int().min(0).max(24 * 60).default(0),
});

/** An item to order or classify. */
export const ScenarioItemSchema = z.object({
	/** Stable id within the step. */
	id: Id,
	/** Item text as shown. */
	text: z.string().min(1),
	/** classify: the bucket id it belongs in. */
	bucket: Id.optional(),
	/** Shown in the debrief when the item is misplaced: why it belongs where it does. */
	feedback: z.string().min(1).optional(),
});

const StepBase = {
	/** Stable id within the scenario; the learner record stores answers by it. */
	id: Id,
	/** Short name of the task, e.g. "Contain the breach". */
	title: z.string().min(1),
	/** Role acting (a role id). */
	role: Id,
	/** Earliest simulated minute the step opens (else as soon as the previous step closes). */
	at: Minute.optional(),
	/** Simulated minutes allowed from when the step opens; past it the step times out and counts as missed. */
	limit: z.number().int().min(1).max(24 * 60),
	/** What the learner must decide, as shown. */
	prompt: z.string().min(1),
	/** Shown in the log when the limit is missed. */
	hint: z.string().min(1),
};

/** Pick one choice. */
export const SingleStepSchema = z.object({ kind: z.literal('single'), ...StepBase, choices: z.array(ScenarioChoiceSchema).min(2) });
/** Pick every right choice and no other. */
export const MultipleStepSchema = z.object({ kind: z.literal('multiple'), ...StepBase, choices: z.array(ScenarioChoiceSchema).min(2) });
/** Put the items in order; the file lists them in the right order (shown shuffled). */
export const OrderingStepSchema = z.object({
	kind: z.literal('ordering'),
	...StepBase,
	items: z.array(ScenarioItemSchema).min(2),
	/** Simulated minutes the step takes once answered. */
	minutes: z.number().int().min(0).default(0),
	/** Shown after the answer. */
	feedback: z.string().min(1),
});
/** Put each item in a bucket; the score is the share placed right. */
export const ClassifyStepSchema = z.object({
	kind: z.literal('classify'),
	...StepBase,
	/** The buckets, e.g. P0-P3 or Discord / GitHub / email. */
	buckets: z.array(z.object({ id: Id, label: z.string().min(1) })).min(2),
	items: z.array(ScenarioItemSchema).min(1),
	minutes: z.number().int().min(0).default(0),
	feedback: z.string().min(1),
});
/** Free-text notes (e.g. a status update); counted done when at least `minLength` characters are written. */
export const NotesStepSchema = z.object({
	kind: z.literal('notes'),
	...StepBase,
	/** Characters needed to count as done (this site's rule: the seeds do not grade free text). */
	minLength: z.number().int().min(1).max(2000),
	minutes: z.number().int().min(0).default(0),
	/** Shown after the notes are saved: what good notes contain. */
	feedback: z.string().min(1),
});

export const ScenarioStepSchema = z.discriminatedUnion('kind', [SingleStepSchema, MultipleStepSchema, OrderingStepSchema, ClassifyStepSchema, NotesStepSchema]);

/** Points awarded when a step is answered right (by a simulated deadline, when `by` is set). */
export const MilestoneSchema = z.object({
	/** Stable id within the scenario. */
	id: Id,
	/** Task or check name as the seed writes it, e.g. "Identify metrics" or "Did you contain the breach within 15 minutes?". */
	title: z.string().min(1),
	/** Group shown in the debrief, e.g. "Detection" (004 task streams). */
	group: z.string().min(1).optional(),
	/** Points awarded (004: detection 10 + 15 …). */
	points: z.number().int().min(1).max(1000),
	/** Step whose answer earns it. */
	step: Id,
	/** Simulated minute by which the step must be answered, if any (001: contain within 15 minutes). */
	by: Minute.optional(),
	/** Award points × share right (classify) instead of all or nothing. */
	partial: z.boolean().default(false),
});

export const ScenarioSchema = z
	.object({
		/** Drill name as shown. */
		title: z.string().min(1),
		/** Page id the drill is played on, e.g. "release-readiness/scenarios/launch-dry-run". */
		page: z.string().min(1),
		/** Where it comes from (seed and section). */
		source: SourceSchema,
		/** One paragraph setting the scene. */
		situation: z.string().min(1),
		roles: z.array(ScenarioRoleSchema).min(1),
		/** The simulated clock. */
		clock: z.object({
			/** Wall time at minute 0 as HH:MM (24 h), e.g. "08:00" (001: launch day 8:00 AM EST); absent: shown as "minute N". */
			start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM').optional(),
			/** Date and zone label, e.g. "January 15, 2026 (EST)". */
			label: z.string().min(1).optional(),
			/** Simulated minutes that pass per real second while a step is open (0 = the clock only moves with decisions). */
			speed: z.number().min(0).max(60),
			/** Simulated minute the exercise ends at. */
			end: Minute,
		}),
		injects: z.array(InjectSchema).default([]),
		steps: z.array(ScenarioStepSchema).min(1),
		milestones: z.array(MilestoneSchema).min(1),
		/** Pass criteria: every milestone listed met, at least `minPoints` and at least `minGroups` groups fully met. */
		pass: z.object({
			/** Milestone ids that must all be met. */
			milestones: z.array(Id).default([]),
			/** Points needed (0 = none). */
			minPoints: z.number().int().min(0).default(0),
			/** Milestone groups (e.g. one incident each) that must have every milestone met (0 = none); 001 Engineering Lead: debug 2 simulated incidents. */
			minGroups: z.number().int().min(0).default(0),
			/** The rule in words, naming its source (or "this site's rule" when the seed sets none). */
			text: z.string().min(1),
		}),
		/** The seed's debrief questions. */
		debrief: z.array(z.string().min(1)).min(1),
	})
	.superRefine((s, ctx) => {
		const roles = new Set(s.roles.map((r) => r.id));
		const steps = new Map(s.steps.map((st) => [st.id, st]));
		const milestones = new Set(s.milestones.map((m) => m.id));
		const dup = (xs: { id: string }[], path: string) => {
			const seen = new Set<string>();
			xs.forEach((x, i) => {
				if (seen.has(x.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${x.id}"`, path: [path, i, 'id'] });
				seen.add(x.id);
			});
		};
		dup(s.roles, 'roles');
		dup(s.steps, 'steps');
		dup(s.injects, 'injects');
		dup(s.milestones, 'milestones');
		s.steps.forEach((st, i) => {
			if (!roles.has(st.role)) ctx.addIssue({ code: 'custom', message: `unknown role "${st.role}"`, path: ['steps', i, 'role'] });
			if (st.kind === 'single' && st.choices.filter((c) => c.correct).length !== 1) ctx.addIssue({ code: 'custom', message: 'a single step needs exactly one correct choice', path: ['steps', i, 'choices'] });
			if (st.kind === 'multiple' && !st.choices.some((c) => c.correct)) ctx.addIssue({ code: 'custom', message: 'a multiple step needs at least one correct choice', path: ['steps', i, 'choices'] });
			if (st.kind === 'single' || st.kind === 'multiple') dup(st.choices, `steps.${i}.choices`);
			if (st.kind === 'ordering' || st.kind === 'classify') dup(st.items, `steps.${i}.items`);
			if (st.kind === 'classify') {
				const buckets = new Set(st.buckets.map((b) => b.id));
				st.items.forEach((it, j) => {
					if (!it.bucket || !buckets.has(it.bucket)) ctx.addIssue({ code: 'custom', message: `unknown or missing bucket "${it.bucket ?? ''}"`, path: ['steps', i, 'items', j, 'bucket'] });
				});
			}
		});
		s.injects.forEach((inj, i) => {
			if (inj.from && !roles.has(inj.from)) ctx.addIssue({ code: 'custom', message: `unknown role "${inj.from}"`, path: ['injects', i, 'from'] });
			if (inj.after && !steps.has(inj.after)) ctx.addIssue({ code: 'custom', message: `unknown step "${inj.after}"`, path: ['injects', i, 'after'] });
			const st = inj.after ? steps.get(inj.after) : undefined;
			if (inj.choice && st && !('choices' in st && st.choices.some((c) => c.id === inj.choice))) ctx.addIssue({ code: 'custom', message: `step "${inj.after}" has no choice "${inj.choice}"`, path: ['injects', i, 'choice'] });
			if (inj.at !== undefined && inj.at > s.clock.end) ctx.addIssue({ code: 'custom', message: 'after the end of the clock', path: ['injects', i, 'at'] });
		});
		s.milestones.forEach((m, i) => {
			if (!steps.has(m.step)) ctx.addIssue({ code: 'custom', message: `unknown step "${m.step}"`, path: ['milestones', i, 'step'] });
		});
		s.pass.milestones.forEach((id, i) => {
			if (!milestones.has(id)) ctx.addIssue({ code: 'custom', message: `unknown milestone "${id}"`, path: ['pass', 'milestones', i] });
		});
		const max = s.milestones.reduce((n, m) => n + m.points, 0);
		const groups = new Set(s.milestones.flatMap((m) => (m.group ? [m.group] : [])));
		if (s.pass.minGroups > groups.size) ctx.addIssue({ code: 'custom', message: `more than the ${groups.size} milestone groups`, path: ['pass', 'minGroups'] });
		if (s.pass.minPoints > max) ctx.addIssue({ code: 'custom', message: `more than the ${max} points available`, path: ['pass', 'minPoints'] });
		let prev = 0;
		s.steps.forEach((st, i) => {
			if (st.at !== undefined && st.at < prev) ctx.addIssue({ code: 'custom', message: 'steps must be in time order', path: ['steps', i, 'at'] });
			if (st.at !== undefined) prev = st.at;
			if (st.at !== undefined && st.at > s.clock.end) ctx.addIssue({ code: 'custom', message: 'after the end of the clock', path: ['steps', i, 'at'] });
		});
	});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioStep = z.infer<typeof ScenarioStepSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type ScenarioInject = z.infer<typeof InjectSchema>;
