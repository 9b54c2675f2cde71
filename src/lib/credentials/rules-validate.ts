/**
 * Cross-file rules for content/certifications/<id>.yaml that no single file's schema can check
 * (the schema is src/schemas/certification.ts). Pure; src/build/certifications.ts runs it at build
 * and throws its messages, which fails `astro build` naming the file and field.
 */
import type { CertificationDef } from '../../schemas/certification';

export interface ValidationInput {
	/** Each definition with its entry id (the file name without .yaml) and file path for messages. */
	certifications: { id: string; file: string; data: CertificationDef }[];
	/** Knowledge check ids (content/quizzes). */
	quizzes: readonly string[];
	/** Lab ids (labs/<id>). */
	labs: readonly string[];
	/** Checklists (content/checklists) with their section ids. */
	checklists: readonly { id: string; sections: string[] }[];
	/** Self-assessment ids (content/assessments). */
	assessments: readonly string[];
	/** Curriculum pages: id and kind. */
	pages: readonly { id: string; kind: string }[];
}

/**
 * One message per problem, each "content/certifications/<id>.yaml: <field> …"; [] when sound.
 * Checks: `id` equals the file name; `page`, `prerequisites`, and every id a requirement names
 * (quiz, lab, checklist and its sections, assessment, path — a `kind: path` page — pages, the
 * scenario's page) exist; prerequisites have no cycle.
 */
export function validateCertifications(input: ValidationInput): string[] {
	const errors: string[] = [];
	const quizzes = new Set(input.quizzes);
	const labs = new Set(input.labs);
	const assessments = new Set(input.assessments);
	const checklists = new Map(input.checklists.map((c) => [c.id, new Set(c.sections)]));
	const pages = new Map(input.pages.map((p) => [p.id, p.kind]));
	const certs = new Map(input.certifications.map((c) => [c.id, c]));

	for (const { id, file, data } of input.certifications) {
		const err = (field: string, msg: string) => errors.push(`${file}: ${field} ${msg}`);
		if (data.id !== id) err('id', `"${data.id}" must equal the file name "${id}"`);
		if (!pages.has(data.page)) err('page', `"${data.page}" is not a page id`);
		data.prerequisites.forEach((p, i) => {
			if (!certs.has(p)) err(`prerequisites[${i}]`, `"${p}" is not a certification id (no content/certifications/${p}.yaml)`);
		});
		data.requirements.forEach((r, i) => {
			const at = `requirements[${i}]`;
			switch (r.kind) {
				case 'quiz-passed':
					if (!quizzes.has(r.quiz)) err(`${at}.quiz`, `"${r.quiz}" is not a knowledge check (no content/quizzes/${r.quiz}.yaml)`);
					break;
				case 'lab-passed':
					if (!labs.has(r.lab)) err(`${at}.lab`, `"${r.lab}" is not a lab (no labs/${r.lab}/lab.yaml)`);
					break;
				case 'checklist-complete': {
					const sections = checklists.get(r.checklist);
					if (!sections) err(`${at}.checklist`, `"${r.checklist}" is not a checklist (no content/checklists/${r.checklist}.yaml)`);
					else r.sections?.forEach((s, j) => sections.has(s) || err(`${at}.sections[${j}]`, `"${s}" is not a section of checklist "${r.checklist}"`));
					break;
				}
				case 'self-assessment':
					if (!assessments.has(r.assessment)) err(`${at}.assessment`, `"${r.assessment}" is not a self-assessment (no content/assessments/${r.assessment}.yaml)`);
					break;
				case 'modules-read':
				case 'modules-done':
					if (r.path !== undefined) {
						const kind = pages.get(r.path);
						if (kind === undefined) err(`${at}.path`, `"${r.path}" is not a page id`);
						else if (kind !== 'path') err(`${at}.path`, `"${r.path}" is a "${kind}" page, not a learning path (kind: path)`);
					}
					r.pages?.forEach((p, j) => pages.has(p) || err(`${at}.pages[${j}]`, `"${p}" is not a page id`));
					break;
				case 'scenario-passed':
				case 'hunt-passed':
					if (!pages.has(r.page)) err(`${at}.page`, `"${r.page}" is not a page id`);
					break;
				case 'attested':
				case 'sign-off':
					if (r.page !== undefined && !pages.has(r.page)) err(`${at}.page`, `"${r.page}" is not a page id`);
					break;
			}
		});
	}

	// Prerequisite cycles: depth-first search, reporting each cycle once at the file that closes it.
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (id: string, trail: string[]): void => {
		if (state.get(id) === 'done') return;
		if (state.get(id) === 'visiting') {
			const cycle = [...trail.slice(trail.indexOf(id)), id];
			errors.push(`${certs.get(trail[trail.length - 1]!)!.file}: prerequisites form a cycle: ${cycle.join(' → ')}`);
			return;
		}
		state.set(id, 'visiting');
		for (const p of certs.get(id)?.data.prerequisites ?? []) if (certs.has(p)) visit(p, [...trail, id]);
		state.set(id, 'done');
	};
	for (const id of certs.keys()) visit(id, []);
	return errors;
}
