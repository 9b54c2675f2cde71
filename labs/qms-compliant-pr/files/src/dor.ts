/**
 * Definition of Ready rules for a PR (QMS Step 1: conventional commit messages, an adequate
 * PR description, linked to relevant issues). The checks in test/pr.test.ts use these helpers.
 * Read them; you do not need to change this file.
 */

/** Commit types of the Conventional Commits convention. */
export const COMMIT_TYPES = ['feat', 'fix', 'docs', 'style', 'refactor', 'perf', 'test', 'build', 'ci', 'chore', 'revert'];

/** Sections every PR description needs (Practical Exercise 1.1). */
export const REQUIRED_SECTIONS = ['Summary', 'Acceptance criteria', 'Testing approach', 'Security considerations'];

export interface ConventionalCommit {
	type: string;
	scope: string | undefined;
	breaking: boolean;
	subject: string;
}

const HEADER = /^(?<type>[a-z]+)(?:\((?<scope>[a-z0-9-]+)\))?(?<breaking>!)?: (?<subject>\S.*)$/;

/**
 * Parses the first line of a commit message or PR title as `type(scope): subject`
 * (scope and `!` optional). Returns null when it is not a conventional commit.
 */
export function parseConventionalCommit(message: string): ConventionalCommit | null {
	const header = message.split('\n')[0]?.trim() ?? '';
	const match = HEADER.exec(header);
	if (!match?.groups || !COMMIT_TYPES.includes(match.groups.type as string)) return null;
	return {
		type: match.groups.type as string,
		scope: match.groups.scope,
		breaking: match.groups.breaking === '!',
		subject: match.groups.subject as string,
	};
}

/** Branch names follow `type/topic`, e.g. "feat/user-authentication". */
export function followsBranchStrategy(branch: string): boolean {
	const [type, topic, ...rest] = branch.split('/');
	return rest.length === 0 && COMMIT_TYPES.includes(type ?? '') && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(topic ?? '');
}

/**
 * Splits Markdown into sections by heading (`#` to `###`): heading text in lower case → the
 * text under it, trimmed, with HTML comments removed.
 */
export function sections(markdown: string): Map<string, string> {
	const result = new Map<string, string>();
	let current: string | undefined;
	let lines: string[] = [];
	const flush = () => {
		if (current !== undefined) result.set(current, lines.join('\n').replace(/<!--[\s\S]*?-->/g, '').trim());
	};
	for (const line of markdown.split('\n')) {
		const heading = /^#{1,3}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) {
			flush();
			current = (heading[1] as string).toLowerCase();
			lines = [];
		} else {
			lines.push(line);
		}
	}
	flush();
	return result;
}

/** True when a section's text says nothing: empty, "N/A", "TODO", "TBD", "none", "-" or "...". */
export function isPlaceholder(text: string): boolean {
	return /^(n\/?a|none|todo|tbd|-|\.\.\.)?$/i.test(text.trim());
}

/** Lines of a section written as a Markdown task list item: "- [ ] …" or "- [x] …". */
export function checklistItems(text: string): string[] {
	return text.split('\n').filter((line) => /^\s*[-*] \[[ xX]\] \S/.test(line));
}

/**
 * Issue numbers the description links with a GitHub keyword: "Closes #12", "Fixes #12",
 * "Resolves #12" (and their other forms) or "Refs #12".
 */
export function linkedIssues(markdown: string): number[] {
	const pattern = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?)\s+#(\d+)\b/gi;
	return [...markdown.matchAll(pattern)].map((match) => Number(match[1]));
}
