// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { programSidebar } from './src/lib/curriculum/sidebar.ts';
import { readSidebarSources } from './src/build/sidebar-sources.mjs';
import { monacoCssOnDemand } from './src/build/vite-plugin-monaco-css.mjs';
import { starlightTocQuery } from './src/build/vite-plugin-starlight-toc.mjs';
import { clientCodeSplitting, codeSplittingCheck } from './src/build/code-splitting.mjs';
import { cspCheck, inlineScriptHashes, PAGE_DIRECTIVES, PROJECT_ROOT, SCRIPT_RESOURCES, STYLE_RESOURCES, workerCspProxy } from './src/build/csp.mjs';
import { PAGEFIND_RANKING } from './src/lib/search/ranking.ts';
import { PROGRAM_IDS as ALL_PROGRAMS } from './src/lib/curriculum/taxonomy.ts';

const PROGRAM_IDS = ALL_PROGRAMS.filter((p) => p !== 'general');
const sidebarSources = readSidebarSources(new URL('./content/docs', import.meta.url).pathname, PROGRAM_IDS);

/** Cross-origin isolation: WebContainer needs SharedArrayBuffer (see DESIGN.md, README "Hosting"). */
const isolationHeaders = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
	site: 'https://training.example.org',
	server: { headers: isolationHeaders },
	// Content-Security-Policy: a meta element per page (Astro), a header on worker scripts
	// (public/_headers; workerCspProxy below for dev and preview). See src/build/csp.mjs, README "Hosting".
	security: {
		csp: {
			directives: [...PAGE_DIRECTIVES],
			scriptDirective: { resources: SCRIPT_RESOURCES, hashes: inlineScriptHashes(PROJECT_ROOT) },
			styleDirective: { resources: STYLE_RESOURCES },
		},
	},
	// Keep src/content/docs (a symlink to content/docs) as the path Vite reports, so Starlight
	// and starlight-links-validator see the same file ids.
	vite: {
		resolve: {
			preserveSymlinks: true,
			// Starlight's search modal imports Pagefind's UI; ours wraps it (src/runtime/search/pagefind-ui.ts).
			alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/runtime/search/pagefind-ui.ts', import.meta.url)) }],
		},
		cacheDir: './.cache/vite',
		server: { proxy: workerCspProxy() },
		preview: { proxy: workerCspProxy() },
		// Monaco's CSS only on lab pages, injected when the editor mounts (DESIGN.md, Monaco).
		// Starlight's table of contents finds what to watch with one selector list that Chromium
		// matches slowly: one selector at a time instead (issue 12, TBT; see the plugin).
		plugins: [monacoCssOnDemand(), starlightTocQuery(), codeSplittingCheck()],
		// npm run bench builds with hidden source maps to attribute JS bytes to Starlight or to us.
		build: { sourcemap: process.env.BENCH_SOURCEMAP ? 'hidden' : false },
		// Fewer, larger files for the JS every page or My credentials loads (issue 7; see the module).
		environments: { client: { build: { rolldownOptions: { output: clientCodeSplitting() } } } },
	},
	// Per-checkout cache: several work trees may share one node_modules.
	cacheDir: './.cache/astro',
	integrations: [
		cspCheck(),
		starlight({
			title: 'QMS Training',
			description: 'Learning paths, labs, knowledge checks and credentials for software teams.',
			markdown: { processedDirs: ['./content/docs'] },
			plugins: [starlightLinksValidator({ errorOnLocalLinks: true })],
			// The first paint waits until the page's content is parsed (the marker at the end of
			// MarkdownContent): a paint of the top alone is followed by one long style and layout of
			// the rest, which a phone counts as blocking time, and long islands shift (issue 12).
			head: [{ tag: 'link', attrs: { rel: 'expect', href: '#qms-content-end', blocking: 'render' } }],
			customCss: ['./src/styles/theme.css', './src/styles/controls.css'],
			components: {
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
				Search: './src/components/overrides/Search.astro',
				Sidebar: './src/components/overrides/Sidebar.astro',
			},
			pagefind: { ranking: PAGEFIND_RANKING },
			sidebar: [
				{ label: 'Start here', link: '/start-here/' },
				{ label: 'Catalog', link: '/catalog/' },
				{ label: 'Labs', link: '/labs/' },
				{ label: 'My progress', link: '/progress/' },
				{ label: 'My credentials', link: '/credentials/' },
				{ label: 'Verify a credential', link: '/verify/' },
				{ label: 'Team progress', link: '/team/' },
				// One group per program; each learning path is a folder, so prev/next walks a path in order.
				...PROGRAM_IDS.map((p) => programSidebar(p, sidebarSources)),
				{ label: 'Reference', collapsed: true, items: [{ autogenerate: { directory: 'reference' } }] },
			],
		}),
	],
});
