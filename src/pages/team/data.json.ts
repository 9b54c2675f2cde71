/** /team/data.json: the Team progress roll-up's build-time data (src/build/team-data.ts). */
import type { APIRoute } from 'astro';
import { getTeamData } from '../../build/team-data';

export const GET: APIRoute = async () => new Response(JSON.stringify(await getTeamData()), { headers: { 'Content-Type': 'application/json' } });
