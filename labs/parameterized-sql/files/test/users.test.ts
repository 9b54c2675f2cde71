import { beforeEach, describe, expect, it } from 'vitest';
import { findUserByEmail, getUserById } from '../src/users.ts';
import { createFakeDb, type FakeDb } from './fake-db.ts';

const USERS = [
	{ id: 7, email: 'ada@example.com', name: 'Ada' },
	{ id: 42, email: 'grace@example.com', name: 'Grace' },
	{ id: 99, email: 'linus@example.com', name: 'Linus' },
];
const maliciousInput = "'; DROP TABLE users; --";

let db: FakeDb;
beforeEach(() => {
	db = createFakeDb(USERS);
});

describe('getUserById', () => {
	it('returns the user with that id', async () => {
		expect(await getUserById(db, 42)).toEqual(USERS[1]);
	});

	it('sends the id as a query parameter ("WHERE id = ?"), not inside the SQL text', async () => {
		await getUserById(db, 42);
		expect(db.calls).toHaveLength(1);
		expect(db.calls[0]?.sql).not.toContain('42');
		expect(db.calls[0]?.params).toEqual([42]);
	});
});

describe('findUserByEmail', () => {
	it('returns the user with that email', async () => {
		expect(await findUserByEmail(db, 'grace@example.com')).toEqual(USERS[1]);
	});

	it('returns undefined for an email no user has', async () => {
		expect(await findUserByEmail(db, 'nobody@example.com')).toBeUndefined();
	});

	it('sends the email as a query parameter ("WHERE email = ?"), not inside the SQL text', async () => {
		await findUserByEmail(db, 'grace@example.com');
		expect(db.calls).toHaveLength(1);
		expect(db.calls[0]?.sql).not.toContain('grace@example.com');
		expect(db.calls[0]?.params).toEqual(['grace@example.com']);
	});
});

describe('SQL injection', () => {
	it(`keeps the input "${maliciousInput}" out of the SQL text`, async () => {
		await findUserByEmail(db, maliciousInput).catch(() => undefined);
		for (const call of db.calls) expect(call.sql).not.toContain('DROP TABLE');
	});

	it('finds no user for the malicious input', async () => {
		expect(await findUserByEmail(db, maliciousInput)).toBeUndefined();
	});

	it('the users table keeps all its rows after the attack (database integrity)', async () => {
		await findUserByEmail(db, maliciousInput).catch(() => undefined);
		expect(db.users, 'the users table was dropped').toBeDefined();
		expect(db.users).toHaveLength(USERS.length);
	});
});
