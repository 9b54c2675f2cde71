/**
 * "What will change": the differences between the current record and the result of an import,
 * as a list of changes the page words for the learner (with titles it knows).
 */
import type { ProgressRecord } from '../../schemas/progress';

export type Change =
	| { kind: 'quiz-attempts'; id: string; count: number }
	| { kind: 'checklist-items'; id: string; ticked: number; unticked: number }
	| { kind: 'certification'; id: string }
	| { kind: 'self-assessments'; count: number }
	| { kind: 'feedback'; count: number }
	| { kind: 'pages-read'; read: number; unread: number }
	| { kind: 'acknowledgements'; count: number }
	| { kind: 'lab-attempts'; id: string; count: number }
	| { kind: 'attestations'; added: number; removed: number }
	| { kind: 'sign-offs'; count: number }
	| { kind: 'scenario-runs'; count: number }
	| { kind: 'hunt-runs'; count: number }
	| { kind: 'display-name'; from: string; to: string };

const ids = (xs: readonly { id: string }[]) => new Set(xs.map((x) => x.id));
const countNew = (before: readonly { id: string }[], after: readonly { id: string }[]) => {
	const old = ids(before);
	return after.filter((x) => !old.has(x.id)).length;
};

/** Changes from `before` to `after` (e.g. the record and merge(record, imported)); [] when nothing changes. */
export function describeChanges(before: ProgressRecord, after: ProgressRecord): Change[] {
	const out: Change[] = [];
	for (const [id, q] of Object.entries(after.quizzes)) {
		const count = countNew(before.quizzes[id]?.attempts ?? [], q.attempts);
		if (count) out.push({ kind: 'quiz-attempts', id, count });
	}
	for (const [id, c] of Object.entries(after.checklists)) {
		const old = before.checklists[id];
		let ticked = 0;
		let unticked = 0;
		for (const [item, t] of Object.entries(c.items)) {
			const was = old?.items[item]?.checked ?? false;
			if (t.checked && !was) ticked++;
			if (!t.checked && was) unticked++;
		}
		if (ticked || unticked) out.push({ kind: 'checklist-items', id, ticked, unticked });
		const oc = old?.certification;
		const nc = c.certification;
		if (nc && (!oc || oc.date !== nc.date || oc.by !== nc.by)) out.push({ kind: 'certification', id });
	}
	const sa = countNew(before.selfAssessments, after.selfAssessments);
	if (sa) out.push({ kind: 'self-assessments', count: sa });
	const fb = countNew(before.feedback, after.feedback);
	if (fb) out.push({ kind: 'feedback', count: fb });
	let read = 0;
	let unread = 0;
	let acks = 0;
	for (const [id, p] of Object.entries(after.reading)) {
		const was = before.reading[id];
		if (p.read && !was?.read) read++;
		if (!p.read && was?.read) unread++;
		const oldHashes = new Set((was?.acks ?? []).map((a) => a.hash));
		acks += p.acks.filter((a) => !oldHashes.has(a.hash)).length;
	}
	if (read || unread) out.push({ kind: 'pages-read', read, unread });
	if (acks) out.push({ kind: 'acknowledgements', count: acks });
	for (const [id, l] of Object.entries(after.labs)) {
		const count = countNew(before.labs[id]?.attempts ?? [], l.attempts);
		if (count) out.push({ kind: 'lab-attempts', id, count });
	}
	const live = (xs: ProgressRecord['attestations']) => new Set(xs.filter((a) => a.removedAt === undefined).map((a) => a.id));
	const liveBefore = live(before.attestations);
	const liveAfter = live(after.attestations);
	const added = [...liveAfter].filter((id) => !liveBefore.has(id)).length;
	const removed = [...liveBefore].filter((id) => !liveAfter.has(id)).length;
	if (added || removed) out.push({ kind: 'attestations', added, removed });
	const so = countNew(before.signOffs, after.signOffs);
	if (so) out.push({ kind: 'sign-offs', count: so });
	const runs = countNew(before.scenarios, after.scenarios);
	if (runs) out.push({ kind: 'scenario-runs', count: runs });
	const hunts = countNew(before.hunts, after.hunts);
	if (hunts) out.push({ kind: 'hunt-runs', count: hunts });
	if (before.profile.displayName !== after.profile.displayName) {
		out.push({ kind: 'display-name', from: before.profile.displayName, to: after.profile.displayName });
	}
	return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence per change; `title` maps a quiz, checklist or lab id to its title. Output is plain text. */
export function changeText(c: Change, title: (id: string) => string = (id) => id): string {
	switch (c.kind) {
		case 'quiz-attempts':
			return `${title(c.id)}: ${plural(c.count, 'knowledge-check attempt')} added.`;
		case 'checklist-items':
			return `${title(c.id)}: ${[c.ticked && `${plural(c.ticked, 'item')} ticked`, c.unticked && `${plural(c.unticked, 'item')} unticked`].filter(Boolean).join(', ')}.`;
		case 'certification':
			return `${title(c.id)}: certification date and "certified by" updated.`;
		case 'self-assessments':
			return `${plural(c.count, 'self-assessment')} added.`;
		case 'feedback':
			return `${plural(c.count, 'feedback form')} added.`;
		case 'pages-read':
			return [c.read && `${plural(c.read, 'page')} marked as read`, c.unread && `${plural(c.unread, 'page')} marked as not read`].filter(Boolean).join(', ') + '.';
		case 'acknowledgements':
			return `${plural(c.count, 'read-and-understood acknowledgement')} added.`;
		case 'lab-attempts':
			return `${title(c.id)}: ${plural(c.count, 'lab run')} added.`;
		case 'attestations':
			return [c.added && `${plural(c.added, 'attested item')} added`, c.removed && `${plural(c.removed, 'attested item')} removed`].filter(Boolean).join(', ') + '.';
		case 'sign-offs':
			return `${plural(c.count, 'signed sign-off')} added.`;
		case 'scenario-runs':
			return `${plural(c.count, 'drill run')} added.`;
		case 'hunt-runs':
			return `${plural(c.count, 'find-it-fast hunt')} added.`;
		case 'display-name':
			return c.to === '' ? 'Display name removed.' : `Display name set to "${c.to}".`;
	}
}
