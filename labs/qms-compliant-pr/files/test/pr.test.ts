import { describe, expect, it } from 'vitest';
import { pullRequest } from '../src/pr.ts';
import {
	checklistItems,
	followsBranchStrategy,
	isPlaceholder,
	linkedIssues,
	parseConventionalCommit,
	sections,
} from '../src/dor.ts';

const section = (name: string): string | undefined => sections(pullRequest.description).get(name.toLowerCase());

describe('PR metadata: title, branch and commits', () => {
	it('title is a conventional commit header "type(scope): summary"', () => {
		expect(parseConventionalCommit(pullRequest.title), `"${pullRequest.title}" is not type(scope): summary`).not.toBeNull();
	});

	it("title has type 'feat' and scope 'auth', as a new authentication endpoint needs", () => {
		const header = parseConventionalCommit(pullRequest.title);
		expect(header?.type).toBe('feat');
		expect(header?.scope).toBe('auth');
	});

	it('branch name follows type/topic, e.g. feat/user-authentication', () => {
		expect(followsBranchStrategy(pullRequest.branch), `branch "${pullRequest.branch}"`).toBe(true);
	});

	it('every commit message is a conventional commit (there is at least one commit)', () => {
		expect(pullRequest.commits.length).toBeGreaterThan(0);
		const bad = pullRequest.commits.filter((message) => parseConventionalCommit(message) === null);
		expect(bad, 'commit messages that are not type(scope): summary').toEqual([]);
	});
});

describe('PR description', () => {
	it('has a Summary section with real content', () => {
		const text = section('Summary');
		expect(text, 'no "## Summary" heading').toBeDefined();
		expect(isPlaceholder(text ?? ''), 'Summary is empty or a placeholder').toBe(false);
	});

	it('has an Acceptance criteria section with at least one checklist item ("- [ ] …")', () => {
		const text = section('Acceptance criteria');
		expect(text, 'no "## Acceptance criteria" heading').toBeDefined();
		expect(checklistItems(text ?? '').length).toBeGreaterThan(0);
	});

	it('has a Testing approach section that covers both unit and integration tests', () => {
		const text = section('Testing approach');
		expect(text, 'no "## Testing approach" heading').toBeDefined();
		expect(text?.toLowerCase()).toContain('unit');
		expect(text?.toLowerCase()).toContain('integration');
	});

	it('has a Security considerations section with real content (not "N/A" or "TODO")', () => {
		const text = section('Security considerations');
		expect(text, 'no "## Security considerations" heading').toBeDefined();
		expect(isPlaceholder(text ?? ''), 'Security considerations is empty or a placeholder').toBe(false);
	});

	it('links the related issue with a keyword, e.g. "Closes #42"', () => {
		expect(linkedIssues(pullRequest.description).length).toBeGreaterThan(0);
	});
});
