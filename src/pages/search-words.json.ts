/**
 * GET /search-words.json: the site's words for the search modal's "Did you mean" (a JSON array of
 * lower-case words, most frequent first; see src/lib/search/suggest.ts). Built once; the modal
 * fetches it only when a query word matches no page.
 */
import { getCollection } from 'astro:content';
import { vocabulary } from '../lib/search/suggest';

export async function GET(): Promise<Response> {
	const entries = await getCollection('docs');
	const texts = entries.flatMap((e) => [e.data.title, e.data.description ?? '', ...(e.data.keywords ?? []), e.body ?? '']);
	return new Response(JSON.stringify(vocabulary(texts)), { headers: { 'Content-Type': 'application/json' } });
}
