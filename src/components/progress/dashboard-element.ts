/**
 * `<qms-progress-dashboard>`: renders the progress page (./dashboard-view.ts) from the embedded
 * curriculum index and the learner record, over the same view the build rendered for an empty
 * record. Text only; no learner text as HTML.
 */
import { $progress } from '../../stores/progress';
import { embeddedJson, formatDate, formatDateTime, h, replace, s } from '../../runtime/dom';
import type { Make } from '../../lib/html/markup';
import { dashboardView, type DashboardData } from './dashboard-view';

const dom: Make<Element> = { h: h as Make<Element>['h'], s };
const dates = { date: formatDate, dateTime: formatDateTime };

class QmsProgressDashboard extends HTMLElement {
	private unsubscribe?: () => void;

	connectedCallback(): void {
		const root = this.querySelector<HTMLElement>('[data-root]')!;
		try {
			const data = embeddedJson<DashboardData>(this, 'script[data-index]');
			this.unsubscribe = $progress.subscribe((record) => {
				replace(root, ...dashboardView(dom, data, record, dates));
				root.removeAttribute('aria-busy');
			});
		} catch (e) {
			console.error(e);
			replace(root, h('p', {}, 'Your progress could not be shown. Reload the page to try again.'));
		}
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}
}

if (!customElements.get('qms-progress-dashboard')) customElements.define('qms-progress-dashboard', QmsProgressDashboard);
