/**
 * DejaVu Sans for PDF text outside WinAnsi (certificate-pdf.ts). Vite copies the TTF from
 * node_modules/dejavu-fonts-ttf into the build as a hashed asset (`?url`) and this module fetches
 * it only when a PDF needs it (about 740 KB, never in a page's JS). Same origin, no CDN.
 */
import dejavuSansUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

let cached: Promise<Uint8Array> | undefined;

/** The font bytes; fetched once per page. Rejects with Error when the download fails (the next call tries again). */
export function dejavuSansBytes(): Promise<Uint8Array> {
	cached ??= fetch(dejavuSansUrl)
		.then(async (response) => {
			if (!response.ok) throw new Error(`The PDF font could not be loaded (HTTP ${response.status}).`);
			return new Uint8Array(await response.arrayBuffer());
		})
		.catch((error: unknown) => {
			cached = undefined;
			throw error instanceof Error ? error : new Error('The PDF font could not be loaded.');
		});
	return cached;
}
