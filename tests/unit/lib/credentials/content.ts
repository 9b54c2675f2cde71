/**
 * The real curriculum read from disk (content/, labs/) and parsed with the site's own schemas, as
 * the catalog builder's input: the tests evaluate the shipped certification rules, not copies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CertificationSchema } from '../../../../src/schemas/certification';
import { ChecklistSchema } from '../../../../src/schemas/checklist';
import { QuizSchema } from '../../../../src/schemas/quiz';
import { SelfAssessmentSchema } from '../../../../src/schemas/self-assessment';
import { ScenarioSchema } from '../../../../src/schemas/scenario';
import { buildCertificationCatalog, type CatalogInput } from '../../../../src/lib/credentials/rules-catalog';
import type { CertificationCatalog } from '../../../../src/lib/credentials/rules';

const root = join(import.meta.dirname, '../../../..');

function yamlDir<T>(dir: string, parseOne: (raw: unknown, file: string) => T): { id: string; file: string; data: T }[] {
	return readdirSync(join(root, dir))
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => {
			const file = `${dir}/${f}`;
			return { id: f.replace(/\.yaml$/, ''), file, data: parseOne(parse(readFileSync(join(root, file), 'utf8')), file) };
		});
}

function pages(): CatalogInput['pages'] {
	const out: CatalogInput['pages'] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
			const rel = `${dir}/${e.name}`;
			if (e.isDirectory()) walk(rel);
			else if (/\.mdx?$/.test(e.name)) {
				const fm = parse(readFileSync(join(root, rel), 'utf8').split(/^---$/m)[1]!) as { title: string; kind: string; modules?: string[] };
				const id = rel.replace(/^content\/docs\//, '').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '') || 'index';
				out.push({ id, title: fm.title, kind: fm.kind, modules: fm.modules ?? [] });
			}
		}
	};
	walk('content/docs');
	return out;
}

let input: CatalogInput | undefined;

/**
 * The catalog input of the real content, with certification definitions parsed by
 * CertificationSchema. Read from disk once per test file; each call returns fresh lists and fresh
 * certification entries, so a test may replace entries without affecting others.
 */
export function realInput(): CatalogInput {
	input ??= readInput();
	return { ...input, certifications: input.certifications.map((c) => ({ ...c })), quizzes: [...input.quizzes], checklists: [...input.checklists], assessments: [...input.assessments], pages: [...input.pages], labs: [...input.labs], scenarios: [...(input.scenarios ?? [])] };
}

function readInput(): CatalogInput {
	const strict = <S extends { parse: (x: unknown) => unknown }>(schema: S) => (raw: unknown) => schema.parse(raw) as ReturnType<S['parse']>;
	return {
		certifications: yamlDir('content/certifications', strict(CertificationSchema)),
		quizzes: yamlDir('content/quizzes', strict(QuizSchema)),
		checklists: yamlDir('content/checklists', strict(ChecklistSchema)),
		assessments: yamlDir('content/assessments', strict(SelfAssessmentSchema)),
		scenarios: yamlDir('content/scenarios', strict(ScenarioSchema)),
		pages: pages(),
		labs: readdirSync(join(root, 'labs'))
			.sort()
			.map((id) => {
				const lab = parse(readFileSync(join(root, 'labs', id, 'lab.yaml'), 'utf8')) as { id: string; title: string };
				return { id: lab.id, title: lab.title };
			}),
	};
}

let cached: CertificationCatalog | undefined;
/** The catalog the build would embed. */
export function realCatalog(): CertificationCatalog {
	cached ??= buildCertificationCatalog(realInput());
	return cached;
}
