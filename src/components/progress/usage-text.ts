/**
 * The "Storage used in this browser" lines of `<qms-progress-data>`: bytes under the site's prefix
 * by kind (src/lib/progress/usage.ts), and the browser's own estimate for the whole site when it
 * gives one. Text only.
 */
import { formatBytes, type StorageUsage } from '../../lib/progress/usage';

/** Fill `[data-usage-site]` and `[data-usage-browser]` in `root`; `persistent` false when the browser lets the site store nothing. */
export async function showUsage(root: HTMLElement, u: StorageUsage, persistent: boolean): Promise<void> {
	const parts = (['record', 'lab files', 'undo', 'backups'] as const).filter((k) => u.byKind[k] > 0).map((k) => `${k === 'record' ? 'progress record' : k === 'undo' ? 'copy kept for undo' : k === 'backups' ? 'copies of damaged data' : 'lab files'} ${formatBytes(u.byKind[k])}`);
	root.querySelector('[data-usage-site]')!.textContent = persistent
		? `This site stores ${formatBytes(u.bytes)} in this browser's local storage${parts.length ? ` (${parts.join(', ')})` : ''}. Browsers allow about 10 MB per site, counted this way (two bytes per character).`
		: `Nothing is stored: this browser does not let the site save data. ${formatBytes(u.bytes)} is held in this page only.`;
	let estimate = '';
	try {
		const e = await navigator.storage?.estimate?.();
		if (e && typeof e.usage === 'number' && typeof e.quota === 'number') estimate = `The browser's own estimate for this site (navigator.storage; Chromium leaves localStorage out of it): ${formatBytes(e.usage)} used of ${formatBytes(e.quota)} it may use.`;
	} catch {
		/* no estimate */
	}
	root.querySelector('[data-usage-browser]')!.textContent = estimate;
}
