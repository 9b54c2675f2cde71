import { expect, test } from '@playwright/test';

test('every page in the sitemap is served, and every link and asset on it resolves', async ({ request, baseURL }) => {
	test.setTimeout(180_000);
	const index = await (await request.get('/sitemap-index.xml')).text();
	const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
	const pages = new Set<string>();
	for (const map of maps) {
		const xml = await (await request.get(map)).text();
		for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) pages.add(new URL(m[1]).pathname);
	}
	expect(pages.size).toBeGreaterThan(80);
	const checked = new Map<string, number>();
	const broken: string[] = [];
	for (const path of pages) {
		const res = await request.get(path);
		if (res.status() !== 200) {
			broken.push(`${path} → ${res.status()}`);
			continue;
		}
		const html = await res.text();
		for (const m of html.matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
			const target = m[1];
			if (!checked.has(target)) checked.set(target, (await request.get(target)).status());
			if (checked.get(target)! >= 400) broken.push(`${path} links ${target} → ${checked.get(target)}`);
		}
	}
	expect(broken, broken.join('\n')).toEqual([]);
	console.log(`links: ${pages.size} pages, ${checked.size} distinct local targets, none broken (${baseURL})`);
});
