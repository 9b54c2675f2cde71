import type { Db } from './db.ts';

export interface UserRow {
	id: number;
	email: string;
	name: string;
}

/** The user with this id, or undefined. */
export async function getUserById(db: Db, userId: number): Promise<UserRow | undefined> {
	const query = 'SELECT * FROM users WHERE id = ?';
	const rows = await db.query<UserRow>(query, [userId]);
	return rows[0];
}

/** The user with this email, or undefined. `email` comes straight from a login form. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
	// The email travels as a parameter: whatever it contains, it is compared, never executed.
	const query = 'SELECT * FROM users WHERE email = ?';
	const rows = await db.query<UserRow>(query, [email]);
	return rows[0];
}
