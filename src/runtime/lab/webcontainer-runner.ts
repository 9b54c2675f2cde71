import { WebContainer, configureAPIKey } from '@webcontainer/api';
import type { LabCheck } from '../../schemas/lab-result';
import { VitestReportSchema } from '../../schemas/vitest-report';
import { testCommandArgv } from '../../lib/labs/runner/command';
import { isolationEnvOf } from '../../lib/labs/runner/preflight';
import { checksFromReport } from '../../lib/labs/runner/report';
import { startWebContainer, type StartOutcome } from '../../lib/labs/runner/webcontainer-start';
import { withTimeout } from '../../lib/labs/runner/timeout';
import { toFileSystemTree, type LabFiles } from '../../lib/labs/tree';
import { installCommand } from '../../lib/labs/lockfile';

/**
 * The WebContainer runner: Node.js in the browser (StackBlitz). Boots once per page, mounts the
 * learner's project, installs once (`npm ci` from the lab's package-lock.json, so the learner gets
 * the Vitest the lab proofs ran; `npm install` for a lab without one), then the lab's test command with Vitest's JSON
 * reporter, and maps the report to checks with the same mapping as the offline runner.
 * Commercial use needs a StackBlitz licence and API key: set PUBLIC_WEBCONTAINER_API_KEY at build.
 */

const REPORT_FILE = '.lab-report.json';
/** Wall-clock limit for the install and for one test run, in ms. */
const INSTALL_LIMIT_MS = 180_000;
const RUN_LIMIT_MS = 60_000;

let boot: Promise<WebContainer> | undefined;
let started: Promise<StartOutcome<WebContainer>> | undefined;
let installed = false;

/** Boots WebContainer at most once per page; later calls get the first outcome. */
export function getWebContainer(timeoutMs?: number): Promise<StartOutcome<WebContainer>> {
	started ??= startWebContainer({
		env: isolationEnvOf(globalThis),
		timeoutMs,
		boot: () => {
			const key = import.meta.env.PUBLIC_WEBCONTAINER_API_KEY as string | undefined;
			if (key) configureAPIKey(key);
			boot ??= WebContainer.boot({ coep: 'require-corp' });
			return boot;
		},
	});
	return started;
}

async function spawnLogged(wc: WebContainer, command: string, args: string[], onOutput: (t: string) => void, limitMs: number): Promise<number> {
	onOutput(`\n\u001b[90m$ ${[command, ...args].join(' ')}\u001b[39m\n`);
	const proc = await wc.spawn(command, args);
	void proc.output.pipeTo(new WritableStream({ write: (chunk) => onOutput(chunk) }));
	return withTimeout(() => proc.exit, limitMs, `${command} did not finish within ${limitMs / 1000} s`, () => proc.kill());
}

/** Runs the checks in `wc`. Throws when install or the report fails; the caller falls back. */
export async function runInWebContainer(wc: WebContainer, options: { files: LabFiles; testCommand: string; onOutput: (t: string) => void }): Promise<LabCheck[]> {
	const { files, testCommand, onOutput } = options;
	await wc.mount(toFileSystemTree(files));
	if (!installed) {
		const [command, ...args] = installCommand(files);
		const code = await spawnLogged(wc, command, args, onOutput, INSTALL_LIMIT_MS);
		if (code !== 0) throw new Error(`${command} ${args[0]} exited with code ${code}`);
		installed = true;
	}
	await wc.fs.rm(REPORT_FILE, { force: true });
	const [command, ...args] = testCommandArgv(testCommand, REPORT_FILE);
	await spawnLogged(wc, command, args, onOutput, RUN_LIMIT_MS);
	const text = await wc.fs.readFile(REPORT_FILE, 'utf-8');
	return checksFromReport(VitestReportSchema.parse(JSON.parse(text)), wc.workdir);
}
