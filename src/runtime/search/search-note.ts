/**
 * The line above the search modal's results that says what the relaxed search did: "Showing
 * results without: goes, last" and, for a word that matches no page, "Did you mean: <corrected
 * query>" as a button that runs the corrected search. Fed by the `qms-search-note` events of
 * src/runtime/search/relaxed-pagefind.ts; the word list and edit distance load only when a word
 * matched no page.
 */
import type { SearchNote } from './relaxed-pagefind';

const NOTE_EVENT = 'qms-search-note';

/**
 * Puts the note element at the top of Pagefind's result drawer inside `root` and keeps it current.
 *
 * @param root       the element Pagefind's UI renders into
 * @param runSearch  runs a search as if the learner had typed `term` (Pagefind UI's triggerSearch)
 */
export function attachSearchNote(root: HTMLElement, runSearch: (term: string) => void): void {
	const drawer = root.querySelector('.pagefind-ui__drawer');
	if (!drawer) return;
	const box = document.createElement('div');
	box.className = 'qms-search-note';
	box.setAttribute('role', 'status');
	box.hidden = true;
	const without = document.createElement('p');
	const mean = document.createElement('p');
	box.append(without, mean);
	drawer.prepend(box);
	Object.assign(box.style, { margin: '0.5rem 0 0', fontSize: 'var(--sl-text-sm, 0.875rem)' });
	let shown = 0;

	document.addEventListener(NOTE_EVENT, (e) => {
		const note = (e as CustomEvent<SearchNote>).detail;
		if (note.seq < shown) return;
		shown = note.seq;
		without.textContent = note.without.length > 0 ? `Showing results without: ${note.without.join(', ')}` : '';
		without.hidden = note.without.length === 0;
		mean.replaceChildren();
		mean.hidden = true;
		box.hidden = without.hidden;
		if (note.unknown.length === 0) return;
		const input = root.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
		const typed = input?.value ?? note.term;
		void import('./did-you-mean')
			.then(({ suggestFor }) => suggestFor(typed, note.unknown))
			.then((corrected) => {
				if (!corrected || note.seq !== shown) return;
				const button = document.createElement('button');
				button.type = 'button';
				button.className = 'qms-search-note__fix';
				button.textContent = corrected;
				button.addEventListener('click', () => {
					runSearch(corrected);
					input?.focus();
				});
				mean.append('Did you mean: ', button, '?');
				mean.hidden = false;
				box.hidden = false;
			})
			.catch(() => undefined);
	});
}
