/**
 * What a credential card shows for a status (src/lib/credentials/rules.ts), as plain data: the
 * build renders it for an empty record into the page (MyCredentials.astro) and the island
 * (./credentials-element.ts) renders it for the learner's record, with the same words and the
 * same lists, so the page arrives with every card as a new learner sees it and filling it in does
 * not move the layout more than the learner's own progress changes it (issue 12).
 */
import type { CredentialStatus, RequirementStatus } from '../../lib/credentials/rules';

const STATE_LABEL: Record<CredentialStatus['state'], string> = { earned: 'Earned', 'in-progress': 'In progress', locked: 'Locked' };

/** `data-state` of the card: earned, expired, in-progress or locked. */
export function cardState(s: CredentialStatus): string {
	return s.state === 'earned' && s.renewal === 'expired' ? 'expired' : s.state;
}

/** The state label: "Earned", "Expired", "Earned, renewal due", "Not started", "In progress" or "Locked". */
export function stateLabel(s: CredentialStatus): string {
	if (s.state === 'earned' && s.renewal === 'expired') return 'Expired';
	if (s.renewal === 'due') return 'Earned, renewal due';
	const untouched = s.state === 'in-progress' && s.requirements.every((r) => !r.met && !r.progress?.done && r.evidence.length === 0);
	return untouched ? 'Not started' : STATE_LABEL[s.state];
}

/** The dates line ('' when there is nothing to say); `date` formats an ISO time for the reader. */
export function datesText(s: CredentialStatus, date: (iso: string) => string): string {
	if (s.state === 'earned' && s.earnedAt) {
		const parts = [`Earned on ${date(s.earnedAt)}.`];
		if (s.expiresAt) parts.push(s.renewal === 'expired' ? `Expired on ${date(s.expiresAt)}: earn it again to renew.` : `Valid until ${date(s.expiresAt)}.`);
		if (s.renewal === 'due') parts.push('It expires within 30 days: plan your renewal.');
		return parts.join(' ');
	}
	if (s.state === 'locked' && s.lockedBy?.length) return `Locked until you earn ${s.lockedBy.join(' and ')}.`;
	return '';
}

/** One requirement's mark, its state for screen readers, and the lines under it (text, optionally a link). */
export interface RequirementView {
	mark: string;
	srState: string;
	lines: { text: string; href?: string }[];
}

export function requirementView(r: RequirementStatus): RequirementView {
	const lines: RequirementView['lines'] = [];
	if (r.progress && !r.met) lines.push({ text: `${r.progress.done} of ${r.progress.total} done.` });
	for (const m of r.missing) lines.push({ text: m });
	if (r.href && !r.met) lines.push({ text: 'Go to it', href: r.href });
	if (r.met) for (const e of r.evidence) lines.push({ text: `${e.name}: ${e.description}` });
	return {
		mark: r.met ? '✓' : r.available ? '○' : '–',
		srState: r.met ? '(met)' : r.available ? '(not met yet)' : '(not available on this site yet)',
		lines,
	};
}

/** The summary line over all cards. */
export function summaryText(all: CredentialStatus[], countOf: (n: number, noun: string) => string): string {
	const earned = all.filter((s) => s.state === 'earned').length;
	const going = all.filter((s) => s.state === 'in-progress').length;
	return `${countOf(earned, 'credential')} earned, ${going} in progress, ${all.length - earned - going} locked, of ${all.length}.`;
}
