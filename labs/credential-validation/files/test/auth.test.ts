import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../src/auth.ts';
import { hashPassword } from '../src/password.ts';
import type { User } from '../src/user-store.ts';

const mockDB = { findUser: vi.fn<(email: string) => Promise<User | null>>() };
let auth: ReturnType<typeof createAuth>;

beforeEach(async () => {
	const user: User = {
		id: 'u-1',
		email: 'user@test.com',
		salt: 'b7f1c2',
		passwordHash: await hashPassword('password123', 'b7f1c2'),
	};
	mockDB.findUser.mockReset();
	mockDB.findUser.mockImplementation(async (email) => (email === user.email ? user : null));
	auth = createAuth(mockDB);
});

describe('UserAuthentication', () => {
	describe('validateCredentials', () => {
		it('returns true for valid credentials', async () => {
			const result = await auth.validateCredentials('user@test.com', 'password123');
			expect(result).toBe(true);
		});

		it('returns false for an invalid password', async () => {
			const result = await auth.validateCredentials('user@test.com', 'wrongpass');
			expect(result).toBe(false);
		});

		it('returns false for an unknown email, the same answer as a wrong password', async () => {
			const result = await auth.validateCredentials('nobody@test.com', 'password123');
			expect(result).toBe(false);
		});

		it("rejects with 'Authentication service unavailable' when the user store fails", async () => {
			mockDB.findUser.mockRejectedValue(new Error('DB Error'));
			await expect(auth.validateCredentials('user@test.com', 'password123')).rejects.toThrow(
				'Authentication service unavailable',
			);
		});

		it("keeps the store's error as the cause, out of the message callers see", async () => {
			const dbError = new Error('DB Error');
			mockDB.findUser.mockRejectedValue(dbError);
			const error = await auth.validateCredentials('user@test.com', 'password123').catch((e: unknown) => e);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe('Authentication service unavailable');
			expect((error as Error).cause).toBe(dbError);
		});

		it('looks the user up once, by the email given', async () => {
			await auth.validateCredentials('user@test.com', 'password123');
			expect(mockDB.findUser).toHaveBeenCalledTimes(1);
			expect(mockDB.findUser).toHaveBeenCalledWith('user@test.com');
		});

		it('returns false for an empty email or password without querying the store', async () => {
			expect(await auth.validateCredentials('', 'password123')).toBe(false);
			expect(await auth.validateCredentials('user@test.com', '')).toBe(false);
			expect(mockDB.findUser).not.toHaveBeenCalled();
		});
	});
});
