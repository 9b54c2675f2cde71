/**
 * Drawing the find-it-fast hunt's targets from the site's page index and stating each as a clue
 * (001, Core Competencies, Universal Competency 1 "Release Documentation Navigation": "Assessment:
 * Navigate to 5 random docs by topic/role/phase").
 *
 * A clue is built from a page's frontmatter, never from its title: the topic is two of its
 * `keywords` (the words learners type, which search weights; those not already in the title come
 * first), then its program, its roles and its phase (the seed's phase name, else its week, else
 * "no phase"). Pages whose clues would read the same are left out of the draw, so every clue names
 * one page.
 */
import type { Random } from './random';

/** One curriculum page as the hunt's index lists it (built by src/pages/hunt/pages.json.ts). */
export interface HuntPage {
	/** Page id, e.g. "release-readiness/scenarios/launch-dry-run". */
	id: string;
	/** Page title (shown only once the page is found). */
	title: string;
	/** Program label, e.g. "Release readiness". */
	program: string;
	/** Role labels, e.g. ["Release manager"]; ["Everyone"] for pages for all roles. */
	roles: string[];
	/** Kind label, e.g. "Module". */
	kind: string;
	/** Phase as the seed names it, e.g. "Phase 1: QMS Fundamentals", or null. */
	phase: string | null;
	/** Week(s), e.g. "1" or "3-4", or null. */
	week: string | null;
	/** Search keywords from frontmatter. */
	keywords: string[];
}

/** A target stated as a clue by topic, role and phase. */
export interface Clue {
	/** Two keywords of the page, e.g. "communication matrix, Discord". */
	topic: string;
	/** Program label. */
	program: string;
	/** Role labels joined, e.g. "Release manager". */
	role: string;
	/** Phase or week, e.g. "Phase 1: QMS Fundamentals", "Week 1", or "no phase". */
	phase: string;
	/** Kind label, e.g. "Module". */
	kind: string;
}

/** One drawn target. */
export interface HuntTarget {
	/** Page id of the target. */
	page: string;
	/** Its title, revealed when found, skipped or timed out. */
	title: string;
	clue: Clue;
}

/** Targets per hunt (001 Universal Competency 1: "Navigate to 5 random docs"). */
export const TARGETS_PER_HUNT = 5;

/** Kinds never drawn: navigation hubs say nothing by topic, role or phase. */
const SKIPPED_KINDS = new Set(['Hub']);

/** The clue for `page`, or null when it has fewer than two keywords (too vague to find). */
export function clueFor(page: HuntPage): Clue | null {
	const title = page.title.toLowerCase();
	const fresh = page.keywords.filter((k) => !title.includes(k.toLowerCase()));
	const rest = page.keywords.filter((k) => title.includes(k.toLowerCase()));
	const words = [...fresh, ...rest].slice(0, 2);
	if (words.length < 2) return null;
	return {
		topic: words.join(', '),
		program: page.program,
		role: page.roles.join(', '),
		phase: page.phase ?? (page.week ? `Week ${page.week}` : 'no phase'),
		kind: page.kind,
	};
}

/** The clue as one line: "Topic: …; program: …; role: …; phase: …; a … page". */
export function clueText(c: Clue): string {
	return `Topic: ${c.topic} (${c.program}) · Role: ${c.role} · Phase: ${c.phase} · Kind: ${c.kind}`;
}

/**
 * Every page that can be drawn, with its clue: not a hub, not in `exclude` (e.g. the hunt page),
 * at least two keywords, and a clue no other page shares. Order follows `pages`.
 */
export function huntablePages(pages: readonly HuntPage[], exclude: readonly string[] = []): HuntTarget[] {
	const skip = new Set(exclude);
	const withClue = pages
		.filter((p) => !SKIPPED_KINDS.has(p.kind) && !skip.has(p.id))
		.map((p) => ({ page: p.id, title: p.title, clue: clueFor(p) }))
		.filter((t): t is HuntTarget => t.clue !== null);
	const counts = new Map<string, number>();
	for (const t of withClue) counts.set(clueText(t.clue), (counts.get(clueText(t.clue)) ?? 0) + 1);
	return withClue.filter((t) => counts.get(clueText(t.clue)) === 1);
}

/**
 * `count` distinct targets drawn uniformly at random (partial Fisher–Yates) from huntablePages,
 * using `random` (pass seededRandom(seed) to replay a draw). Throws when fewer than `count` pages
 * can be drawn.
 */
export function drawTargets(pages: readonly HuntPage[], random: Random, count = TARGETS_PER_HUNT, exclude: readonly string[] = []): HuntTarget[] {
	const pool = huntablePages(pages, exclude);
	if (pool.length < count) throw new Error(`The hunt needs ${count} pages with distinct clues; the index has ${pool.length}.`);
	for (let i = 0; i < count; i++) {
		const j = i + Math.floor(random() * (pool.length - i));
		[pool[i], pool[j]] = [pool[j]!, pool[i]!];
	}
	return pool.slice(0, count);
}
