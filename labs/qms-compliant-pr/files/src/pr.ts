import type { PullRequest } from './types.ts';

/**
 * The pull request for the new user authentication endpoint, as you would open it.
 * Edit the title, branch, commit messages and description until every check passes.
 */
export const pullRequest: PullRequest = {
	title: 'Fixed login stuff',
	branch: 'my-changes',
	commits: ['wip', 'login endpoint', 'fix tests'],
	description: `
## Summary
Adds a POST /auth/login endpoint that checks a user's email and password and returns a session token.

pls review, tested locally
`,
};
