/**
 * The WebContainer runner's command line: the lab's `testCommand` (lab.yaml, e.g.
 * "npx vitest run" or "npm test") plus Vitest reporter flags, so the terminal shows Vitest's
 * usual output while a JSON report (`--reporter=json`) is written to `reportFile` for the checks list.
 */

/** Flags that make Vitest print its default output and write the JSON report to `reportFile`. */
export function reporterArgs(reportFile: string): string[] {
	return ['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
}

/**
 * Splits `command` on spaces and appends the reporter flags (after `--` for `npm test` /
 * `npm run <script>`, which would otherwise keep them for npm). Returns [program, ...args].
 * @throws Error for an empty command or one with quotes or shell operators, which a plain
 *   argument split cannot honour.
 */
export function testCommandArgv(command: string, reportFile: string): [string, ...string[]] {
	if (/["'`|&;<>$]/.test(command)) throw new Error(`testCommand "${command}" must be a plain command without quotes or shell operators`);
	const argv = command.trim().split(/\s+/).filter(Boolean);
	if (argv.length === 0) throw new Error('testCommand is empty');
	const viaNpm = argv[0] === 'npm' && (argv[1] === 'test' || argv[1] === 't' || argv[1] === 'run' || argv[1] === 'run-script');
	const extra = reporterArgs(reportFile);
	const out = viaNpm && !argv.includes('--') ? [...argv, '--', ...extra] : [...argv, ...extra];
	return out as [string, ...string[]];
}
