// Config-time only (Node): reads content/docs/<program>/ frontmatter for the sidebar builder.
// Kept beside sidebar.ts so the one rule set lives in one folder; astro.config.mjs imports it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const frontmatter = (file) => {
	const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
	return m ? parse(m[1]) ?? {} : {};
};

/** @returns {import('./sidebar').SidebarSource[]} */
export function readSidebarSources(docsDir, programs) {
	const out = [];
	for (const program of programs) {
		const dir = join(docsDir, program);
		if (!existsSync(dir)) continue;
		for (const name of readdirSync(dir).sort()) {
			const full = join(dir, name);
			const isDir = statSync(full).isDirectory();
			const file = isDir ? ['index.mdx', 'index.md'].map((f) => join(full, f)).find(existsSync) : /\.mdx?$/.test(name) ? full : null;
			if (!file) continue;
			const fm = frontmatter(file);
			const base = name.replace(/\.mdx?$/, '');
			out.push({
				program,
				folder: isDir ? name : null,
				id: isDir ? `${program}/${name}` : base === 'index' ? program : `${program}/${base}`,
				label: fm.sidebar?.label ?? fm.title ?? name,
				kind: fm.kind ?? 'reference',
				roles: fm.roles ?? ['all'],
				order: fm.sidebar?.order,
			});
		}
	}
	return out;
}
