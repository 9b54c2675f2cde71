import type { UserStore } from './user-store.ts';

/**
 * Authentication backed by an injected user store.
 * Implement `validateCredentials` so that every check in test/auth.test.ts passes.
 */
export function createAuth(store: UserStore) {
	return {
		/**
		 * Resolves true when the email and password match a stored user, false otherwise.
		 * Should reject with "Authentication service unavailable" when the store fails.
		 */
		async validateCredentials(email: string, password: string): Promise<boolean> {
			const user = await store.findUser(email);
			return user !== null && user.passwordHash === password;
		},
	};
}
