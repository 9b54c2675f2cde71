/**
 * /hunt/pages.json: the site's own page index for the find-it-fast hunt (src/lib/hunt/targets.ts
 * `HuntPage`): every curriculum page's id, title, program, roles, kind, phase, week and keywords,
 * as labels. Built from frontmatter (the same fields the Pagefind filters come from) and fetched
 * only when a learner starts a hunt.
 */
import type { APIRoute } from 'astro';
import { getCurriculum } from '../../build/curriculum';
import { KINDS, PROGRAMS, ROLES } from '../../lib/curriculum/taxonomy';
import type { HuntPage } from '../../lib/hunt/targets';

export const GET: APIRoute = async () => {
	const pages: HuntPage[] = (await getCurriculum())
		.map(({ id, title, entry: { data } }) => ({
			id,
			title,
			program: PROGRAMS[data.program].label,
			roles: data.roles.map((r) => ROLES[r]),
			kind: KINDS[data.kind],
			phase: data.phase ?? null,
			week: data.week ?? null,
			keywords: data.keywords,
		}))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json' } });
};
