import { getEntry } from 'astro:content';

/** The YAML collections an embed names by id (src/content.config.ts: content/<collection>/<id>.yaml). */
export type EmbedCollection = 'quizzes' | 'checklists' | 'assessments' | 'forms' | 'scenarios';

/**
 * Build-time (Astro only): the entry `id` of `collection` (typed as `getEntry` types it), for the component `<tag id="…"/>`.
 * Throws `<tag id="id"/>: no content/<collection>/<id>.yaml` when there is none, which fails
 * `astro build` and names the missing file, so a page never ships an embed without content.
 */
export async function requireEntry<C extends EmbedCollection>(collection: C, id: string, tag: string) {
	const entry = await getEntry(collection, id);
	if (!entry) throw new Error(`<${tag} id="${id}"/>: no content/${collection}/${id}.yaml`);
	return entry;
}
