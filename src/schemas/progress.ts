/**
 * The learner record: everything a learner does on the site, stored in the browser
 * (localStorage key `qms-training:progress`) and carried in export files.
 *
 * Uses `zod/mini` rather than `astro/zod`: this schema is parsed in the browser on every page,
 * and classic zod adds about 90 KB gzip to each page; zod/mini adds about 8 KB.
 *
 * Limits (string lengths, list sizes, ./limits.ts) bound what a tampered or hostile file can make
 * us store. The store parses every record with ProgressSchema before it writes it, as reads do.
 * Times are ISO 8601 UTC strings as `Date.prototype.toISOString()` writes them.
 * Version history (migrations: src/lib/progress/migrate.ts): 1 is the first version; 2 adds
 * `attestations` (issue 7: evidence a learner records that cannot happen in a browser); 3 adds
 * `signOffs` (issue 9: signed endorsements a lead made for the learner's sign-off requests); 4 adds
 * `scenarios` (issue 8: finished drill runs); 5 adds `hunts` (issue 8: finished find-it-fast hunts).
 */
import * as z from 'zod/mini';
import { PROGRESS_VERSION } from '../lib/progress/version';
import { LIMITS, NO_CONTROL_CHARACTERS } from './limits';

/** Schema version written by this build (defined in src/lib/progress/version.ts). */
export { PROGRESS_VERSION, LIMITS };

/** ISO 8601 UTC time, e.g. "2026-01-15T08:00:00.000Z". */
export const IsoTime = z.iso.datetime();
/** Content id (quiz, checklist, item, question, lab, assessment): lowercase letters, digits, dashes. */
export const ContentId = z.string().check(z.regex(new RegExp(`^[a-z0-9][a-z0-9-]{0,${LIMITS.contentId - 1}}$`)));
/** Page id, e.g. "qms-onboarding/developer/qms-introduction" (or "index" for the home page). */
export const PageId = z.string().check(z.regex(new RegExp(`^[a-z0-9][a-z0-9._/-]{0,${LIMITS.pageId - 1}}$`)));
/** Random id of one attempt or submission (see src/lib/progress/ids.ts). */
export const EntryId = z.string().check(z.regex(new RegExp(`^[A-Za-z0-9_-]{8,${LIMITS.entryId}}$`)));
/** SHA-256 hex digest (64 lowercase hex digits). */
export const Sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));
/** Text a learner typed; bounded, rendered only as text (never as HTML). */
const LearnerText = (max: number) => z.string().check(z.maxLength(max, { error: `is longer than ${max} characters` }));

/** A learner's answer to one question: choice id (single), choice ids (multiple), boolean (true/false), item ids in order (ordering). */
export const QuizAnswerSchema = z.union([ContentId, z.array(ContentId).check(z.maxLength(LIMITS.answerItems)), z.boolean()]);

/** One submitted knowledge-check attempt, graded when submitted. */
export const QuizAttemptSchema = z
	.object({
		/** Random id; attempts are merged as a union by id. */
		id: EntryId,
		/** When the learner started answering. */
		startedAt: IsoTime,
		/** When the learner submitted. */
		submittedAt: IsoTime,
		/** Answers by question id; unanswered questions are absent. */
		answers: z.record(ContentId, QuizAnswerSchema),
		/** Questions answered right. */
		correct: z.int().check(z.gte(0)),
		/** Questions in the bank at the time. */
		total: z.int().check(z.gte(1), z.lte(1000)),
		/** Percent of questions right, 0–100 (not rounded). */
		score: z.number().check(z.gte(0), z.lte(100)),
		/** Pass mark in force at the time, percent. */
		passMark: z.number().check(z.gte(0), z.lte(100)),
		/** score ≥ passMark. */
		passed: z.boolean(),
	})
	.check(z.refine((a) => a.correct <= a.total, { message: 'correct must not exceed total', path: ['correct'] }));
export type QuizAttempt = z.infer<typeof QuizAttemptSchema>;

/** A tick or untick of one checklist item; the newer one wins in merges. */
export const TickSchema = z.object({
	/** Ticked (true) or unticked (false). */
	checked: z.boolean(),
	/** When it was ticked or unticked. */
	at: IsoTime,
});
export type Tick = z.infer<typeof TickSchema>;

/** "Certification Date" and "Certified By" of a checklist (001, Release Manager Training Checklist). */
export const CertificationSchema = z.object({
	/** Date of certification, a real calendar date YYYY-MM-DD (2026-02-30 is refused), or '' when not filled in. */
	date: z.union([z.iso.date(), z.literal('')]),
	/** Who certified (name as typed), or ''. */
	by: LearnerText(LIMITS.certifiedBy),
	/** When these fields were last saved; the newer save wins in merges. */
	at: IsoTime,
});
export type Certification = z.infer<typeof CertificationSchema>;

/** Everything ticked on one checklist. */
export const ChecklistStateSchema = z.object({
	/** Latest tick or untick by item id. */
	items: z.record(ContentId, TickSchema),
	/** Certification fields, when the checklist has them and they were saved. */
	certification: z.optional(CertificationSchema),
});
export type ChecklistState = z.infer<typeof ChecklistStateSchema>;

/** One submission of a self-assessment (e.g. 001 "Release Readiness Self-Assessment"); every one is kept. */
export const SelfAssessmentSubmissionSchema = z.object({
	id: EntryId,
	/** File name in content/assessments, without .yaml. */
	assessmentId: ContentId,
	/** When submitted. */
	at: IsoTime,
	/** Rating 1–5 by statement id. */
	ratings: z.record(ContentId, z.int().check(z.gte(1), z.lte(5))),
	/** Mean of the ratings, 1–5. */
	average: z.number().check(z.gte(1), z.lte(5)),
});
export type SelfAssessmentSubmission = z.infer<typeof SelfAssessmentSubmissionSchema>;

/** One training feedback form as filled in (001, Training Feedback Loop); every one is kept. */
export const FeedbackEntrySchema = z.object({
	id: EntryId,
	/** File name in content/forms, without .yaml. */
	formId: ContentId,
	/** When submitted. */
	at: IsoTime,
	/** Module or session the feedback is about, as the learner named it. */
	subject: LearnerText(LIMITS.feedbackSubject),
	/** Ratings 1–5 by question id (e.g. "Was this training helpful?"). */
	ratings: z.record(ContentId, z.int().check(z.gte(1), z.lte(5))),
	/** Free-text answers by question id. */
	texts: z.record(ContentId, LearnerText(LIMITS.feedbackText)),
});
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;

/** A read-and-understood acknowledgement of one revision of a page. */
export const AcknowledgementSchema = z.object({
	/** SHA-256 of the page's source body at the revision acknowledged. */
	hash: Sha256Hex,
	/** When the learner acknowledged it. */
	at: IsoTime,
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

/** Reading state of one page. */
export const ReadingStateSchema = z.object({
	/** Marked as read (true) or unmarked (false). */
	read: z.boolean(),
	/** When `read` last changed; the newer change wins in merges. */
	at: IsoTime,
	/** Every revision acknowledged, one entry per hash. */
	acks: z.array(AcknowledgementSchema).check(z.maxLength(LIMITS.acks)),
});
export type ReadingState = z.infer<typeof ReadingStateSchema>;

/** One run of a lab's checks. */
export const LabAttemptSchema = z.object({
	id: EntryId,
	/** When the run finished. */
	at: IsoTime,
	/** Which runner ran the checks. */
	runner: z.enum(['webcontainer', 'offline']),
	/** All checks passed. */
	passed: z.boolean(),
	/** Each check's result. */
	checks: z.array(z.object({ name: LearnerText(LIMITS.labCheckName), passed: z.boolean() })).check(z.maxLength(LIMITS.labChecks)),
	/** Wall-clock time of the run, milliseconds. */
	durationMs: z.int().check(z.gte(0)),
});
export type LabAttempt = z.infer<typeof LabAttemptSchema>;

/** Learner profile. */
export const ProfileSchema = z.object({
	/** Name to print on certificates; '' when not given. Control characters are refused. */
	displayName: LearnerText(LIMITS.displayName).check(z.regex(NO_CONTROL_CHARACTERS)),
	/** When the name was last set; the newer name wins in merges. Absent when never set. */
	updatedAt: z.optional(IsoTime),
});
export type Profile = z.infer<typeof ProfileSchema>;

const MANY = LIMITS.entries;

/** Attempts of one knowledge check. */
export const QuizHistorySchema = z.object({ attempts: z.array(QuizAttemptSchema).check(z.maxLength(MANY)) });
export type QuizHistory = z.infer<typeof QuizHistorySchema>;

/**
 * Runs of one lab: the first and the fastest passing run and the last LIMITS.labRunsKept runs are
 * kept; older runs are only counted, so the record stays small and nothing is hidden
 * ("and 37 earlier runs"). Trimming rule: src/lib/progress/record.ts (normalize).
 */
export const LabHistorySchema = z.object({
	attempts: z.array(LabAttemptSchema).check(z.maxLength(MANY)),
	/** Runs no longer kept: how many, and the time of the latest of them. Absent when none was dropped. */
	earlier: z.optional(z.object({ count: z.int().check(z.gte(1)), through: IsoTime })),
});
export type LabHistory = z.infer<typeof LabHistorySchema>;

/**
 * One attested item: evidence the learner records for a certification requirement that cannot
 * happen in a browser (e.g. "Shadow experienced team member (minimum 2 days)", 001 Certification
 * Process). It counts towards a certification only with a sign-off (src/lib/credentials/rules.ts).
 */
export const AttestationSchema = z.object({
	/** Random id; attestations are merged as a union by id. */
	id: EntryId,
	/** Certification id (file name in content/certifications, without .yaml). */
	certification: ContentId,
	/** Requirement id within that certification. */
	requirement: ContentId,
	/** What the learner did, in their words, e.g. "Shadowed Ana on the release build". */
	what: LearnerText(LIMITS.attestationWhat),
	/** The day it happened, YYYY-MM-DD (a real calendar date). */
	date: z.iso.date(),
	/** Optional detail, e.g. who was there or where the notes are. */
	note: LearnerText(LIMITS.attestationNote),
	/** When the learner recorded it. */
	at: IsoTime,
	/** When the learner removed it; a removed entry stays as a marker so a merge does not bring it back. */
	removedAt: z.optional(IsoTime),
});
export type Attestation = z.infer<typeof AttestationSchema>;

/**
 * One imported sign-off (issue 9): the signed endorsement file a lead made from the learner's
 * sign-off request, kept as the lead signed it. Only the signature-checked content counts: the
 * page verifies `jws` again every time it evaluates the rules (src/lib/signoff/endorsement.ts),
 * so an entry edited in storage counts for nothing.
 */
export const SignOffEntrySchema = z.object({
	/** The endorsement's certificate ID (SHA-256 hex of its content); the same endorsement imported twice is kept once. */
	id: Sha256Hex,
	/** The endorsement as a compact JWS (VC-JWT of an OB 3.0 EndorsementCredential). */
	jws: z.string().check(z.maxLength(LIMITS.signOffJws), z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)),
	/** When the learner imported it. */
	importedAt: IsoTime,
});
export type SignOffEntry = z.infer<typeof SignOffEntrySchema>;

/** One decision of a drill run: the step, the answer, when, and how right (src/lib/scenarios/engine.ts). */
export const ScenarioChoiceRecordSchema = z.object({
	/** Step id within the scenario. */
	step: ContentId,
	/** Choice id, choice ids or item ids in order, bucket id by item id, or notes text; absent when the step timed out. */
	answer: z.optional(z.union([LearnerText(4000), z.array(ContentId).check(z.maxLength(100)), z.record(ContentId, ContentId)])),
	/** Simulated minute of the decision. */
	minute: z.int().check(z.gte(0)),
	/** Share right, 0–1. */
	share: z.number().check(z.gte(0), z.lte(1)),
	/** The step's time limit passed before a decision. */
	timedOut: z.boolean(),
});

/** One finished run of a drill (content/scenarios); every run is kept. */
export const ScenarioRunSchema = z
	.object({
		/** Random id; runs are merged as a union by id. */
		id: EntryId,
		/** Scenario id (file name in content/scenarios, without .yaml). */
		scenario: ContentId,
		/** When the learner started the run (real time). */
		startedAt: IsoTime,
		/** When it finished (real time). */
		finishedAt: IsoTime,
		/** Every decision, in order. */
		choices: z.array(ScenarioChoiceRecordSchema).check(z.maxLength(200)),
		/** The exercise log: simulated minute, kind and text of each line. */
		log: z.array(z.object({ minute: z.int().check(z.gte(0)), kind: LearnerText(20), text: LearnerText(4000) })).check(z.maxLength(1000)),
		/** Points earned. */
		score: z.int().check(z.gte(0)),
		/** Points available. */
		max: z.int().check(z.gte(1), z.lte(100000)),
		/** Met the scenario's pass criteria. */
		passed: z.boolean(),
		/** Simulated minutes the run covered. */
		simulatedMinutes: z.int().check(z.gte(0)),
		/** Real time spent playing, milliseconds (pauses excluded). */
		realMs: z.int().check(z.gte(0)),
	})
	.check(z.refine((r) => r.score <= r.max, { message: 'score must not exceed max', path: ['score'] }));
export type ScenarioRun = z.infer<typeof ScenarioRunSchema>;

/** One target of a find-it-fast hunt and how it went (src/lib/hunt/run.ts). */
export const HuntTargetRecordSchema = z.object({
	/** Page id of the target. */
	page: PageId,
	/** The page's title at the time. */
	title: LearnerText(LIMITS.huntTitle),
	/** Found (on its page before the limit), skipped by the learner, or timed out at the limit. */
	status: z.enum(['found', 'skipped', 'timed-out']),
	/** Time spent on it, milliseconds (pauses excluded). */
	ms: z.int().check(z.gte(0)),
});
export type HuntTargetRecord = z.infer<typeof HuntTargetRecordSchema>;

/**
 * One finished find-it-fast hunt (001, Universal Competency 1 "Release Documentation Navigation":
 * "Navigate to 5 random docs by topic/role/phase", "Find relevant document in <2 minutes"); every
 * run is kept. `passed` is refused unless every target was found in under `limitMs`.
 */
export const HuntRunSchema = z
	.object({
		/** Random id; runs are merged as a union by id. */
		id: EntryId,
		/** When the hunt started (real time). */
		startedAt: IsoTime,
		/** When it finished (real time). */
		finishedAt: IsoTime,
		/** Seed of the draw: the hunt page's `?seed=` replays the same targets. */
		seed: z.int().check(z.gte(0), z.lte(0xffff_ffff)),
		/** Time allowed per target, milliseconds (120 000: "<2 minutes"). */
		limitMs: z.int().check(z.gte(1)),
		/** The targets in the order drawn. */
		targets: z.array(HuntTargetRecordSchema).check(z.minLength(1), z.maxLength(LIMITS.huntTargets)),
		/** Every target found in under limitMs. */
		passed: z.boolean(),
	})
	.check(
		z.refine((r) => !r.passed || r.targets.every((t) => t.status === 'found' && t.ms < r.limitMs), {
			message: 'a passed hunt must have every target found within the limit',
			path: ['passed'],
		}),
	);
export type HuntRun = z.infer<typeof HuntRunSchema>;

/** The whole learner record, version 5. */
export const ProgressSchema = z.object({
	/** Schema version; see PROGRESS_VERSION. */
	version: z.literal(PROGRESS_VERSION),
	/**
	 * When this record's history began (first use, or the last reset or undo). Tabs that hold an
	 * older epoch adopt the newer record instead of merging into it, so a reset is not undone by
	 * another open tab.
	 */
	epoch: IsoTime,
	/** Last change. */
	updatedAt: IsoTime,
	profile: ProfileSchema,
	/** Attempts by quiz id. */
	quizzes: z.record(ContentId, QuizHistorySchema),
	/** State by checklist id. */
	checklists: z.record(ContentId, ChecklistStateSchema),
	/** Every self-assessment submission. */
	selfAssessments: z.array(SelfAssessmentSubmissionSchema).check(z.maxLength(MANY)),
	/** Every feedback form submitted. */
	feedback: z.array(FeedbackEntrySchema).check(z.maxLength(MANY)),
	/** Reading state by page id. */
	reading: z.record(PageId, ReadingStateSchema),
	/** Runs by lab id. */
	labs: z.record(ContentId, LabHistorySchema),
	/** Every attested item (since version 2). */
	attestations: z.array(AttestationSchema).check(z.maxLength(MANY)),
	/** Every imported sign-off (since version 3). */
	signOffs: z.array(SignOffEntrySchema).check(z.maxLength(LIMITS.signOffs)),
	/** Every finished drill run (since version 4). */
	scenarios: z.array(ScenarioRunSchema).check(z.maxLength(MANY)),
	/** Every finished find-it-fast hunt (since version 5). */
	hunts: z.array(HuntRunSchema).check(z.maxLength(MANY)),
});
export type ProgressRecord = z.infer<typeof ProgressSchema>;
