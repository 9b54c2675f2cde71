import type { ProgressRecord } from '../../schemas/progress';

/** One lab's history as the progress page shows it (issue 4: "a pass is recorded … with attempts and time"). */
export interface LabSummary {
	labId: string;
	/** Runs of "Run checks", passed or not (kept and counted). */
	attempts: number;
	/** Of these, older runs no longer kept in the record (only counted). */
	earlier: number;
	/** ISO time of the first passing run, or null when no run has passed. */
	firstPassAt: string | null;
	/** Fastest passing run in milliseconds, or null. */
	bestPassMs: number | null;
	/** ISO time of the latest run. */
	lastAt: string;
}

/**
 * Per-lab summaries of the record's lab attempts, labs in the order of `order` (lab ids), then
 * any other lab the record holds in id order. Labs with no attempts are left out.
 */
export function labSummaries(record: Pick<ProgressRecord, 'labs'>, order: readonly string[] = []): LabSummary[] {
	const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
	return Object.entries(record.labs)
		.filter(([, l]) => l.attempts.length > 0)
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([labId, { attempts, earlier }]) => {
			const byTime = [...attempts].sort((x, y) => x.at.localeCompare(y.at));
			const passes = byTime.filter((a) => a.passed);
			return {
				labId,
				attempts: attempts.length + (earlier?.count ?? 0),
				earlier: earlier?.count ?? 0,
				firstPassAt: passes[0]?.at ?? null,
				bestPassMs: passes.length ? Math.min(...passes.map((a) => a.durationMs)) : null,
				lastAt: byTime[byTime.length - 1]!.at,
			};
		});
}
