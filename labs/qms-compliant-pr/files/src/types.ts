/** A pull request as the PR metadata validation gate sees it. */
export interface PullRequest {
	/** PR title, e.g. "feat(auth): add user authentication endpoint". */
	title: string;
	/** Source branch, e.g. "feat/user-authentication". */
	branch: string;
	/** Commit messages on the branch, oldest first. */
	commits: string[];
	/** PR description (Markdown). */
	description: string;
}
