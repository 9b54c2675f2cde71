// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { monacoCssOnDemand } from './scripts/vite-plugin-monaco-css.mjs';

/** Cross-origin isolation: WebContainer needs SharedArrayBuffer (see DESIGN.md, README "Hosting"). */
const isolationHeaders = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** One sidebar group per program; each path is a folder, so prev/next walks a path in order. */
const program = (label, directory) => ({ label, collapsed: true, items: [{ autogenerate: { directory } }] });

export default defineConfig({
	site: 'https://training.example.org',
	server: { headers: isolationHeaders },
	// Keep src/content/docs (a symlink to content/docs) as the path Vite reports, so Starlight
	// and starlight-links-validator see the same file ids.
	vite: { resolve: { preserveSymlinks: true }, cacheDir: './.cache/vite', plugins: [monacoCssOnDemand()] },
	// Per-checkout cache: several work trees may share one node_modules.
	cacheDir: './.cache/astro',
	integrations: [
		starlight({
			title: 'QMS Training',
			description: 'Learning paths, labs, knowledge checks and credentials for software teams.',
			markdown: { processedDirs: ['./content/docs'] },
			plugins: [starlightLinksValidator({ errorOnLocalLinks: true })],
			customCss: ['./src/styles/theme.css'],
			components: {
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
			},
			pagefind: {
				// Favour short, focused pages and exact terms so plain questions land on the answering page.
				ranking: { pageLength: 0.6, termFrequency: 0.8, termSimilarity: 1.2, termSaturation: 1.4 },
			},
			sidebar: [
				{ label: 'Start here', link: '/start-here/' },
				{ label: 'Catalog', link: '/catalog/' },
				program('QMS onboarding', 'qms-onboarding'),
				program('Release readiness', 'release-readiness'),
				program('QMS leadership', 'qms-leadership'),
				program('Tool adoption (Context7)', 'tool-adoption'),
				program('Engineering excellence', 'engineering-excellence'),
				{ label: 'Reference', collapsed: true, items: [{ autogenerate: { directory: 'reference' } }] },
			],
		}),
	],
});
