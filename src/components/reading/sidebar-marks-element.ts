/**
 * `<qms-sidebar-marks>`: marks sidebar links of pages marked as read (see SidebarMarks.astro).
 * No page loads the progress store for them: they show what a peek at the stored record says and
 * follow the store once anything on the page loads it (src/runtime/progress-follow.ts).
 */
import { followProgress } from '../../runtime/progress-follow';

/** Page id of a same-site link: "/a/b/" → "a/b", "/" → "index". */
function pageIdOf(a: HTMLAnchorElement): string | null {
	const url = new URL(a.href, location.href);
	if (url.origin !== location.origin) return null;
	const id = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '').toLowerCase();
	return id === '' ? 'index' : id;
}

/**
 * `<span class="read-mark"><span aria-hidden="true">✓</span><span class="visually-hidden"> (read)</span></span>`,
 * built without src/runtime/dom.ts, which this always-loaded script does not need whole.
 */
function readMark(): HTMLElement {
	const span = (cls: string | null, text: string) => {
		const el = document.createElement('span');
		if (cls) el.className = cls;
		el.textContent = text;
		return el;
	};
	const mark = span('read-mark', '');
	const tick = span(null, '✓');
	tick.setAttribute('aria-hidden', 'true');
	mark.append(tick, span('visually-hidden', ' (read)'));
	return mark;
}

class QmsSidebarMarks extends HTMLElement {
	private stop?: () => void;

	connectedCallback(): void {
		try {
			this.stop = followProgress<(pageId: string) => boolean>(
				{
					fromPeek: (p) => (id) => p.reading[id]?.read === true,
					fromStore: (r) => (id) => r.reading[id]?.read === true,
				},
				(isRead) => this.mark(isRead),
			);
		} catch (e) {
			console.error(e);
		}
	}

	disconnectedCallback(): void {
		this.stop?.();
	}

	/** Add or remove the ✓ on each link, as `isRead` says. */
	private mark(isRead: (pageId: string) => boolean): void {
		for (const a of this.querySelectorAll<HTMLAnchorElement>('a[href]')) {
			const id = pageIdOf(a);
			const read = id !== null && isRead(id);
			const mark = a.querySelector('.read-mark');
			if (read && !mark) {
				a.append(readMark());
			} else if (!read && mark) mark.remove();
		}
	}
}

if (!customElements.get('qms-sidebar-marks')) customElements.define('qms-sidebar-marks', QmsSidebarMarks);
