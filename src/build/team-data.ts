/**
 * Build-time only: the data the Team progress page's roll-up needs besides the curriculum index
 * (src/lib/team/rollup.ts `TeamData`): the certification catalog, every lab with its module page's
 * program and level, and each page's level. Served as /team/data.json (src/pages/team/data.json.ts)
 * and fetched only when a lead adds files, so the page itself stays small.
 */
import { getLabs } from './labs';
import { getCurriculum } from './curriculum';
import type { TeamData } from '../lib/team/rollup';
import { getCertificationCatalog } from './certifications';

export async function getTeamData(): Promise<TeamData> {
	const [catalog, pages, labs] = await Promise.all([getCertificationCatalog(), getCurriculum(), getLabs()]);
	const byId = new Map(pages.map((p) => [p.id, p]));
	const levels: Record<string, string> = {};
	for (const p of pages) if (p.entry.data.level) levels[p.id] = p.entry.data.level;
	return {
		catalog,
		labs: labs.map(({ lab }) => {
			const page = byId.get(lab.module);
			return { id: lab.id, title: lab.title, page: lab.module, program: page?.entry.data.program ?? 'general', level: page?.entry.data.level ?? null };
		}),
		levels,
	};
}
