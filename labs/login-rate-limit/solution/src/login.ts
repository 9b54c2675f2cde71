import type { Clock } from './clock.ts';

export type LoginResult =
	| { success: true }
	| { success: false; error: 'Invalid credentials' | 'Rate limit exceeded' };

export interface AuthOptions {
	/** Resolves true when the password is right for this email. */
	verify: (email: string, password: string) => Promise<boolean>;
	clock: Clock;
}

/** Failed logins allowed; the next attempt is refused (000 Module 2.2, "should rate limit login attempts"). */
export const MAX_FAILED_ATTEMPTS = 5;

/** How long a failed attempt counts against the account: 15 minutes, in ms (the lab's choice; the seed sets no window). */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function createAuth({ verify, clock }: AuthOptions) {
	/** Account key → times (ms) of its failed attempts still inside the window. */
	const failures = new Map<string, number[]>();

	return {
		async login(email: string, password: string): Promise<LoginResult> {
			// "User@Test.com" and "user@test.com" are one account; an attacker must not get five tries per spelling.
			const account = email.trim().toLowerCase();
			const now = clock.now();
			const recent = (failures.get(account) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
			failures.set(account, recent);

			// Refuse before checking the password, so a locked account leaks nothing about it.
			if (recent.length >= MAX_FAILED_ATTEMPTS) return { success: false, error: 'Rate limit exceeded' };

			if (await verify(email, password)) {
				failures.delete(account);
				return { success: true };
			}
			recent.push(now);
			return { success: false, error: 'Invalid credentials' };
		},
	};
}
