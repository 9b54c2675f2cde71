/**
 * The dashboard's rendering of a learner record in the browser (./dashboard-view.ts, the view the
 * build renders too, with DOM nodes and the learner's locale for dates). Loaded by
 * ./dashboard-element.ts only when there is a record to show: a new learner's page is the
 * build's own rendering, so it downloads none of this. Text only; no learner text as HTML.
 */
import type { ProgressRecord } from '../../schemas/progress';
import { formatDate, formatDateTime, h, replace, s } from '../../runtime/dom';
import type { Make } from '../../lib/html/markup';
import { dashboardBlocks, type DashboardData } from './dashboard-view';

const dom: Make<Element> = { h: h as Make<Element>['h'], s };
const dates = { date: formatDate, dateTime: formatDateTime };

/**
 * Replace what `root` shows with the dashboard of `record`, built block by block (a program, or
 * one of the other sections) with `between()` awaited after each, so a full record's dashboard is
 * several short tasks, not one long one (issue 12, Lighthouse TBT). The blocks are swapped in at
 * once when all are built: the page never shows half a dashboard, and a record the view cannot
 * read (a record not validated yet) rejects before anything shown changes. Resolves false, with
 * nothing changed, when `stale()` says after a task that this rendering is no longer wanted.
 */
export async function renderDashboard(root: HTMLElement, data: DashboardData, record: ProgressRecord, between: () => Promise<void>, stale: () => boolean = () => false): Promise<boolean> {
	// Progress per program in a task of its own (not after the caller's work, e.g. the date formatters).
	await between();
	if (stale()) return false;
	const blocks = dashboardBlocks(dom, data, record, dates);
	const nodes: Element[] = [];
	for (const make of blocks) {
		await between();
		if (stale()) return false;
		nodes.push(make());
	}
	await between();
	if (stale()) return false;
	replace(root, ...nodes);
	return true;
}
