import type { CreatedUser, CreateUser } from './users.ts';
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
	const result = userSchema.safeParse(body);
	if (!result.success) {
		const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
		return { status: 400, body: { error: 'Invalid request body', issues } };
	}
	// result.data holds the validated fields only: the equivalent of matchedData(req).
	return { status: 201, body: await createUser(result.data) };
}
