/** A stored user account. Passwords are never stored, only a salted hash. */
export interface User {
	id: string;
	email: string;
	/** Hex SHA-256 of salt + password (see password.ts). */
	passwordHash: string;
	salt: string;
}

/** The user database, injected so tests can replace it with a mock. */
export interface UserStore {
	/** The user with this email, or null when there is none. Rejects when the database fails. */
	findUser(email: string): Promise<User | null>;
}
