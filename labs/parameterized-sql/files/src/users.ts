import type { Db } from './db.ts';

export interface UserRow {
	id: number;
	email: string;
	name: string;
}

/** The user with this id, or undefined. */
export async function getUserById(db: Db, userId: number): Promise<UserRow | undefined> {
	const query = `SELECT * FROM users WHERE id = ${userId}`;
	const rows = await db.query<UserRow>(query);
	return rows[0];
}

/** The user with this email, or undefined. `email` comes straight from a login form. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
	const query = `SELECT * FROM users WHERE email = '${email}'`;
	const rows = await db.query<UserRow>(query);
	return rows[0];
}
