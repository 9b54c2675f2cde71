/**
 * `<qms-sidebar-marks>`: marks sidebar links of pages marked as read (see SidebarMarks.astro).
 * No page loads the progress store for them: they show what a peek at the stored record says and
 * follow the store once anything on the page loads it (src/runtime/progress-follow.ts).
 *
 * Every page runs this at load over the whole sidebar (a few hundred links), so it is kept cheap
 * (issue 12, Lighthouse TBT): each link's page id is worked out once and remembered, a mark is
 * cloned from one built mark, and a link whose state did not change is not touched.
 */
import { followProgress } from '../../runtime/progress-follow';

/** Page id of a same-site link: "/a/b/" → "a/b", "/" → "index"; null for another site. */
function pageIdOf(a: HTMLAnchorElement): string | null {
	// The anchor's own parsed URL: no `new URL` per link.
	if (a.origin !== location.origin) return null;
	let path = a.pathname;
	try {
		path = decodeURIComponent(path);
	} catch {
		// A malformed escape: compare the path as written.
	}
	const id = path.replace(/^\/+|\/+$/g, '').toLowerCase();
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

/** One sidebar link: its page id (null: not a page of this site) and the mark it shows, if any. */
interface Link {
	a: HTMLAnchorElement;
	id: string | null;
	mark: Element | null;
}

class QmsSidebarMarks extends HTMLElement {
	private stop?: () => void;
	private links?: Link[];
	private template?: HTMLElement;

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
		this.links = undefined;
	}

	/** Add or remove the ✓ on each link, as `isRead` says. */
	private mark(isRead: (pageId: string) => boolean): void {
		this.links ??= [...this.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => ({ a, id: pageIdOf(a), mark: a.querySelector('.read-mark') }));
		for (const link of this.links) {
			const read = link.id !== null && isRead(link.id);
			if (read && !link.mark) {
				this.template ??= readMark();
				link.mark = this.template.cloneNode(true) as Element;
				link.a.append(link.mark);
			} else if (!read && link.mark) {
				link.mark.remove();
				link.mark = null;
			}
		}
	}
}

if (!customElements.get('qms-sidebar-marks')) customElements.define('qms-sidebar-marks', QmsSidebarMarks);
