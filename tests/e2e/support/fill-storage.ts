import type { Page } from '@playwright/test';

/** Fill localStorage (under keys of no feature of ours) until not one more character fits. Returns the keys used. */
export async function fillStorage(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const keys: string[] = [];
		let size = 1 << 20;
		while (size >= 1) {
			const key = `filler-${keys.length}`;
			try {
				localStorage.setItem(key, 'x'.repeat(size));
				keys.push(key);
			} catch {
				size = Math.floor(size / 2);
			}
		}
		return keys;
	});
}
