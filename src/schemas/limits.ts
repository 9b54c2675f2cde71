/**
 * Every size limit of the learner record (src/schemas/progress.ts), defined once. The schema
 * checks them on every read and every write; forms take their `maxlength` from here and the
 * page-load peek (src/lib/progress/peek.ts) uses the same numbers, so a value the form accepts is
 * one the store saves and a tampered value can put no more text on a page than a valid one.
 * Plain numbers (no zod), so Astro components and the peek can import them without zod.
 */
export const LIMITS = {
	/** Content id (quiz, checklist, item, question, lab, assessment), characters. */
	contentId: 120,
	/** Page id, characters. */
	pageId: 240,
	/** Attempt or submission id, characters (at least 8). */
	entryId: 64,
	/** Display name printed on certificates, characters. */
	displayName: 80,
	/** "Certified by" of a checklist (001, Release Manager Training Checklist), characters. */
	certifiedBy: 120,
	/** Subject of a training feedback form, characters. */
	feedbackSubject: 200,
	/** One free-text feedback answer, characters. */
	feedbackText: 4000,
	/** What one attested item was (issue 7: evidence recorded by the learner), characters. */
	attestationWhat: 200,
	/** Note on one attested item, characters. */
	attestationNote: 1000,
	/** One imported sign-off (a compact JWS of an endorsement, issue 9), characters. */
	signOffJws: 32_000,
	/** Sign-offs kept in one record. */
	signOffs: 500,
	/** Name of one lab check (suite and test titles), characters; longer names are cut with "…". */
	labCheckName: 300,
	/** Checks kept per lab run. */
	labChecks: 500,
	/** Items in one ordering or multiple-choice answer. */
	answerItems: 100,
	/** Acknowledged revisions per page. */
	acks: 500,
	/** Entries in one list of the record (attempts of one quiz, self-assessments, feedback forms). */
	entries: 5000,
	/** Lab runs kept per lab besides the best one; older runs are counted, not kept (src/lib/progress/record.ts). */
	labRunsKept: 20,
	/** Title of one find-it-fast hunt target as kept in a run, characters. */
	huntTitle: 300,
	/** Targets in one find-it-fast hunt run. */
	huntTargets: 20,
	/** Length of an ISO 8601 time as the peek accepts it, characters. */
	isoTime: 40,
} as const;

/**
 * Text a person typed that is printed on certificates and sign-offs (names, roles): no control
 * characters (C0 and DEL), so a name cannot carry line breaks or terminal escapes into a file.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point.
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
