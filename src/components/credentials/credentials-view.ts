/**
 * My credentials' view of a learner record: the rules (src/lib/credentials/rules.ts) and how
 * their result marks the cards built by MyCredentials.astro (words from ./card-view.ts, which the
 * build uses too). Loaded by ./credentials-element.ts only when there is a record to show: a new
 * learner's page is the build's own rendering, so it downloads none of this (issue 7 budget).
 * A view of a record not validated yet (`validated` false) shows no credential as earned: such a
 * card says "Checking…" and offers no download until the validated record confirms it.
 * The cards are marked one per task (`between()` awaited before each), and each write touches only
 * its card and only what changed, so a full record is a series of short tasks, not one long one
 * holding the DOM writes of every card (issue 12, Lighthouse TBT).
 */
import type { CredentialStatus, RequirementStatus } from '../../lib/credentials/rules';
import type { ProgressRecord } from '../../schemas/progress';
import { LIMITS } from '../../schemas/limits';
import { countOf } from '../../lib/text/count';
import { formatDate, h, replace } from '../../runtime/dom';
import { cardState, datesText, requirementView, stateLabel, summaryText, type RequirementView } from './card-view';

import { evaluateCertification, type CertificationCatalog, type VerifiedSignOff } from '../../lib/credentials/rules';

/**
 * The rules (src/lib/credentials/rules.ts `evaluateAll`) for every certification of `catalog` on
 * `record` at `now` (ISO time), one certification per task (`between()` awaited before each) so a
 * full record's rules are short tasks, not one long one (issue 12, TBT). Resolves null when
 * `stale()` says after a task that the result is no longer wanted.
 */
export async function evaluateEach(
	catalog: CertificationCatalog,
	record: ProgressRecord,
	now: string,
	between: () => Promise<void>,
	stale: () => boolean,
	signOffs: readonly VerifiedSignOff[] = [],
): Promise<CredentialStatus[] | null> {
	const all: CredentialStatus[] = [];
	for (const def of catalog.certifications) {
		await between();
		if (stale()) return null;
		all.push(evaluateCertification(def, record, catalog, now, signOffs));
	}
	return all;
}

/** The label of a card whose requirements look met on a record not validated yet. */
const CHECKING = 'Checking…';

/**
 * Show `all` for `record` in the page `root`, card by card with `between()` awaited before each
 * (see the module comment); unless `validated`, no card is shown as earned. The summary, the name
 * note and the end of `aria-busy` come last, once every card shows the record. Resolves false,
 * leaving the rest as it was, when `stale()` says after a task that this rendering is no longer
 * wanted (a newer record is being shown).
 */
export async function render(
	root: HTMLElement,
	record: ProgressRecord,
	all: CredentialStatus[],
	validated: boolean,
	between: () => Promise<void> = () => Promise.resolve(),
	stale: () => boolean = () => false,
): Promise<boolean> {
	const pending = validated ? 0 : all.filter((s) => s.state === 'earned').length;
	for (const s of all) {
		await between();
		if (stale()) return false;
		renderCard(root, s, record, validated);
	}
	setText(
		root.querySelector('[data-summary]')!,
		pending ? `Checking your record for ${countOf(pending, 'credential')} whose requirements look met…` : summaryText(all, countOf),
	);
	const name = record.profile.displayName.slice(0, LIMITS.displayName);
	replace(
		root.querySelector('[data-name-note]')!,
		name ? `Certificates will show your name as “${name}”. Change it on ` : 'Add the name to print on your certificates on ',
		h('a', { href: '/progress/#profile-title', 'data-astro-prefetch': 'tap' }, 'My progress'),
		name ? '.' : ' before you download one.',
	);
	// Busy until this is the learner's state, earned credentials included.
	if (!pending) root.querySelector('.creds')?.removeAttribute('aria-busy');
	return true;
}

/** Set `el`'s text only when it differs: an unchanged text is no style or layout work. */
function setText(el: Element, text: string): void {
	if (el.textContent !== text) el.textContent = text;
}

/** Set a data attribute only when it differs (the card's CSS selects on them). */
function setData(el: HTMLElement, key: string, value: string): void {
	if (el.dataset[key] !== value) el.dataset[key] = value;
}

function renderCard(root: HTMLElement, s: CredentialStatus, record: ProgressRecord, validated: boolean): void {
	const card = root.querySelector<HTMLElement>(`[data-cred="${CSS.escape(s.id)}"]`);
	if (!card) return;
	const unconfirmed = !validated && s.state === 'earned';
	setData(card, 'state', unconfirmed ? 'in-progress' : cardState(s));
	setText(card.querySelector('[data-state-label]')!, unconfirmed ? CHECKING : stateLabel(s));
	setText(card.querySelector('[data-dates]')!, unconfirmed ? '' : datesText(s, formatDate));
	for (const r of s.requirements) renderRequirement(card, r, record, s.id);
	const actions = card.querySelector<HTMLElement>('[data-actions]')!;
	const hidden = !validated || s.state !== 'earned';
	if (actions.hidden !== hidden) actions.hidden = hidden;
}

/** The lines under a requirement as a list's items would read them (text and link of each), to skip rewriting an unchanged list. */
const linesKey = (lines: RequirementView['lines']) => JSON.stringify(lines.map((l) => [l.text, l.href ?? '']));
const shownLines = (list: Element) => JSON.stringify([...list.children].map((li) => [li.textContent, li.querySelector('a')?.getAttribute('href') ?? '']));

function renderRequirement(card: HTMLElement, r: RequirementStatus, record: ProgressRecord, certId: string): void {
	const li = card.querySelector<HTMLElement>(`[data-req="${CSS.escape(r.id)}"]`);
	if (!li) return;
	setData(li, 'met', String(r.met));
	setData(li, 'available', String(r.available));
	const view = requirementView(r);
	setText(li.querySelector('[data-mark]')!, view.mark);
	setText(li.querySelector('[data-req-state]')!, view.srState);
	const missing = li.querySelector('[data-missing]')!;
	// Links the page writes in bulk are prefetched when pressed, not on hover: Starlight's prefetch
	// of every link adds listeners to each and scans the page again after each change (issue 12, TBT).
	if (linesKey(view.lines) !== shownLines(missing))
		replace(missing, ...view.lines.map((l) => h('li', {}, l.href ? h('a', { href: l.href, 'data-astro-prefetch': 'tap' }, l.text) : l.text)));
	const list = li.querySelector('[data-attest-items]');
	if (list) {
		const items = record.attestations.filter((a) => a.certification === certId && a.requirement === r.id && !a.removedAt);
		// Clipped to the record's limits: a record not validated yet puts no more text here than a valid one.
		const what = (a: (typeof items)[number]) => `${formatDate(a.date)}: ${a.what.slice(0, LIMITS.attestationWhat)}${a.note ? ` (${a.note.slice(0, LIMITS.attestationNote)})` : ''} `;
		// Nothing recorded and nothing shown: leave the empty list alone.
		if (items.length || list.childElementCount)
			replace(list, ...items.map((a) => h('li', {}, what(a), h('button', { type: 'button', class: 'qms-button secondary', 'data-remove-attestation': a.id }, 'Remove'))));
	}
}
