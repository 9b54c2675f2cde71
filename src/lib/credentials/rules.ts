/**
 * Certification rules (issue 7): whether a learner has earned each certificate and badge of
 * content/certifications, and, for every requirement not met, what is still needed, in words.
 * Pure: the page passes the catalog (built at build time, src/build/certifications.ts), the learner
 * record and the clock (`now`, ISO); nothing here reads the time, the DOM or storage.
 *
 * Rules, per requirement kind (src/schemas/certification.ts):
 * - quiz-passed: an attempt reached the quiz's pass mark (grading.ts compares without rounding),
 *   among the attempts its policy allows (003 Gate 2 "Retesting allowed once" = the first 2), and
 *   submitted after the requirements named in `after` were met (003 Gate 1 "No exceptions policy").
 * - modules-read: every page marked as read; modules-done: read and every knowledge check on the
 *   page passed (the My progress definition of a module done, src/lib/progress/curriculum.ts).
 * - lab-passed: a run in which every check passed. checklist-complete: every item (of the sections
 *   named) ticked. self-assessment: the latest submission averages at least `minAverage`.
 * - scenario-passed: `count` finished runs of the drill that met its pass criteria (issue 8,
 *   content/scenarios); a drill id with no scenario file is reported `available: false`, never met.
 * - hunt-passed: `count` finished find-it-fast hunts that passed, every target found in under 2
 *   minutes (001, Universal Competency 1; record `hunts`).
 * - attested: met when at least `count` of the learner's items are approved in a verified sign-off
 *   that counts on this site (issue 9). The page passes the sign-offs already checked
 *   (src/lib/signoff/endorsement.ts: signature, structure, id) and named under the site's trust
 *   rule (src/lib/signoff/leads.ts: published leads count; unknown keys only when the site allows).
 *   An approved item counts only while the record holds it with the same id, text, date and note,
 *   so editing or removing an item after the sign-off un-counts it.
 * - sign-off: met when a counting sign-off approves the requirement.
 *   A sign-off that does not count (unknown key) is named in `missing` with the reason.
 * A certification is locked while a prerequisite is not earned, earned when every requirement is
 * met, else in progress. `earnedAt` is when the last requirement (or prerequisite) became met,
 * taken from the evidence's own times, so it does not change when evaluated again.
 */
import type { CertificationDef, Requirement, Signer } from '../../schemas/certification';
import type { Attestation, LabAttempt, ProgressRecord, QuizAttempt, ScenarioRun } from '../../schemas/progress';
import { bestAttempt, chronological } from '../progress/attempts';
import { displayPercent } from '../progress/percent';
import { bandFor, formatAverage, type Band } from '../progress/self-assessment';
import { compareTime } from '../progress/time';
import { addYearsUtc, isoDay, renewalState } from './rules-dates';
import { notCountedReason, signerLabel, type SignerInfo } from '../signoff/signer';
import type { SignOffClaim } from '../../schemas/signoff-endorsement';

/** A sign-off the page has verified (src/lib/signoff/endorsement.ts checkStoredSignOffs), as the rules use it. */
export interface VerifiedSignOff {
	/** Certificate ID of the endorsement. */
	id: string;
	/** The endorsement as signed (carried into exported credentials as `endorsementJwt`). */
	jws: string;
	claim: SignOffClaim;
	signer: SignerInfo;
	/** ISO time it was signed. */
	signedAt: string;
}

export type { CertificationDef } from '../../schemas/certification';

/** A knowledge check as the rules need it. */
export interface CatalogQuiz {
	title: string;
	/** Page it is embedded in, e.g. "/tool-adoption/gates/gate-1-knowledge-foundation/". */
	href: string;
	/** Percent, 0–100. */
	passMark: number;
	/** Attempts allowed in all; null = unlimited. */
	maxAttempts: number | null;
}
export interface CatalogLab {
	title: string;
	/** "/labs/<id>/". */
	href: string;
}
export interface CatalogChecklist {
	title: string;
	href: string;
	sections: { id: string; title: string; items: { id: string; text: string }[] }[];
}
export interface CatalogPage {
	title: string;
	href: string;
	/** Knowledge checks embedded in the page (quiz ids). */
	quizzes: string[];
	/** Path pages: module page ids in order; [] otherwise. */
	modules: string[];
}
/** A drill (content/scenarios) as the rules need it. */
export interface CatalogScenario {
	title: string;
	/** Page it is played on. */
	href: string;
}
export interface CatalogAssessment {
	title: string;
	href: string;
	bands: Band[];
}

/**
 * Everything the rules (and the My credentials page) need, serializable as JSON: the definitions
 * and the label, link and pass mark of every quiz, lab, checklist, page and assessment they name.
 * Maps are keyed by id.
 */
export interface CertificationCatalog {
	certifications: CertificationDef[];
	quizzes: Record<string, CatalogQuiz>;
	labs: Record<string, CatalogLab>;
	checklists: Record<string, CatalogChecklist>;
	pages: Record<string, CatalogPage>;
	assessments: Record<string, CatalogAssessment>;
	/** Drills named by scenario-passed requirements that exist (absent in catalogs built before drills). */
	scenarios?: Record<string, CatalogScenario>;
}

/** One piece of evidence behind a requirement (and in the Open Badges `evidence` list). */
export interface Evidence {
	kind: 'quiz' | 'lab' | 'checklist' | 'reading' | 'self-assessment' | 'attestation' | 'sign-off' | 'scenario' | 'hunt';
	/** Quiz, lab, checklist, page, assessment or scenario id; the attested item's id; the hunt run's id. */
	id: string;
	/** Its title (attested items: what the learner wrote). */
	name: string;
	/** What it shows, e.g. 'Best score 90 % (pass mark 85 %) on 2026-11-02'. Plain text. */
	description: string;
	/** ISO time of the evidence. */
	at: string;
	href?: string;
}

export interface RequirementStatus {
	id: string;
	/** The requirement as the definition words it. */
	text: string;
	kind: Requirement['kind'];
	met: boolean;
	/** False when the site cannot record it yet (drills, sign-offs); such a requirement is never met. */
	available: boolean;
	/** Where to go to work on it. */
	href?: string;
	/** Countable progress, e.g. 3 of 4 modules read, 2 of 10 users. */
	progress?: { done: number; total: number };
	/** What is still needed, one plain-language sentence per item, each naming the thing; [] when met. */
	missing: string[];
	evidence: Evidence[];
	/** ISO time it became met (from the evidence); only when met. */
	metAt?: string;
}

export interface CredentialStatus {
	id: string;
	kind: 'certificate' | 'badge';
	name: string;
	program: string;
	state: 'earned' | 'in-progress' | 'locked';
	requirements: RequirementStatus[];
	/** Names of the prerequisites not earned yet; only when locked. */
	lockedBy?: string[];
	/** ISO time the last requirement (or prerequisite) became met; only when earned. */
	earnedAt?: string;
	/** earnedAt plus the validity (004: 2 years); only when earned and the definition has a validity. */
	expiresAt?: string;
	/** 'due' from 30 days before expiresAt, 'expired' from it on; 'none' otherwise. */
	renewal: 'none' | 'due' | 'expired';
	/** Evidence of every requirement, in requirement order. */
	evidence: Evidence[];
	/** The sign-offs (compact JWS) that met requirements of this certification, for the exported credential's `endorsementJwt`. */
	endorsements: string[];
}

const SIGNER_NAMES: Record<Signer, string> = { buddy: 'your buddy', peer: 'a peer reviewer', lead: 'a team lead or manager' };
const NOT_YET = 'not available on this site yet';

const own = <T>(m: Readonly<Record<string, T>>, id: string): T | undefined => (Object.hasOwn(m, id) ? m[id] : undefined);
const latest = (times: string[]): string | undefined => times.reduce<string | undefined>((a, b) => (a === undefined || compareTime(b, a) > 0 ? b : a), undefined);
const quote = (s: string) => `"${s}"`;
/** "a, b, c and 2 more" for a long list of things still to do. */
function listSome(items: string[], max = 5): string {
	if (items.length <= max) return items.join(', ');
	return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** What a rule's evaluation needs besides the record. */
interface Context {
	def: CertificationDef;
	record: ProgressRecord;
	catalog: CertificationCatalog;
	/** metAt of the requirements evaluated so far (for `after`). */
	metAt: Map<string, string | undefined>;
	/** Verified sign-offs for this certification. */
	signOffs: readonly VerifiedSignOff[];
	/** Sign-offs that met a requirement (their jws), in order of use. */
	used: Set<string>;
}

type Partial_ = Omit<RequirementStatus, 'id' | 'text' | 'kind'>;

/** The outcome of a knowledge check under its policy. */
interface QuizOutcome {
	quiz: CatalogQuiz | undefined;
	attempts: QuizAttempt[];
	/** Attempts the policy counts (the first maxAttempts). */
	counted: QuizAttempt[];
	/** First counted pass at or after `since`. */
	pass?: QuizAttempt;
	best?: QuizAttempt;
}

function quizOutcome(ctx: Context, quizId: string, since?: string): QuizOutcome {
	const quiz = own(ctx.catalog.quizzes, quizId);
	const attempts = chronological(own(ctx.record.quizzes, quizId)?.attempts ?? []);
	const counted = quiz?.maxAttempts == null ? attempts : attempts.slice(0, quiz.maxAttempts);
	const pass = counted.find((a) => a.passed && (since === undefined || compareTime(a.submittedAt, since) >= 0));
	return { quiz, attempts, counted, pass, best: bestAttempt(attempts) };
}

function quizEvidence(quizId: string, o: QuizOutcome): Evidence[] {
	if (!o.best) return [];
	const title = o.quiz?.title ?? quizId;
	const mark = o.quiz ? ` (pass mark ${o.quiz.passMark} %)` : '';
	return [{ kind: 'quiz', id: quizId, name: title, description: `Best score ${displayPercent(o.best.score)} %${mark} on ${isoDay(o.best.submittedAt)}`, at: o.best.submittedAt, ...(o.quiz ? { href: o.quiz.href } : {}) }];
}

/** Why a knowledge check does not count yet, in one sentence. */
function quizMissing(quizId: string, o: QuizOutcome, after?: { since?: string; names: string[] }): string {
	const title = quote(o.quiz?.title ?? quizId);
	const mark = o.quiz?.passMark ?? 0;
	const best = o.best ? `best so far ${displayPercent(o.best.score)} %` : 'not attempted yet';
	if (after && after.since === undefined) return `Pass ${title} at ${mark} % once ${after.names.join(' and ')} ${after.names.length > 1 ? 'are' : 'is'} met (${best})`;
	if (after && o.counted.some((a) => a.passed)) return `Pass ${title} at ${mark} % again: your pass came before ${after.names.join(' and ')} ${after.names.length > 1 ? 'were' : 'was'} met, and only a later pass counts`;
	const max = o.quiz?.maxAttempts;
	if (max != null && o.attempts.length >= max) {
		return `No attempts left on ${title}: ${max} allowed in all, none reached the pass mark of ${mark} % (${best}); ask your coordinator about the next attempt`;
	}
	return `Pass ${title} at ${mark} % (${best})`;
}

function evalQuiz(r: Extract<Requirement, { kind: 'quiz-passed' }>, ctx: Context): Partial_ {
	const afterTimes = r.after.map((id) => ctx.metAt.get(id));
	const since = r.after.length === 0 ? undefined : afterTimes.some((t) => t === undefined) ? undefined : latest(afterTimes as string[]);
	const blocked = r.after.length > 0 && since === undefined;
	const o = quizOutcome(ctx, r.quiz, since);
	const met = !blocked && o.pass !== undefined;
	// Name what must come first by its knowledge check's title when it is one, else by its text.
	const names = r.after.map((id) => {
		const x = ctx.def.requirements.find((q) => q.id === id);
		return quote(x?.kind === 'quiz-passed' ? (own(ctx.catalog.quizzes, x.quiz)?.title ?? x.quiz) : (x?.text ?? id));
	});
	return {
		met,
		available: true,
		...(o.quiz ? { href: o.quiz.href } : {}),
		missing: met ? [] : [quizMissing(r.quiz, o, r.after.length ? { since: blocked ? undefined : since, names } : undefined)],
		evidence: quizEvidence(r.quiz, o),
		...(met ? { metAt: o.pass!.submittedAt } : {}),
	};
}

function pagesOf(r: Extract<Requirement, { kind: 'modules-read' | 'modules-done' }>, catalog: CertificationCatalog): string[] {
	if (r.pages) return r.pages;
	return own(catalog.pages, r.path!)?.modules ?? [];
}

function evalModules(r: Extract<Requirement, { kind: 'modules-read' | 'modules-done' }>, ctx: Context): Partial_ {
	const ids = pagesOf(r, ctx.catalog);
	const withChecks = r.kind === 'modules-done';
	const evidence: Evidence[] = [];
	const missing: string[] = [];
	const times: string[] = [];
	let done = 0;
	let firstOpen: string | undefined;
	for (const id of ids) {
		const page = own(ctx.catalog.pages, id);
		const title = quote(page?.title ?? id);
		const reading = own(ctx.record.reading, id);
		const read = reading?.read === true;
		if (read) {
			times.push(reading.at);
			evidence.push({ kind: 'reading', id, name: page?.title ?? id, description: `Marked as read on ${isoDay(reading.at)}`, at: reading.at, ...(page ? { href: page.href } : {}) });
		}
		const checks = withChecks ? (page?.quizzes ?? []) : [];
		const open: string[] = [];
		for (const q of checks) {
			const o = quizOutcome(ctx, q);
			evidence.push(...quizEvidence(q, o));
			if (o.pass) times.push(o.pass.submittedAt);
			else open.push(quizMissing(q, o));
		}
		if (read && open.length === 0) {
			done++;
			continue;
		}
		firstOpen ??= page?.href;
		const steps = [...(read ? [] : ['mark it as read']), ...open.map((s) => s.charAt(0).toLowerCase() + s.slice(1))];
		missing.push(withChecks ? `Finish ${title}: ${steps.join('; ')}` : `Mark ${title} as read`);
	}
	const met = ids.length > 0 && done === ids.length;
	const pathHref = r.path ? own(ctx.catalog.pages, r.path)?.href : undefined;
	const href = met ? (pathHref ?? own(ctx.catalog.pages, ids[0] ?? '')?.href) : (firstOpen ?? pathHref);
	return {
		met,
		available: true,
		...(href ? { href } : {}),
		progress: { done, total: ids.length },
		missing,
		evidence,
		...(met ? { metAt: latest(times) } : {}),
	};
}

function evalLab(r: Extract<Requirement, { kind: 'lab-passed' }>, ctx: Context): Partial_ {
	const lab = own(ctx.catalog.labs, r.lab);
	const runs: LabAttempt[] = [...(own(ctx.record.labs, r.lab)?.attempts ?? [])].sort((a, b) => compareTime(a.at, b.at) || (a.id < b.id ? -1 : 1));
	const pass = runs.find((a) => a.passed);
	const title = quote(lab?.title ?? r.lab);
	const evidence: Evidence[] = pass
		? [{ kind: 'lab', id: r.lab, name: lab?.title ?? r.lab, description: `All ${pass.checks.length} checks passed on ${isoDay(pass.at)} (${pass.runner} runner, run ${runs.indexOf(pass) + 1} of ${runs.length})`, at: pass.at, ...(lab ? { href: lab.href } : {}) }]
		: [];
	const so = runs.length === 0 ? 'not run yet' : `${runs.length} ${runs.length === 1 ? 'run' : 'runs'} so far, none with every check passing`;
	return {
		met: pass !== undefined,
		available: true,
		...(lab ? { href: lab.href } : {}),
		missing: pass ? [] : [`Pass the lab ${title}: every check must pass (${so})`],
		evidence,
		...(pass ? { metAt: pass.at } : {}),
	};
}

function evalChecklist(r: Extract<Requirement, { kind: 'checklist-complete' }>, ctx: Context): Partial_ {
	const cl = own(ctx.catalog.checklists, r.checklist);
	const sections = (cl?.sections ?? []).filter((s) => !r.sections || r.sections.includes(s.id));
	const items = sections.flatMap((s) => s.items);
	const state = own(ctx.record.checklists, r.checklist);
	const tick = (id: string) => (state && Object.hasOwn(state.items, id) ? state.items[id] : undefined);
	const ticked = items.filter((i) => tick(i.id)?.checked === true);
	const open = items.filter((i) => tick(i.id)?.checked !== true);
	const met = items.length > 0 && open.length === 0;
	const title = quote(cl?.title ?? r.checklist);
	const last = latest(ticked.map((i) => tick(i.id)!.at));
	const part = r.sections ? ` (${sections.map((s) => quote(s.title)).join(', ')})` : '';
	const evidence: Evidence[] = last
		? [{ kind: 'checklist', id: r.checklist, name: cl?.title ?? r.checklist, description: `${ticked.length} of ${items.length} items${part} ticked by the learner; last on ${isoDay(last)}`, at: last, ...(cl ? { href: cl.href } : {}) }]
		: [];
	return {
		met,
		available: true,
		...(cl ? { href: cl.href } : {}),
		progress: { done: ticked.length, total: items.length },
		missing: met ? [] : [`Tick ${open.length === 1 ? 'the last item' : `${open.length} more items`} of ${title}${part}: ${listSome(open.map((i) => quote(i.text)))}`],
		evidence,
		...(met ? { metAt: last } : {}),
	};
}

function evalSelfAssessment(r: Extract<Requirement, { kind: 'self-assessment' }>, ctx: Context): Partial_ {
	const a = own(ctx.catalog.assessments, r.assessment);
	const subs = ctx.record.selfAssessments.filter((s) => s.assessmentId === r.assessment).sort((x, y) => compareTime(x.at, y.at) || (x.id < y.id ? -1 : 1));
	const last = subs[subs.length - 1];
	const ok = (avg: number) => avg >= r.minAverage - 1e-9;
	const met = last !== undefined && ok(last.average);
	// Became met with the first submission of the latest unbroken run of qualifying ones.
	let since = subs.length;
	while (since > 0 && ok(subs[since - 1]!.average)) since--;
	const band = (avg: number) => (a ? bandFor(avg, a.bands)?.label : undefined);
	const target = band(r.minAverage);
	const title = quote(a?.title ?? r.assessment);
	const evidence: Evidence[] = last
		? [{ kind: 'self-assessment', id: r.assessment, name: a?.title ?? r.assessment, description: `Average ${formatAverage(last.average)} of 5${band(last.average) ? ` (${quote(band(last.average)!)})` : ''} on ${isoDay(last.at)}`, at: last.at, ...(a ? { href: a.href } : {}) }]
		: [];
	const need = `an average of at least ${formatAverage(r.minAverage)}${target ? ` (${quote(target)})` : ''}`;
	return {
		met,
		available: true,
		...(a ? { href: a.href } : {}),
		missing: met ? [] : [last ? `Take ${title} again and reach ${need} (latest average ${formatAverage(last.average)} on ${isoDay(last.at)})` : `Take ${title} and reach ${need} (not taken yet)`],
		evidence,
		...(met ? { metAt: subs[since]!.at } : {}),
	};
}

function evalScenario(r: Extract<Requirement, { kind: 'scenario-passed' }>, ctx: Context): Partial_ {
	const page = own(ctx.catalog.pages, r.page);
	const drill = ctx.catalog.scenarios ? own(ctx.catalog.scenarios, r.scenario) : undefined;
	const times = r.count === 1 ? '' : ` ${r.count} times`;
	if (!drill) {
		return {
			met: false,
			available: false,
			...(page ? { href: page.href } : {}),
			progress: { done: 0, total: r.count },
			missing: [`Pass the drill${times}: this drill is ${NOT_YET}; ${quote(page?.title ?? r.page)} describes it`],
			evidence: [],
		};
	}
	const runs: ScenarioRun[] = ctx.record.scenarios.filter((x) => x.scenario === r.scenario).sort((a, b) => compareTime(a.finishedAt, b.finishedAt) || (a.id < b.id ? -1 : 1));
	const passes = runs.filter((x) => x.passed);
	const met = passes.length >= r.count;
	const counted = passes.slice(0, r.count);
	const evidence: Evidence[] = counted.map((x, i) => ({
		kind: 'scenario',
		id: r.scenario,
		name: drill.title,
		description: `Passed with ${x.score} of ${x.max} points on ${isoDay(x.finishedAt)}${r.count > 1 ? ` (pass ${i + 1} of ${r.count})` : ''}`,
		at: x.finishedAt,
		href: drill.href,
	}));
	const so = runs.length === 0 ? 'not played yet' : `${passes.length} of ${runs.length} ${runs.length === 1 ? 'run' : 'runs'} passed so far`;
	return {
		met,
		available: true,
		href: drill.href,
		progress: { done: Math.min(passes.length, r.count), total: r.count },
		missing: met ? [] : [`Pass the drill ${quote(drill.title)}${times} (${so})`],
		evidence,
		...(met ? { metAt: counted[r.count - 1]!.finishedAt } : {}),
	};
}

/** hunt-passed: `count` finished find-it-fast hunts that passed (record `hunts`, version 5). */
function evalHunt(r: Extract<Requirement, { kind: 'hunt-passed' }>, ctx: Context): Partial_ {
	const page = own(ctx.catalog.pages, r.page);
	const title = page?.title ?? r.page;
	const times = r.count === 1 ? '' : ` ${r.count} times`;
	const runs = [...ctx.record.hunts].sort((a, b) => compareTime(a.finishedAt, b.finishedAt) || (a.id < b.id ? -1 : 1));
	const passes = runs.filter((x) => x.passed);
	const met = passes.length >= r.count;
	const counted = passes.slice(0, r.count);
	const slowest = (x: (typeof runs)[number]) => Math.max(...x.targets.map((t) => t.ms));
	const evidence: Evidence[] = counted.map((x, i) => ({
		kind: 'hunt',
		id: x.id,
		name: title,
		description: `Found ${x.targets.length} of ${x.targets.length} pages, the slowest in ${Math.round(slowest(x) / 1000)} s, on ${isoDay(x.finishedAt)}${r.count > 1 ? ` (pass ${i + 1} of ${r.count})` : ''}`,
		at: x.finishedAt,
		...(page ? { href: page.href } : {}),
	}));
	const so = runs.length === 0 ? 'not played yet' : `${passes.length} of ${runs.length} ${runs.length === 1 ? 'hunt' : 'hunts'} passed so far`;
	return {
		met,
		available: true,
		...(page ? { href: page.href } : {}),
		progress: { done: Math.min(passes.length, r.count), total: r.count },
		missing: met ? [] : [`Pass the find-it-fast hunt${times} in ${quote(title)} (${so})`],
		evidence,
		...(met ? { metAt: counted[r.count - 1]!.finishedAt } : {}),
	};
}

/** The learner's attested items (not removed) for one requirement, oldest first. */
export function attestationsFor(record: Pick<ProgressRecord, 'attestations'>, certification: string, requirement: string): Attestation[] {
	return record.attestations
		.filter((a) => a.certification === certification && a.requirement === requirement && a.removedAt === undefined)
		.sort((x, y) => compareTime(x.at, y.at) || (x.id < y.id ? -1 : 1));
}

/** Same item as the learner recorded it: an edited or removed item is no longer the one signed off. */
const sameItem = (a: Attestation, i: { id: string; what: string; date: string; note: string }) => a.id === i.id && a.what === i.what && a.date === i.date && a.note === i.note;

/** Sign-offs approving requirement `reqId` of this certification, oldest first. */
function signOffsFor(ctx: Context, reqId: string): VerifiedSignOff[] {
	return ctx.signOffs
		.filter((s) => s.claim.certification.id === ctx.def.id && s.claim.approved.some((a) => a.requirement === reqId))
		.sort((a, b) => compareTime(a.signedAt, b.signedAt) || (a.id < b.id ? -1 : 1));
}

/** Sentences for sign-offs that exist but do not count (unknown keys), one per signer. */
function uncounted(offs: VerifiedSignOff[]): string[] {
	return [...new Map(offs.filter((s) => !s.signer.counts).map((s) => [s.signer.did, notCountedReason(s.signer)])).values()];
}

function evalAttested(r: Extract<Requirement, { kind: 'attested' }>, ctx: Context): Partial_ {
	const items = attestationsFor(ctx.record, ctx.def.id, r.id);
	const page = own(ctx.catalog.pages, r.page ?? ctx.def.page);
	const offs = signOffsFor(ctx, r.id);
	const counting = offs.filter((s) => s.signer.counts);
	// Each item: the first counting sign-off that approved it as it still stands.
	const signedBy = new Map<string, VerifiedSignOff>();
	for (const a of items) {
		const s = counting.find((o) => o.claim.approved.some((x) => x.requirement === r.id && x.items.some((i) => sameItem(a, i))));
		if (s) signedBy.set(a.id, s);
	}
	const signedTimes = [...signedBy.values()].map((s) => s.signedAt).sort(compareTime);
	const met = signedBy.size >= r.count;
	if (met) for (const s of signedBy.values()) ctx.used.add(s.jws);
	const more = r.count - items.length;
	const waiting = Math.max(0, Math.min(items.length, r.count) - signedBy.size);
	return {
		met,
		available: true,
		...(page ? { href: page.href } : {}),
		// Items recorded (the missing list says how many still wait for a sign-off).
		progress: { done: Math.min(items.length, r.count), total: r.count },
		missing: met
			? []
			: [
					...(more > 0 ? [`Record ${more} more ${more === 1 ? 'item' : 'items'}: ${r.what} (${items.length} of ${r.count} recorded)`] : []),
					waiting > 0
						? `Needs a sign-off by ${SIGNER_NAMES[r.signOff]} for ${waiting === 1 ? '1 item' : `${waiting} items`}: download a sign-off request below and send it to them`
						: `Each item needs a sign-off by ${SIGNER_NAMES[r.signOff]} once recorded`,
					...uncounted(offs),
				],
		evidence: items.map((a) => {
			const s = signedBy.get(a.id);
			return {
				kind: 'attestation' as const,
				id: a.id,
				name: a.what,
				description: s
					? `Recorded by the learner for ${a.date}${a.note ? ` (${a.note})` : ''}; signed off by ${signerLabel(s.signer)} on ${isoDay(s.signedAt)}`
					: `Recorded by the learner for ${a.date}, not signed off${a.note ? `: ${a.note}` : ''}`,
				at: s ? s.signedAt : a.at,
			};
		}),
		...(met ? { metAt: signedTimes[r.count - 1] } : {}),
	};
}

function evalSignOff(r: Extract<Requirement, { kind: 'sign-off' }>, ctx: Context): Partial_ {
	const page = own(ctx.catalog.pages, r.page ?? ctx.def.page);
	const offs = signOffsFor(ctx, r.id);
	const s = offs.find((o) => o.signer.counts);
	if (s) ctx.used.add(s.jws);
	return {
		met: s !== undefined,
		available: true,
		...(page ? { href: page.href } : {}),
		missing: s ? [] : [`Needs a sign-off by ${SIGNER_NAMES[r.by]}: download a sign-off request below and send it to them`, ...uncounted(offs)],
		evidence: s ? [{ kind: 'sign-off', id: s.id, name: r.text, description: `Signed off by ${signerLabel(s.signer)} on ${isoDay(s.signedAt)}`, at: s.signedAt }] : [],
		...(s ? { metAt: s.signedAt } : {}),
	};
}

/** Evaluate one requirement of `def` against the record. `metAt` holds earlier requirements' times (for `after`). */
function evaluateRequirement(r: Requirement, ctx: Context): RequirementStatus {
	let s: Partial_;
	switch (r.kind) {
		case 'quiz-passed':
			s = evalQuiz(r, ctx);
			break;
		case 'modules-read':
		case 'modules-done':
			s = evalModules(r, ctx);
			break;
		case 'lab-passed':
			s = evalLab(r, ctx);
			break;
		case 'checklist-complete':
			s = evalChecklist(r, ctx);
			break;
		case 'self-assessment':
			s = evalSelfAssessment(r, ctx);
			break;
		case 'scenario-passed':
			s = evalScenario(r, ctx);
			break;
		case 'hunt-passed':
			s = evalHunt(r, ctx);
			break;
		case 'attested':
			s = evalAttested(r, ctx);
			break;
		case 'sign-off':
			s = evalSignOff(r, ctx);
			break;
	}
	// An unavailable requirement is never met, whatever the record holds.
	const met = s.available && s.met;
	const status: RequirementStatus = { id: r.id, text: r.text, kind: r.kind, ...s, met };
	if (!met) delete status.metAt;
	ctx.metAt.set(r.id, status.metAt);
	return status;
}

function evaluate(def: CertificationDef, record: ProgressRecord, catalog: CertificationCatalog, now: string, visiting: Set<string>, signOffs: readonly VerifiedSignOff[]): CredentialStatus {
	const ctx: Context = { def, record, catalog, metAt: new Map(), signOffs, used: new Set() };
	const requirements = def.requirements.map((r) => evaluateRequirement(r, ctx));
	const evidence = requirements.flatMap((r) => r.evidence);
	const base = { id: def.id, kind: def.kind, name: def.name, program: def.program, requirements, evidence, endorsements: [...ctx.used] };

	visiting.add(def.id);
	const prereqs = def.prerequisites.map((id) => {
		const p = catalog.certifications.find((c) => c.id === id);
		// A missing or cyclic prerequisite (the build refuses both) can never be earned.
		const status = p && !visiting.has(id) ? evaluate(p, record, catalog, now, visiting, signOffs) : undefined;
		return { id, name: p?.name ?? id, status };
	});
	visiting.delete(def.id);
	const locking = prereqs.filter((p) => p.status?.state !== 'earned');
	if (locking.length > 0) return { ...base, state: 'locked', lockedBy: locking.map((p) => p.name), renewal: 'none' };
	if (!requirements.every((r) => r.met)) return { ...base, state: 'in-progress', renewal: 'none' };

	const earnedAt = latest([...requirements.map((r) => r.metAt!), ...prereqs.map((p) => p.status!.earnedAt!)])!;
	if (!def.validity) return { ...base, state: 'earned', earnedAt, renewal: 'none' };
	const expiresAt = addYearsUtc(earnedAt, def.validity.years);
	return { ...base, state: 'earned', earnedAt, expiresAt, renewal: renewalState(expiresAt, now) };
}

/**
 * The status of one certification for a learner at `now` (ISO). Prerequisites are evaluated from
 * `catalog.certifications`; an earned prerequisite counts even after it has expired. `signOffs`
 * are the record's sign-offs, already verified and named by the caller (none by default).
 */
export function evaluateCertification(def: CertificationDef, record: ProgressRecord, catalog: CertificationCatalog, now: string, signOffs: readonly VerifiedSignOff[] = []): CredentialStatus {
	return evaluate(def, record, catalog, now, new Set(), signOffs);
}

/** The status of every certification of the catalog, in catalog order. */
export function evaluateAll(catalog: CertificationCatalog, record: ProgressRecord, now: string, signOffs: readonly VerifiedSignOff[] = []): CredentialStatus[] {
	return catalog.certifications.map((def) => evaluateCertification(def, record, catalog, now, signOffs));
}
