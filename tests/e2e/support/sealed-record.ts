/**
 * Shared by the e2e specs of pages that show a sealed learner record without the progress store
 * (src/runtime/progress-seal.ts): the seal's storage key, a mark only the store's chunk holds, the
 * scripts a page loads, and a visit that lets the page's store validate and seal the record.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Where the seal is stored beside the record. */
export const SEAL = 'qms-training:progress-seal';
/** A message only the progress store's chunk holds (src/stores/progress.ts, NOT_SAVED). */
export const STORE_MARK = 'Your browser refused to save this change';

/** Scripts the page loads from now on, with their text. */
export function scriptsOf(page: Page): Promise<string>[] {
	const texts: Promise<string>[] = [];
	page.on('response', (res) => {
		// A module served from the memory cache may have no body to read here: fetch it again by URL.
		if (res.request().resourceType() === 'script') texts.push(res.text().catch(() => page.request.get(res.url()).then((r) => r.text())));
	});
	return texts;
}

/**
 * Visit `path` once: the page's store validates the unsealed record and seals it. `shown` is the
 * element that drops `aria-busy` once the validated record is shown. Resolves with the seal.
 */
export async function sealOnce(page: Page, path: string, shown: (page: Page) => Locator): Promise<string> {
	await page.goto(path);
	await expect(shown(page)).not.toHaveAttribute('aria-busy');
	await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), SEAL), { timeout: 10_000 }).toMatch(/^\{"v":1,"mac":"[\w-]{43}"\}$/);
	return (await page.evaluate((k) => localStorage.getItem(k), SEAL))!;
}
