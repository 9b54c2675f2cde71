import type { PullRequest } from './types.ts';

/**
 * The pull request for the new user authentication endpoint, as you would open it.
 * Edit the title, branch, commit messages and description until every check passes.
 */
export const pullRequest: PullRequest = {
	title: 'feat(auth): add user authentication endpoint',
	branch: 'feat/user-authentication',
	commits: [
		'feat(auth): add credential validation service',
		'feat(auth): add POST /auth/login endpoint',
		'test(auth): cover invalid password and store failures',
		'docs(auth): document the login endpoint with JSDoc',
	],
	description: `
## Summary
Adds a POST /auth/login endpoint that checks a user's email and password and returns a session token.
Credential checks live in a new AuthService so other endpoints can reuse them.

## Acceptance criteria
- [ ] Valid credentials return 200 and a session token
- [ ] An invalid password returns 401 with "Invalid credentials"
- [ ] A user-store outage returns 503 with "Authentication service unavailable"

## Testing approach
- Unit tests for AuthService (valid, invalid and unknown users; store errors mocked), over 90 % coverage
- Integration tests for POST /auth/login against a test database
- Ran lint:fix, test:coverage, security:scan and build locally

## Security considerations
- Passwords are compared as salted hashes; plain text is never logged
- The same error for unknown user and wrong password, so accounts cannot be enumerated
- Login attempts are rate limited after five failures

Closes #42
`,
};
