import { beforeEach, describe, expect, it, vi } from 'vitest';
import { postUser } from '../src/handler.ts';
import type { NewUser } from '../src/users.ts';

const createUser = vi.fn(async (user: NewUser) => ({ id: 'u-1', ...user }));
const valid = { name: 'Ada Lovelace', email: 'ada@example.com', role: 'developer' };

beforeEach(() => {
	createUser.mockClear();
});

async function expectRejected(body: unknown) {
	const response = await postUser(body, createUser);
	expect(response.status).toBe(400);
	expect(createUser).not.toHaveBeenCalled();
	if (response.status !== 400) throw new Error('unreachable');
	expect(response.body.error).toBe('Invalid request body');
	return response.body.issues.map((issue) => issue.path);
}

describe('POST /user with a valid body', () => {
	it('creates the user and responds 201 with it', async () => {
		const response = await postUser(valid, createUser);
		expect(response).toEqual({ status: 201, body: { id: 'u-1', ...valid } });
	});

	it('passes createUser only the validated fields: an extra "isAdmin": true never reaches it', async () => {
		await postUser({ ...valid, isAdmin: true }, createUser);
		expect(createUser).toHaveBeenCalledTimes(1);
		expect(createUser.mock.calls[0]?.[0]).toEqual(valid);
		expect(createUser.mock.calls[0]?.[0]).not.toHaveProperty('isAdmin');
	});

	it('trims spaces around the name before createUser sees it', async () => {
		await postUser({ ...valid, name: '  Ada Lovelace  ' }, createUser);
		expect(createUser.mock.calls[0]?.[0]).toEqual(valid);
	});
});

describe("POST /user with an invalid body responds 400 'Invalid request body' and creates nothing", () => {
	it('when the email is missing', async () => {
		const { email: _omitted, ...body } = valid;
		expect(await expectRejected(body)).toEqual(['email']);
	});

	it('when the email is not an email address, naming the field "email"', async () => {
		expect(await expectRejected({ ...valid, email: 'ada at example dot com' })).toEqual(['email']);
	});

	it('when the role is not developer, qa-engineer, devops-engineer or manager', async () => {
		expect(await expectRejected({ ...valid, role: 'admin' })).toEqual(['role']);
	});

	it('when the name is blank', async () => {
		expect(await expectRejected({ ...valid, name: '   ' })).toEqual(['name']);
	});

	it('when a field has the wrong type (a number for the name)', async () => {
		expect(await expectRejected({ ...valid, name: 42 })).toEqual(['name']);
	});

	it('when the body is not an object (null, a string, an array)', async () => {
		for (const body of [null, 'name=Ada', [valid]]) await expectRejected(body);
	});

	it('listing every invalid field, not only the first', async () => {
		const paths = await expectRejected({ name: '', email: 'nope', role: 'root' });
		expect([...paths].sort()).toEqual(['email', 'name', 'role']);
	});
});
