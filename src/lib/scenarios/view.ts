/**
 * What the <Scenario> island shows while a run plays, computed without the DOM: the log lines as
 * text. What it shows when a run ends (points per task group, what was missed, the record) is in
 * ./debrief.ts, so that the code of a run in progress does not carry it (issue 8 JS budget). Pure.
 */
import { clockText } from './clock';
import type { LogEntry, ScenarioDef } from './engine';

/** "10:30 AM · Engineering Lead: text" for one log line. */
export function logLine(def: ScenarioDef, e: LogEntry): { time: string; who: string; text: string; kind: LogEntry['kind'] } {
	const role = e.role ? def.roles.find((r) => r.id === e.role)?.name : undefined;
	return { time: clockText(e.minute, def.clock.start), who: role ?? '', text: e.text, kind: e.kind };
}
