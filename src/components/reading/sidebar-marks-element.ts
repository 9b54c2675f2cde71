/** `<qms-sidebar-marks>`: marks sidebar links of pages marked as read (see SidebarMarks.astro). */
import { $progress } from '../../stores/progress';
import { h } from '../../runtime/dom';

/** Page id of a same-site link: "/a/b/" → "a/b", "/" → "index". */
function pageIdOf(a: HTMLAnchorElement): string | null {
	const url = new URL(a.href, location.href);
	if (url.origin !== location.origin) return null;
	const id = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '').toLowerCase();
	return id === '' ? 'index' : id;
}

class QmsSidebarMarks extends HTMLElement {
	private unsubscribe?: () => void;

	connectedCallback(): void {
		this.unsubscribe = $progress.subscribe((r) => {
			for (const a of this.querySelectorAll<HTMLAnchorElement>('a[href]')) {
				const id = pageIdOf(a);
				const read = id !== null && r.reading[id]?.read === true;
				const mark = a.querySelector('.read-mark');
				if (read && !mark) {
					a.append(h('span', { class: 'read-mark' }, h('span', { 'aria-hidden': 'true' }, '✓'), h('span', { class: 'visually-hidden' }, ' (read)')));
				} else if (!read && mark) mark.remove();
			}
		});
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}
}

if (!customElements.get('qms-sidebar-marks')) customElements.define('qms-sidebar-marks', QmsSidebarMarks);
