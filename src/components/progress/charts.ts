/**
 * Simple accessible SVG bar charts for the progress page: each chart is role="img" with a <title>
 * and a <desc> that says every value in words (the same figures are also in a table beside it).
 */
import { s } from '../../runtime/dom';

export interface Bar {
	label: string;
	/** 0–100. */
	value: number;
	/** Optional marker, 0–100 (e.g. the pass mark). */
	marker?: number;
	/** Words for the value, e.g. "3 of 8 modules (37 %)". */
	text: string;
}

let seq = 0;
const ROW = 30;
const LABEL_W = 180;
const BAR_W = 260;
const clamp = (v: number) => Math.max(0, Math.min(100, v));
const short = (t: string, n = 28) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/** A horizontal bar chart. `title` names it; `markerName` says what the marker is (e.g. "pass mark"). */
export function barChart(title: string, bars: Bar[], markerName?: string): SVGElement {
	const id = `chart-${++seq}`;
	const height = bars.length * ROW + 8;
	const desc = bars.map((b) => `${b.label}: ${b.text}${b.marker !== undefined && markerName ? `; ${markerName} ${b.marker} %` : ''}`).join('. ');
	return s(
		'svg',
		{ role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, viewBox: `0 0 ${LABEL_W + BAR_W + 70} ${height}`, class: 'bar-chart', width: '100%', preserveAspectRatio: 'xMinYMin meet' },
		s('title', { id: `${id}-t` }, title),
		s('desc', { id: `${id}-d` }, desc),
		...bars.flatMap((b, i) => {
			const y = i * ROW + 4;
			const w = (clamp(b.value) / 100) * BAR_W;
			return [
				s('text', { x: 0, y: y + 16, class: 'bar-label' }, short(b.label)),
				s('rect', { x: LABEL_W, y: y + 3, width: BAR_W, height: 18, rx: 3, class: 'bar-track' }),
				s('rect', { x: LABEL_W, y: y + 3, width: w, height: 18, rx: 3, class: 'bar-fill' }),
				b.marker !== undefined ? s('line', { x1: LABEL_W + (clamp(b.marker) / 100) * BAR_W, x2: LABEL_W + (clamp(b.marker) / 100) * BAR_W, y1: y, y2: y + 24, class: 'bar-marker' }) : null,
				s('text', { x: LABEL_W + BAR_W + 8, y: y + 16, class: 'bar-value' }, `${Math.floor(b.value)} %`),
			];
		}),
	);
}
