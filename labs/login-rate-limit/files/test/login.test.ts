import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../src/login.ts';

const MINUTE = 60_000;
const clock = { time: 0, now: () => clock.time };
const verify = vi.fn(async (email: string, password: string) => email === 'user@test.com' && password === 'correct-horse');
let auth: ReturnType<typeof createAuth>;

beforeEach(() => {
	clock.time = Date.UTC(2025, 7, 18, 9, 0);
	verify.mockClear();
	auth = createAuth({ verify, clock });
});

async function failTimes(count: number, email = 'user@test.com') {
	for (let i = 0; i < count; i++) await auth.login(email, 'wrongpass');
}

describe('login', () => {
	it('logs in with the correct password', async () => {
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: true });
	});

	it("returns error 'Invalid credentials' for a wrong password", async () => {
		expect(await auth.login('user@test.com', 'wrongpass')).toEqual({ success: false, error: 'Invalid credentials' });
	});
});

describe('rate limiting', () => {
	it('still checks the password after four failed logins', async () => {
		await failTimes(4);
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: true });
	});

	it("returns error 'Rate limit exceeded' on the next attempt after five failed logins", async () => {
		await failTimes(5);
		const result = await auth.login('user@test.com', 'wrongpass');
		expect(result.success).toBe(false);
		expect(result).toHaveProperty('error', 'Rate limit exceeded');
	});

	it('refuses a rate-limited account even with the correct password, without checking it', async () => {
		await failTimes(5);
		verify.mockClear();
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: false, error: 'Rate limit exceeded' });
		expect(verify).not.toHaveBeenCalled();
	});

	it('limits each account separately: another account can still log in', async () => {
		await failTimes(5, 'attacker-target@test.com');
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: true });
	});

	it('counts attempts per account whatever the letter case of the email', async () => {
		for (const email of ['User@test.com', 'USER@TEST.COM', 'user@Test.com', 'uSer@test.com', 'user@test.COM']) {
			await auth.login(email, 'wrongpass');
		}
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: false, error: 'Rate limit exceeded' });
	});

	it('is still limited 14 minutes after the failures', async () => {
		await failTimes(5);
		clock.time += 14 * MINUTE;
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: false, error: 'Rate limit exceeded' });
	});

	it('allows attempts again 15 minutes after the failures', async () => {
		await failTimes(5);
		clock.time += 15 * MINUTE;
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: true });
	});

	it('clears the failed-attempt count after a successful login', async () => {
		await failTimes(4);
		await auth.login('user@test.com', 'correct-horse');
		await failTimes(4);
		expect(await auth.login('user@test.com', 'correct-horse')).toEqual({ success: true });
	});
});
