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
	return {
		async login(email: string, password: string): Promise<LoginResult> {
			if (await verify(email, password)) return { success: true };
			return { success: false, error: 'Invalid credentials' };
		},
	};
}
