/**
 * Simple accessible SVG bar charts for the progress page: each chart is role="img" with a <title>
 * and a <desc> that says every value in words (the same figures are also in a table beside it).
 * Made with an element factory (src/lib/html/markup.ts), so the build renders the same chart the
 * island does: the chart's height depends only on the number of bars, never on the values.
 */
import type { Make } from '../../lib/html/markup';

export interface Bar {
	label: string;
	/** 0–100. */
	value: number;
	/** Optional marker, 0–100 (e.g. the pass mark). */
	marker?: number;
	/** Words for the value, e.g. "3 of 8 modules (37 %)". */
	text: string;
}

/** Each bar takes two lines, its label above it, so long path and knowledge-check names fit. */
const ROW = 46;
const BAR_W = 440;
const clamp = (v: number) => Math.max(0, Math.min(100, v));
/** About as many characters as fit above a bar; the full label is in the chart's <desc> and the table. */
const short = (t: string, n = 64) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/** A horizontal bar chart. `id` is unique in the page; `title` names it; `markerName` says what the marker is (e.g. "pass mark"). */
export function barChart<N>({ s }: Make<N>, id: string, title: string, bars: Bar[], markerName?: string): N {
	const height = bars.length * ROW + 8;
	const desc = bars.map((b) => `${b.label}: ${b.text}${b.marker !== undefined && markerName ? `; ${markerName} ${b.marker} %` : ''}`).join('. ');
	return s(
		'svg',
		{ role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, viewBox: `0 0 ${BAR_W + 56} ${height}`, class: 'bar-chart', width: '100%', preserveAspectRatio: 'xMinYMin meet' },
		s('title', { id: `${id}-t` }, title),
		s('desc', { id: `${id}-d` }, desc),
		...bars.flatMap((b, i) => {
			const y = i * ROW + 4;
			const w = (clamp(b.value) / 100) * BAR_W;
			const markerX = b.marker === undefined ? 0 : (clamp(b.marker) / 100) * BAR_W;
			return [
				s('text', { x: 0, y: y + 14, class: 'bar-label' }, short(b.label)),
				s('rect', { x: 0, y: y + 20, width: BAR_W, height: 18, rx: 3, class: 'bar-track' }),
				s('rect', { x: 0, y: y + 20, width: w, height: 18, rx: 3, class: 'bar-fill' }),
				b.marker !== undefined ? s('line', { x1: markerX, x2: markerX, y1: y + 17, y2: y + 41, class: 'bar-marker' }) : null,
				s('text', { x: BAR_W + 8, y: y + 34, class: 'bar-value' }, `${Math.floor(b.value)} %`),
			];
		}),
	);
}
