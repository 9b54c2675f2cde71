/**
 * Reading downloaded credential files back in the test process, with libraries independent of
 * the site's own code where one exists: PNG chunks (png-chunks-extract), PDF text (pdf.js).
 */
import extractChunks from 'png-chunks-extract';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Press `button`, wait for the download, and return its suggested name and bytes. */
export async function download(page: Page, press: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
	const wait = page.waitForEvent('download');
	await press();
	const d: Download = await wait;
	return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** The iTXt chunks of a PNG: keyword, compression flag and text (UTF-8), per PNG 1.2 §11.3.4.5. */
export function itxtChunks(png: Uint8Array): { keyword: string; compressed: number; language: string; translated: string; text: string }[] {
	return extractChunks(png)
		.filter((c) => c.name === 'iTXt')
		.map((c) => {
			const d = c.data;
			const nul = (from: number) => d.indexOf(0, from);
			const k = nul(0);
			const compressed = d[k + 1]!;
			const l = nul(k + 3);
			const t = nul(l + 1);
			const dec = new TextDecoder();
			return { keyword: dec.decode(d.slice(0, k)), compressed, language: dec.decode(d.slice(k + 3, l)), translated: dec.decode(d.slice(l + 1, t)), text: dec.decode(d.slice(t + 1)) };
		});
}

/** All text of a PDF, page by page, as pdf.js extracts it (what a reader can select and copy). */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; width: number; height: number; text: string }> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
	const first = await doc.getPage(1);
	const [, , width, height] = first.view as [number, number, number, number];
	let text = '';
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
	}
	return { pages: doc.numPages, width, height, text };
}
