import type { User } from './user-store.ts';

const toHex = (bytes: ArrayBuffer): string =>
	[...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * Hex SHA-256 of salt + password, with Web Crypto (available in browsers and in Node).
 * A production service would use a slow password hash (bcrypt, scrypt, Argon2); the lab keeps
 * hashing simple so it can focus on the checks around it.
 */
export async function hashPassword(password: string, salt: string): Promise<string> {
	return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + password)));
}

/** True when `password` hashes to the user's stored hash. */
export async function verifyPassword(password: string, user: Pick<User, 'passwordHash' | 'salt'>): Promise<boolean> {
	return (await hashPassword(password, user.salt)) === user.passwordHash;
}
