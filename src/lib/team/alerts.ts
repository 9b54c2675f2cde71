/**
 * Alerts of the tool-adoption program (003, MONITORING AND ENFORCEMENT: AUTOMATED ALERTS), with
 * their escalation levels (003, ESCALATION PROCEDURES). Pure: every rule takes the clock (`now`,
 * ISO) as an argument and never reads the time itself.
 *
 * 003's rules, and how this site reads them:
 * - Yellow Alert: "No Context7 usage for 2 days → 24-hour check-in". Red Alert: "No Context7 usage
 *   for 3 days → Immediate intervention". The site cannot see Context7 itself; it uses the
 *   learner's last recorded activity in the tool-adoption program (pages read, knowledge checks,
 *   labs, checklists, attested items such as Gate 3 usage days) as the stand-in. "For 2 days" =
 *   at least 48 hours since that activity (yellow), at least 72 hours (red, which replaces yellow).
 *   A learner with no tool-adoption activity at all has not started the plan: no inactivity alert
 *   (they count against the adoption rate instead).
 * - Critical Alert: "Quality gate failures → Performance improvement plan": a gate whose assessment
 *   was failed (the latest attempt below the pass mark) and not passed since.
 * - Team Alert: "<80% adoption rate → Executive notification": adoption rate below 80 %, where a
 *   learner counts as adopting when they have no yellow or red alert and have started the plan
 *   (./figures.ts `adoptionRate`).
 *
 * 003 lists four alerts and four escalation levels without pairing them. The site pairs them in
 * order of severity (yellow → level 1 … team → level 4); the Team Alert's "Executive notification"
 * matches level 4, Executive Leadership, as 003 words it. The pairing is the site's assumption.
 */
import { DAY_MS } from './plan';

/** 003, ESCALATION PROCEDURES. */
export const ESCALATION = {
	1: 'Training Coordinator (Development Manager)',
	2: 'Engineering Director',
	3: 'CTO/VP Engineering',
	4: 'Executive Leadership',
} as const;
export type EscalationLevel = keyof typeof ESCALATION;

export type AlertKind = 'yellow' | 'red' | 'critical' | 'team';

/** Each alert in 003's words: its name, trigger and response, and the escalation level the site pairs with it. */
export const ALERT_RULES: Readonly<Record<AlertKind, { name: string; trigger: string; response: string; escalation: EscalationLevel }>> = {
	yellow: { name: 'Yellow alert', trigger: 'No Context7 usage for 2 days', response: '24-hour check-in', escalation: 1 },
	red: { name: 'Red alert', trigger: 'No Context7 usage for 3 days', response: 'Immediate intervention', escalation: 2 },
	critical: { name: 'Critical alert', trigger: 'Quality gate failures', response: 'Performance improvement plan', escalation: 3 },
	team: { name: 'Team alert', trigger: '<80% adoption rate', response: 'Executive notification', escalation: 4 },
};

/** Days without activity before a yellow and a red alert (003, AUTOMATED ALERTS). */
export const YELLOW_DAYS = 2;
export const RED_DAYS = 3;
/** Team alert below this adoption rate, percent (003, AUTOMATED ALERTS: "<80% adoption rate"). */
export const ADOPTION_THRESHOLD = 80;

export interface Alert {
	kind: AlertKind;
	/** The learner's roster key and name; absent on the team alert. */
	learnerKey?: string;
	learner?: string;
	/** What happened, in one plain sentence naming the facts (days, gate, score, rate). */
	detail: string;
	/** 003's response, e.g. "24-hour check-in". */
	response: string;
	escalation: { level: EscalationLevel; name: string };
}

function alert(kind: AlertKind, detail: string, who?: { key: string; name: string }): Alert {
	const rule = ALERT_RULES[kind];
	return {
		kind,
		...(who ? { learnerKey: who.key, learner: who.name } : {}),
		detail,
		response: rule.response,
		escalation: { level: rule.escalation, name: ESCALATION[rule.escalation] },
	};
}

/**
 * 'red' from 72 hours after `lastActivity` (ISO) on, 'yellow' from 48 hours, else null; null too
 * when there is no activity (plan not started). Whole days since, rounded down, are in `days`.
 */
export function inactivity(lastActivity: string | null, now: string): { level: 'yellow' | 'red' | null; days: number } {
	if (lastActivity === null) return { level: null, days: 0 };
	const ms = Date.parse(now) - Date.parse(lastActivity);
	if (Number.isNaN(ms)) throw new RangeError(`not a date: ${lastActivity} / ${now}`);
	const days = Math.max(0, Math.floor(ms / DAY_MS));
	const level = ms >= RED_DAYS * DAY_MS ? 'red' : ms >= YELLOW_DAYS * DAY_MS ? 'yellow' : null;
	return { level, days };
}

/** A failed quality gate, as ./gates.ts reports it. */
export interface GateFailure {
	gate: number;
	name: string;
	/** Best score and pass mark in percent (whole, as shown). */
	score: number;
	passMark: number;
	/** ISO time of the failed attempt. */
	at: string;
	/** Attempts still allowed by the gate's policy; null = no limit. */
	attemptsLeft: number | null;
}

/** What the learner rules read of one learner. */
export interface AlertInput {
	key: string;
	name: string;
	/** Last recorded activity in the tool-adoption program (ISO), or null when none. */
	lastToolActivity: string | null;
	gateFailures: readonly GateFailure[];
}

/** One learner's alerts at `now`: at most one inactivity alert (red or yellow), then one critical alert per failed gate. */
export function learnerAlerts(l: AlertInput, now: string): Alert[] {
	const out: Alert[] = [];
	const who = { key: l.key, name: l.name };
	const idle = inactivity(l.lastToolActivity, now);
	if (idle.level) {
		const since = l.lastToolActivity!.slice(0, 16).replace('T', ' ');
		out.push(alert(idle.level, `No tool-adoption activity recorded for ${idle.days} days (last: ${since} UTC).`, who));
	}
	for (const f of l.gateFailures) {
		const left = f.attemptsLeft === null ? 'retakes are not limited' : f.attemptsLeft === 0 ? 'no attempts left' : `${f.attemptsLeft} attempt${f.attemptsLeft === 1 ? '' : 's'} left`;
		out.push(alert('critical', `Gate ${f.gate} (${f.name}) failed: best score ${f.score} %, pass mark ${f.passMark} %, on ${f.at.slice(0, 10)}; ${left}.`, who));
	}
	return out;
}

/**
 * The team alert when `adopting` of `total` learners is below 80 %; null at or above it, or when
 * there are no learners.
 */
export function teamAlert(adopting: number, total: number): Alert | null {
	if (total === 0) return null;
	const rate = (adopting / total) * 100;
	if (rate >= ADOPTION_THRESHOLD) return null;
	return alert('team', `Adoption rate ${Math.floor(rate)} % (${adopting} of ${total} learners active in the last ${YELLOW_DAYS} days) is below ${ADOPTION_THRESHOLD} %.`);
}

/** Order for lists: team first, then critical, red, yellow; then by learner name. */
const RANK: Record<AlertKind, number> = { team: 0, critical: 1, red: 2, yellow: 3 };
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
	return [...alerts].sort((a, b) => RANK[a.kind] - RANK[b.kind] || (a.learner ?? '').localeCompare(b.learner ?? '', undefined, { sensitivity: 'base' }));
}
