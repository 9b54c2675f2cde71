/**
 * QR code of a URL as horizontal runs of dark modules, for drawing as rectangles in SVG and PDF.
 * Encoding is done by `uqr` (error correction level M, no quiet zone: callers leave their own
 * margin of at least 4 modules, as ISO/IEC 18004 asks).
 */
import { encode } from 'uqr';

/** One run of dark modules on row `y` from column `x`, `length` modules long (units: modules). */
export interface QrRun {
	x: number;
	y: number;
	length: number;
}

/** The QR code of `text`: its size in modules and its dark runs. Throws if the text is too long for a QR code. */
export function qrRuns(text: string): { size: number; runs: QrRun[] } {
	const { size, data } = encode(text, { ecc: 'M', border: 0 });
	const runs: QrRun[] = [];
	data.forEach((row, y) => {
		let x = 0;
		while (x < row.length) {
			if (!row[x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < row.length && row[x]) x++;
			runs.push({ x: start, y, length: x - start });
		}
	});
	return { size, runs };
}

/** SVG path data (`d`) drawing the runs of `qrRuns(text)` in module units, origin top left. */
export function qrSvgPath(text: string): { size: number; d: string } {
	const { size, runs } = qrRuns(text);
	return { size, d: runs.map((r) => `M${r.x} ${r.y}h${r.length}v1h-${r.length}z`).join('') };
}
