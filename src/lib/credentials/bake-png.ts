/**
 * Bake an OB 3.0 credential into a PNG and extract it (OB 3.0 "Baked Badge / PNG").
 *
 * Baking writes exactly one uncompressed `iTXt` chunk (PNG spec 11.3.4.5) with keyword
 * `openbadgecredential`: keyword, NUL, compression flag 0, compression method 0, empty language
 * tag, NUL, empty translated keyword, NUL, then the UTF-8 text, which is the compact JWS of a
 * signed credential or the credential JSON. Any existing `openbadgecredential` chunk is removed
 * first (the spec lets the baker overwrite). The chunk goes right after IHDR, so an extractor that
 * stops at the first match (as the spec allows) never reads the image data.
 *
 * Chunks are split and joined by png-chunks-extract / png-chunks-encode (which check CRCs); only
 * the iTXt layout is written here.
 */
import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';

export const PNG_KEYWORD = 'openbadgecredential';
/** OB 2.0's keyword (tEXt or iTXt); recognised only to say the file is an older badge. */
export const OB2_PNG_KEYWORD = 'openbadges';
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when the bytes start with the 8-byte PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
	return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Thrown by `bakePng` when the image is not a readable PNG. */
export class PngError extends Error {
	override name = 'PngError';
}

type Chunk = { name: string; data: Uint8Array };

/**
 * Walk the chunk headers before handing the bytes to png-chunks-extract: a hostile length field
 * would otherwise make it allocate up to 4 GB. Returns a reason when the file is cut short.
 */
function checkChunkLengths(bytes: Uint8Array): string | undefined {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 8;
	while (at + 8 <= bytes.length) {
		const length = view.getUint32(at);
		const name = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
		if (at + 12 + length > bytes.length) return 'The PNG file is cut short (truncated or damaged).';
		if (name === 'IEND') return undefined;
		at += 12 + length;
	}
	return 'The PNG file is cut short: it has no end chunk (truncated or damaged).';
}

function readChunks(bytes: Uint8Array): Chunk[] {
	if (!isPng(bytes)) throw new PngError('This is not a PNG file.');
	const cut = checkChunkLengths(bytes);
	if (cut) throw new PngError(cut);
	try {
		return extractChunks(bytes);
	} catch (error) {
		throw new PngError(`The PNG file is damaged: ${(error as Error).message}.`);
	}
}

/** iTXt chunk data for `keyword` with uncompressed UTF-8 `text`, empty language and translated keyword. */
export function encodeITxt(keyword: string, text: string): Uint8Array {
	const key = new TextEncoder().encode(keyword);
	const body = new TextEncoder().encode(text);
	const out = new Uint8Array(key.length + 5 + body.length);
	out.set(key, 0);
	// [NUL][compression flag 0][method 0][language ""][NUL][translated keyword ""][NUL]
	out.set([0, 0, 0, 0, 0], key.length);
	out.set(body, key.length + 5);
	return out;
}

/**
 * Read an iTXt chunk. Returns undefined when the layout is broken; `compressed: true` when the
 * chunk uses compression (OB 3.0 forbids it for credentials, so callers refuse it).
 */
export function decodeITxt(data: Uint8Array): { keyword: string; compressed: boolean; text: string } | undefined {
	const nul = data.indexOf(0);
	if (nul < 1 || nul > 79 || nul + 2 >= data.length) return undefined;
	const keyword = new TextDecoder('latin1').decode(data.subarray(0, nul));
	const compressed = data[nul + 1] !== 0;
	const langEnd = data.indexOf(0, nul + 3);
	if (langEnd < 0) return undefined;
	const translatedEnd = data.indexOf(0, langEnd + 1);
	if (translatedEnd < 0) return undefined;
	if (compressed) return { keyword, compressed, text: '' };
	try {
		return { keyword, compressed, text: new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(translatedEnd + 1)) };
	} catch {
		return undefined;
	}
}

function keywordOf(chunk: Chunk): string | undefined {
	if (chunk.name !== 'iTXt' && chunk.name !== 'tEXt' && chunk.name !== 'zTXt') return undefined;
	const nul = chunk.data.indexOf(0);
	return nul > 0 ? new TextDecoder('latin1').decode(chunk.data.subarray(0, nul)) : undefined;
}

/**
 * Return a copy of `png` with one `openbadgecredential` iTXt chunk holding `text` (compact JWS or
 * credential JSON), any earlier one removed. Throws PngError when `png` is not a readable PNG.
 */
export function bakePng(png: Uint8Array, text: string): Uint8Array {
	const chunks = readChunks(png).filter((c) => !(c.name === 'iTXt' && keywordOf(c) === PNG_KEYWORD));
	const at = chunks.findIndex((c) => c.name === 'IHDR') + 1;
	chunks.splice(at, 0, { name: 'iTXt', data: encodeITxt(PNG_KEYWORD, text) });
	return encodeChunks(chunks);
}

/** What a PNG holds: the credential text, nothing, an OB 2.0 badge, or a reason it cannot be read. */
export type PngExtract =
	| { kind: 'found'; text: string }
	| { kind: 'none' }
	| { kind: 'ob2' }
	| { kind: 'error'; reason: string };

/** Find the first `openbadgecredential` iTXt chunk. Never throws. */
export function extractFromPng(bytes: Uint8Array): PngExtract {
	let chunks: Chunk[];
	try {
		chunks = readChunks(bytes);
	} catch (error) {
		return { kind: 'error', reason: error instanceof PngError ? error.message : 'The PNG file cannot be read.' };
	}
	let ob2 = false;
	for (const chunk of chunks) {
		const keyword = keywordOf(chunk);
		if (keyword === OB2_PNG_KEYWORD) ob2 = true;
		if (chunk.name !== 'iTXt' || keyword !== PNG_KEYWORD) continue;
		const itxt = decodeITxt(chunk.data);
		if (!itxt) return { kind: 'error', reason: 'The credential chunk in this PNG is damaged.' };
		if (itxt.compressed) return { kind: 'error', reason: 'The credential chunk in this PNG is compressed, which Open Badges 3.0 does not allow.' };
		return { kind: 'found', text: itxt.text };
	}
	return ob2 ? { kind: 'ob2' } : { kind: 'none' };
}
