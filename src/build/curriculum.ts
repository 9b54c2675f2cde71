import { getCollection, type CollectionEntry } from 'astro:content';
import { validateCurriculum, type PageRef } from '../lib/curriculum/validate';
import { oncePerBuild } from './once-per-build';

/**
 * Build-time access to the docs collection (Astro only; not for the browser).
 * Validates the cross-page rules and throws one error listing every problem, which fails
 * `astro build` with the files and fields named. Read once per build; in `astro dev` on every call
 * (Astro's content store follows file edits), so an edited page shows on reload (once-per-build.ts).
 */
export type DocEntry = CollectionEntry<'docs'>;
export type DocRef = PageRef & { entry: DocEntry; title: string };

export const getCurriculum: () => Promise<DocRef[]> = oncePerBuild(async () => {
	const entries = await getCollection('docs');
	const refs: DocRef[] = entries.map((entry) => ({
		entry,
		id: entry.id,
		title: entry.data.title,
		file: entry.filePath ?? entry.id,
		kind: entry.data.kind,
		prerequisites: entry.data.prerequisites,
		modules: entry.data.modules,
		durationMinutes: entry.data.durationMinutes,
	}));
	const errors = validateCurriculum(refs);
	if (errors.length > 0) throw new Error(`Curriculum errors:\n  ${errors.join('\n  ')}`);
	return refs;
});
