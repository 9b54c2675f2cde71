/**
 * Which files are test files: Vitest's default `include` (`**\/*.{test,spec}.?(c|m)[jt]s?(x)`)
 * minus its default excludes (node_modules, .git), so both runners run the same files.
 * Returns project paths sorted alphabetically.
 */
const TEST_FILE = /(^|\/)[^/]+\.(test|spec)\.(c|m)?[jt]sx?$/;
const EXCLUDED = /(^|\/)(node_modules|\.git)\//;

export function isTestFile(path: string): boolean {
	return TEST_FILE.test(path) && !EXCLUDED.test(path);
}

export function findTestFiles(paths: Iterable<string>): string[] {
	return [...paths].filter(isTestFile).sort();
}
