/**
 * The simulated clock as learners read it. Pure.
 */

/**
 * Wall time of simulated `minute` for a clock starting at `start` ("HH:MM", 24 h), in the seeds'
 * 12-hour style: "10:30 AM" (001, Exercise 1 timeline); past midnight it adds "+1 day". Without a
 * start, the elapsed time: "minute 15" (001, Exercise 2 timeline).
 */
export function clockText(minute: number, start?: string): string {
	const m = Math.max(0, Math.floor(minute));
	if (!start) return `minute ${m}`;
	const [h, mm] = start.split(':').map(Number) as [number, number];
	const total = h * 60 + mm + m;
	const day = Math.floor(total / 1440);
	const t = total % 1440;
	const h24 = Math.floor(t / 60);
	const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
	return `${h12}:${String(t % 60).padStart(2, '0')} ${h24 < 12 ? 'AM' : 'PM'}${day > 0 ? ` +${day} day${day > 1 ? 's' : ''}` : ''}`;
}

/**
 * Simulated minute reached after `realMs` of real time at `speed` simulated minutes per real
 * second, from `fromMinute`. Whole minutes (floor); never less than `fromMinute`.
 */
export function simulatedMinute(fromMinute: number, realMs: number, speed: number): number {
	return fromMinute + Math.max(0, Math.floor((Math.max(0, realMs) / 1000) * speed));
}
