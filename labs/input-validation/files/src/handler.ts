import type { CreatedUser, CreateUser, NewUser } from './users.ts';
// Validate with this schema before anything reaches createUser.
import { userSchema } from './user-schema.ts';

/** One problem with the request body: the field's path ("email") and what is wrong. */
export interface Issue {
	path: string;
	message: string;
}

export type HttpResponse =
	| { status: 201; body: CreatedUser }
	| { status: 400; body: { error: 'Invalid request body'; issues: Issue[] } };

/** Handles POST /user. `body` is the parsed JSON exactly as the client sent it. */
export async function postUser(body: unknown, createUser: CreateUser): Promise<HttpResponse> {
	const userData = body as NewUser; // Direct usage: whatever the client sent.
	return { status: 201, body: await createUser(userData) };
}
