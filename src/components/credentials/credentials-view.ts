/**
 * My credentials' view of a learner record: the rules (src/lib/credentials/rules.ts) and how
 * their result marks the cards built by MyCredentials.astro (words from ./card-view.ts, which the
 * build uses too). Loaded by ./credentials-element.ts only when there is a record to show: a new
 * learner's page is the build's own rendering, so it downloads none of this (issue 7 budget).
 * A view of a record not validated yet (`validated` false) shows no credential as earned: such a
 * card says "Checking…" and offers no download until the validated record confirms it.
 */
import type { CredentialStatus, RequirementStatus } from '../../lib/credentials/rules';
import type { ProgressRecord } from '../../schemas/progress';
import { LIMITS } from '../../schemas/limits';
import { countOf } from '../../lib/text/count';
import { formatDate, h, replace } from '../../runtime/dom';
import { cardState, datesText, requirementView, stateLabel, summaryText } from './card-view';

export { evaluateAll } from '../../lib/credentials/rules';

/** The label of a card whose requirements look met on a record not validated yet. */
const CHECKING = 'Checking…';

/** Show `all` for `record` in the page `root`; unless `validated`, no card is shown as earned (see the module comment). */
export function render(root: HTMLElement, record: ProgressRecord, all: CredentialStatus[], validated: boolean): void {
	const pending = validated ? 0 : all.filter((s) => s.state === 'earned').length;
	for (const s of all) renderCard(root, s, record, validated);
	root.querySelector('[data-summary]')!.textContent = pending
		? `Checking your record for ${countOf(pending, 'credential')} whose requirements look met…`
		: summaryText(all, countOf);
	const name = record.profile.displayName.slice(0, LIMITS.displayName);
	replace(
		root.querySelector('[data-name-note]')!,
		name ? `Certificates will show your name as “${name}”. Change it on ` : 'Add the name to print on your certificates on ',
		h('a', { href: '/progress/#profile-title' }, 'My progress'),
		name ? '.' : ' before you download one.',
	);
	// Busy until this is the learner's state, earned credentials included.
	if (!pending) root.querySelector('.creds')?.removeAttribute('aria-busy');
}

function renderCard(root: HTMLElement, s: CredentialStatus, record: ProgressRecord, validated: boolean): void {
	const card = root.querySelector<HTMLElement>(`[data-cred="${CSS.escape(s.id)}"]`);
	if (!card) return;
	const unconfirmed = !validated && s.state === 'earned';
	card.dataset.state = unconfirmed ? 'in-progress' : cardState(s);
	card.querySelector('[data-state-label]')!.textContent = unconfirmed ? CHECKING : stateLabel(s);
	card.querySelector('[data-dates]')!.textContent = unconfirmed ? '' : datesText(s, formatDate);
	for (const r of s.requirements) renderRequirement(card, r, record, s.id);
	card.querySelector<HTMLElement>('[data-actions]')!.hidden = !validated || s.state !== 'earned';
}

function renderRequirement(card: HTMLElement, r: RequirementStatus, record: ProgressRecord, certId: string): void {
	const li = card.querySelector<HTMLElement>(`[data-req="${CSS.escape(r.id)}"]`);
	if (!li) return;
	li.dataset.met = String(r.met);
	li.dataset.available = String(r.available);
	const view = requirementView(r);
	li.querySelector('[data-mark]')!.textContent = view.mark;
	li.querySelector('[data-req-state]')!.textContent = view.srState;
	replace(li.querySelector('[data-missing]')!, ...view.lines.map((l) => h('li', {}, l.href ? h('a', { href: l.href }, l.text) : l.text)));
	const list = li.querySelector('[data-attest-items]');
	if (list) {
		const items = record.attestations.filter((a) => a.certification === certId && a.requirement === r.id && !a.removedAt);
		// Clipped to the record's limits: a record not validated yet puts no more text here than a valid one.
		const what = (a: (typeof items)[number]) => `${formatDate(a.date)}: ${a.what.slice(0, LIMITS.attestationWhat)}${a.note ? ` (${a.note.slice(0, LIMITS.attestationNote)})` : ''} `;
		replace(list, ...items.map((a) => h('li', {}, what(a), h('button', { type: 'button', class: 'qms-button secondary', 'data-remove-attestation': a.id }, 'Remove'))));
	}
}
