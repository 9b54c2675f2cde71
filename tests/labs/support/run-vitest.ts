import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** One check (test) of a lab run. `name` is vitest's full name: describe titles + test title. */
export interface CheckResult {
	name: string;
	status: string;
	failureMessages: string[];
}

/** What a real `vitest run` reported for one lab project. */
export interface RunResult {
	exitCode: number | null;
	checks: CheckResult[];
	/** Test files that failed to load or run at all (syntax error, bad import…), with the message. */
	fileErrors: string[];
	/** Console output, for diagnosing a failed proof. */
	output: string;
}

interface JsonReport {
	testResults: Array<{
		name: string;
		status: string;
		message: string;
		assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
	}>;
}

const VITEST_ENTRY = join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

/**
 * Runs `vitest run` in `dir` as the learner's project would (its own root, no config file), in a
 * child process of this Node (>= 22, which vitest 5 needs), with the JSON reporter.
 * The parent's VITEST_* variables are dropped so the child acts as a top-level run.
 * Rejects when vitest writes no report within `timeoutMs`.
 */
export async function runVitest(dir: string, timeoutMs = 90_000): Promise<RunResult> {
	const reportFile = `${dir}.report.json`;
	await rm(reportFile, { force: true });
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !key.startsWith('__VITEST')),
	);
	const child = spawn(process.execPath, [VITEST_ENTRY, 'run', '--reporter=json', `--outputFile=${reportFile}`], {
		cwd: dir,
		env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exitCode = await new Promise<number | null>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`vitest in ${dir} did not finish within ${timeoutMs} ms\n${output}`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
	let report: JsonReport;
	try {
		report = JSON.parse(await readFile(reportFile, 'utf8')) as JsonReport;
	} catch (error) {
		throw new Error(`vitest in ${dir} wrote no readable report (exit ${exitCode}): ${(error as Error).message}\n${output}`, { cause: error });
	}
	const checks = report.testResults.flatMap((file) =>
		file.assertionResults.map((check) => ({
			name: check.fullName,
			status: check.status,
			failureMessages: check.failureMessages,
		})),
	);
	const fileErrors = report.testResults
		.filter((file) => file.status === 'failed' && file.message !== '')
		.map((file) => `${file.name}: ${file.message}`);
	return { exitCode, checks, fileErrors, output };
}
