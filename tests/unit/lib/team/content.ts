/**
 * The real curriculum index and team data, read from disk with the site's schemas, as the Team
 * page gets them from the build (src/components/progress/index-data.ts, src/build/team-data.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROGRAMS, type ProgramId } from '../../../../src/lib/curriculum/taxonomy';
import { buildCurriculumIndex } from '../../../../src/lib/progress/curriculum-index';
import type { CurriculumIndex } from '../../../../src/lib/progress/curriculum';
import { TeamContext, type TeamData } from '../../../../src/lib/team/rollup';
import { ChecklistSchema } from '../../../../src/schemas/checklist';
import { QuizSchema } from '../../../../src/schemas/quiz';
import { realCatalog } from '../credentials/content';

const root = join(import.meta.dirname, '../../../..');

interface Front {
	title: string;
	program: string;
	kind: string;
	level?: string;
	durationMinutes?: number;
	prerequisites?: string[];
	modules?: string[];
}

function pages(): { id: string; fm: Front }[] {
	const out: { id: string; fm: Front }[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
			const rel = `${dir}/${e.name}`;
			if (e.isDirectory()) walk(rel);
			else if (/\.mdx?$/.test(e.name)) {
				const fm = parse(readFileSync(join(root, rel), 'utf8').split(/^---$/m)[1]!) as Front;
				out.push({ id: rel.replace(/^content\/docs\//, '').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '') || 'index', fm });
			}
		}
	};
	walk('content/docs');
	return out;
}

const yamlDir = (dir: string) =>
	readdirSync(join(root, dir))
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => ({ id: f.replace(/\.yaml$/, ''), raw: parse(readFileSync(join(root, dir, f), 'utf8')) as unknown }));

let cached: TeamContext | undefined;

/** The context the Team page builds from the real content. */
export function realTeam(): TeamContext {
	if (cached) return cached;
	const ps = pages();
	const index: CurriculumIndex = buildCurriculumIndex({
		programs: (Object.keys(PROGRAMS) as ProgramId[]).filter((id) => id !== 'general').map((id) => ({ id, label: PROGRAMS[id].label })),
		pages: ps.map(({ id, fm }) => ({ id, title: fm.title, data: { program: fm.program as ProgramId, kind: fm.kind as 'module', durationMinutes: fm.durationMinutes, prerequisites: fm.prerequisites ?? [], modules: fm.modules ?? [] } })),
		quizzes: yamlDir('content/quizzes').map(({ id, raw }) => ({ id, data: QuizSchema.parse(raw) })),
		checklists: yamlDir('content/checklists').map(({ id, raw }) => ({ id, data: ChecklistSchema.parse(raw) })),
	});
	const byId = new Map(ps.map((p) => [p.id, p.fm]));
	const data: TeamData = {
		catalog: realCatalog(),
		labs: readdirSync(join(root, 'labs'))
			.sort()
			.map((dir) => {
				const lab = parse(readFileSync(join(root, 'labs', dir, 'lab.yaml'), 'utf8')) as { id: string; title: string; module: string };
				const fm = byId.get(lab.module);
				return { id: lab.id, title: lab.title, page: lab.module, program: fm?.program ?? 'general', level: fm?.level ?? null };
			}),
		levels: Object.fromEntries(ps.filter((p) => p.fm.level).map((p) => [p.id, p.fm.level!])),
	};
	cached = new TeamContext(index, data);
	return cached;
}
