/**
 * Build-time only (Astro pages and components; not for the browser): the certification catalog
 * the My credentials page embeds as JSON (src/lib/credentials/rules.ts `CertificationCatalog`),
 * from content/certifications, the quizzes, checklists, assessments and docs collections and the
 * labs. Each call validates every cross-file reference and throws one error listing every
 * problem ("content/certifications/<id>.yaml: requirements[2].quiz …"), which fails `astro build`.
 *
 * Usage in a page: `const catalog = await getCertificationCatalog();` then embed it with
 * scriptJson (src/components/progress/index-data.ts).
 */
import { getCollection } from 'astro:content';
import { getLabs } from './labs';
import { getCurriculum } from './curriculum';
import { oncePerBuild } from './once-per-build';
import type { CertificationCatalog } from '../lib/credentials/rules';
import { buildCertificationCatalog } from '../lib/credentials/rules-catalog';

/**
 * The catalog, built once per build and on every call in `astro dev` (once-per-build.ts), so content
 * and lab edits show on reload. @throws CertificationError listing every invalid reference.
 */
export const getCertificationCatalog: () => Promise<CertificationCatalog> = oncePerBuild(async () => {
	const [certifications, quizzes, checklists, assessments, pages, labs, scenarios] = await Promise.all([
		getCollection('certifications'),
		getCollection('quizzes'),
		getCollection('checklists'),
		getCollection('assessments'),
		getCurriculum(),
		getLabs(),
		getCollection('scenarios'),
	]);
	return buildCertificationCatalog({
		certifications: certifications.map((c) => ({ id: c.id, file: c.filePath ?? `content/certifications/${c.id}.yaml`, data: c.data })),
		quizzes,
		checklists,
		assessments,
		pages: pages.map((p) => ({ id: p.id, title: p.title, kind: p.kind, modules: p.modules })),
		labs: labs.map((l) => ({ id: l.lab.id, title: l.lab.title })),
		scenarios: scenarios.map((x) => ({ id: x.id, data: { title: x.data.title, page: x.data.page } })),
	});
});
