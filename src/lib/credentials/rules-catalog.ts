/**
 * The certification catalog (./rules.ts `CertificationCatalog`) from content already read and
 * validated by its schemas. Pure; src/build/certifications.ts feeds it the Astro collections at
 * build time, and the unit tests feed it the same files read from disk.
 */
import type { CertificationDef } from '../../schemas/certification';
import type { Checklist } from '../../schemas/checklist';
import type { Quiz } from '../../schemas/quiz';
import type { SelfAssessment } from '../../schemas/self-assessment';
import type { CertificationCatalog } from './rules';
import { validateCertifications } from './rules-validate';

export interface CatalogInput {
	/** Entry id = file name; `file` for error messages. */
	certifications: { id: string; file: string; data: CertificationDef }[];
	quizzes: { id: string; data: Pick<Quiz, 'title' | 'page' | 'passMark' | 'policy'> & Partial<Pick<Quiz, 'kind'>> }[];
	checklists: { id: string; data: Pick<Checklist, 'title' | 'page' | 'sections'> }[];
	assessments: { id: string; data: Pick<SelfAssessment, 'title' | 'page' | 'bands'> }[];
	pages: { id: string; title: string; kind: string; modules: string[] }[];
	labs: { id: string; title: string }[];
	/** Drills (content/scenarios); optional so callers without drills still work: then none exist. */
	scenarios?: { id: string; data: { title: string; page: string } }[];
}

/** Site path of a page id: "/<id>/", or "/" for the home page. */
export function pageHref(id: string): string {
	return id === 'index' ? '/' : `/${id}/`;
}

/** Thrown when a definition names something that does not exist; the message lists every problem. */
export class CertificationError extends Error {
	constructor(readonly problems: string[]) {
		super(`Certification errors:\n  ${problems.join('\n  ')}`);
		this.name = 'CertificationError';
	}
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Validate (validateCertifications) and build the catalog: every certification sorted by program,
 * level and name, and only the quizzes, labs, checklists, pages, assessments and drills they name (pages
 * also list the knowledge checks embedded in them, for `modules-done`), keyed by id in id order.
 * @throws CertificationError naming each file and field at fault.
 */
export function buildCertificationCatalog(input: CatalogInput): CertificationCatalog {
	const errors = validateCertifications({
		certifications: input.certifications,
		quizzes: input.quizzes.map((q) => q.id),
		labs: input.labs.map((l) => l.id),
		checklists: input.checklists.map((c) => ({ id: c.id, sections: c.data.sections.map((s) => s.id) })),
		assessments: input.assessments.map((a) => a.id),
		pages: input.pages,
	});
	if (errors.length > 0) throw new CertificationError(errors);

	const defs = input.certifications.map((c) => c.data).sort((a, b) => a.program.localeCompare(b.program) || (a.level ?? 0) - (b.level ?? 0) || a.name.localeCompare(b.name));
	const pageById = new Map(input.pages.map((p) => [p.id, p]));
	// A module is done with its knowledge checks passed; practice checks on the page are optional.
	const quizzesOnPage = (id: string) => input.quizzes.filter((q) => q.data.page === id && q.data.kind !== 'practice').map((q) => q.id).sort();

	const want = { scenarios: new Set<string>(), quizzes: new Set<string>(), labs: new Set<string>(), checklists: new Set<string>(), assessments: new Set<string>(), pages: new Set<string>() };
	const addPage = (id: string) => {
		want.pages.add(id);
		for (const m of pageById.get(id)?.modules ?? []) want.pages.add(m);
	};
	for (const d of defs) {
		addPage(d.page);
		for (const r of d.requirements) {
			if (r.kind === 'quiz-passed') want.quizzes.add(r.quiz);
			if (r.kind === 'lab-passed') want.labs.add(r.lab);
			if (r.kind === 'checklist-complete') want.checklists.add(r.checklist);
			if (r.kind === 'self-assessment') want.assessments.add(r.assessment);
			if (r.kind === 'scenario-passed') {
				addPage(r.page);
				want.scenarios.add(r.scenario);
			}
			if ((r.kind === 'attested' || r.kind === 'sign-off') && r.page) addPage(r.page);
			if (r.kind === 'hunt-passed') addPage(r.page);
			if (r.kind === 'modules-read' || r.kind === 'modules-done') {
				if (r.path) addPage(r.path);
				r.pages?.forEach(addPage);
				if (r.kind === 'modules-done') {
					const ids = r.path ? (pageById.get(r.path)?.modules ?? []) : (r.pages ?? []);
					ids.forEach((id) => quizzesOnPage(id).forEach((q) => want.quizzes.add(q)));
				}
			}
		}
	}
	const pick = <T extends { id: string }, V>(xs: readonly T[], ids: Set<string>, f: (x: T) => V): Record<string, V> =>
		Object.fromEntries(xs.filter((x) => ids.has(x.id)).sort(byId).map((x) => [x.id, f(x)]));

	return {
		certifications: defs,
		quizzes: pick(input.quizzes, want.quizzes, (q) => ({ title: q.data.title, href: pageHref(q.data.page), passMark: q.data.passMark, maxAttempts: q.data.policy.maxAttempts })),
		labs: pick(input.labs, want.labs, (l) => ({ title: l.title, href: `/labs/${l.id}/` })),
		checklists: pick(input.checklists, want.checklists, (c) => ({
			title: c.data.title,
			href: pageHref(c.data.page),
			sections: c.data.sections.map((s) => ({ id: s.id, title: s.title, items: s.items.map((i) => ({ id: i.id, text: i.text })) })),
		})),
		pages: pick(input.pages, want.pages, (p) => ({ title: p.title, href: pageHref(p.id), quizzes: quizzesOnPage(p.id), modules: p.modules })),
		assessments: pick(input.assessments, want.assessments, (a) => ({ title: a.data.title, href: pageHref(a.data.page), bands: a.data.bands })),
		scenarios: pick(input.scenarios ?? [], want.scenarios, (x) => ({ title: x.data.title, href: pageHref(x.data.page) })),
	};
}
