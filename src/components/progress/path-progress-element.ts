/**
 * `<qms-path-progress>`: per-module state on a path page and a summary line (see PathProgress.astro).
 * It only shows progress, so it never loads the progress store itself: it shows what a peek at the
 * stored record says and follows the store once anything on the page loads it
 * (src/runtime/progress-follow.ts).
 */
import { CurriculumProgress, type CurriculumIndex, type ModuleState, type RecordView } from '../../lib/progress/curriculum';
import { formatMinutes } from '../../lib/curriculum/validate';
import { embeddedJson, h, replace } from '../../runtime/dom';
import { followProgress } from '../../runtime/progress-follow';

const LABEL: Record<ModuleState, string> = { done: 'Done', 'in-progress': 'In progress', available: 'Not started', locked: 'Prerequisites first' };

class QmsPathProgress extends HTMLElement {
	private stop?: () => void;

	connectedCallback(): void {
		try {
			const index = embeddedJson<CurriculumIndex>(this, 'script[data-index]');
			const pathId = this.dataset.pathId!;
			const path = index.pages.find((p) => p.id === pathId);
			if (!path) return;
			const outline = document.querySelector<HTMLElement>(`.path-outline[data-path-id="${CSS.escape(pathId)}"]`);
			const summary = this.querySelector<HTMLElement>('[data-summary]')!;
			this.stop = followProgress<RecordView>({ fromPeek: (p) => p, fromStore: (r) => r }, (record) => {
				const p = new CurriculumProgress(index, record).path(path);
				summary.hidden = false;
				replace(
					summary,
					h('p', {}, h('strong', {}, `Your progress: ${p.done} of ${p.total} modules done (${p.percent} %)`), ` · ${formatMinutes(p.minutesDone)} of ${formatMinutes(p.minutesPlanned)} · ${p.read} read`),
					h('p', {}, ...(p.next ? ['Next: ', h('a', { href: `/${p.next.id}/` }, p.next.title)] : [p.total > 0 ? 'Path complete.' : null])),
					h('p', {}, 'A module is done when you have marked it as read and passed its knowledge checks.'),
				);
				for (const m of p.modules) {
					const li = outline?.querySelector<HTMLElement>(`li[data-module-id="${CSS.escape(m.status.page.id)}"]`);
					if (!li) continue;
					let badge = li.querySelector<HTMLElement>('.module-state');
					if (!badge) {
						badge = h('span', { class: 'module-state' });
						const meta = li.querySelector('.meta');
						if (meta) meta.prepend(badge);
						else li.append(badge);
					}
					badge.dataset.state = m.state;
					const isNext = p.next?.id === m.status.page.id;
					badge.toggleAttribute('data-next', isNext);
					badge.textContent = isNext && m.state !== 'in-progress' ? 'Next' : LABEL[m.state];
				}
			});
		} catch (e) {
			console.error(e);
		}
	}

	disconnectedCallback(): void {
		this.stop?.();
	}
}

if (!customElements.get('qms-path-progress')) customElements.define('qms-path-progress', QmsPathProgress);
