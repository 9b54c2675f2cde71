/**
 * The dashboard's rendering of a learner record in the browser (./dashboard-view.ts, the view the
 * build renders too, with DOM nodes and the learner's locale for dates). Loaded by
 * ./dashboard-element.ts only when there is a record to show: a new learner's page is the
 * build's own rendering, so it downloads none of this. Text only; no learner text as HTML.
 */
import type { ProgressRecord } from '../../schemas/progress';
import { formatDate, formatDateTime, h, replace, s } from '../../runtime/dom';
import type { Make } from '../../lib/html/markup';
import { dashboardView, type DashboardData } from './dashboard-view';

const dom: Make<Element> = { h: h as Make<Element>['h'], s };
const dates = { date: formatDate, dateTime: formatDateTime };

/** Replace what `root` shows with the dashboard of `record`. Throws when the record cannot be read (a view of a record not validated yet). */
export function renderDashboard(root: HTMLElement, data: DashboardData, record: ProgressRecord): void {
	replace(root, ...dashboardView(dom, data, record, dates));
}
