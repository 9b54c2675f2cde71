import type { LabPayload } from '../../lib/labs/payload';
import { buildLabResult } from '../../lib/labs/runner/report';
import { boundedCheck } from '../../lib/labs/attempt';
import { unavailableMessage } from '../../lib/labs/runner/webcontainer-start';
import type { LabFiles } from '../../lib/labs/tree';
import type { LabCheck, LabResult, LabRunner } from '../../schemas/lab-result';
import { runOffline } from './offline-runner';
import { mountTerminal, type LabTerminal } from './terminal';

/**
 * One "Run checks": picks the runner, streams its output to the lab's terminal, and returns the
 * LabResult. `auto` tries WebContainer first (booted once per page, under a time limit) and falls
 * back to the offline runner when it is unavailable or fails; `offline` goes straight to the worker.
 * The runner that produced the checks is shown in the page and recorded in the result.
 */
export type RunChoice = 'auto' | 'offline';

export interface RunChecksOptions {
	payload: LabPayload;
	files: LabFiles;
	choice: RunChoice;
	timeLimitMs?: number;
	bootTimeoutMs?: number;
}

const terminals = new WeakMap<HTMLElement, LabTerminal>();

/** Longest plain-text transcript kept in the page, in characters (older text is dropped). */
const LOG_LIMIT = 100_000;
// eslint-disable-next-line no-control-regex -- ESC (\u001b) starts every ANSI escape sequence.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

const RUNNER_LABEL: Record<LabRunner, string> = {
	webcontainer: 'WebContainer (Node.js in your browser)',
	offline: 'the offline runner (a worker in this page)',
};

export async function runChecks(host: HTMLElement, options: RunChecksOptions): Promise<LabResult> {
	const terminalHost = host.querySelector<HTMLElement>('[data-part="terminal"]');
	const runnerNote = host.querySelector<HTMLElement>('[data-part="runner"]');
	const log = host.querySelector<HTMLElement>('[data-part="log"]');
	if (!terminalHost || !runnerNote || !log) throw new Error('lab markup lacks the terminal, its text log or the runner note');
	let terminal = terminals.get(host);
	if (!terminal) {
		terminalHost.replaceChildren();
		terminal = mountTerminal(terminalHost);
		terminals.set(host, terminal);
	}
	// The terminal draws only what fits on screen; the text log keeps the whole run readable
	// (screen readers, copy and paste).
	const write = (text: string) => {
		terminal.write(text);
		const next = (log.textContent ?? '') + text.replace(ANSI, '');
		log.textContent = next.length > LOG_LIMIT ? next.slice(-LOG_LIMIT) : next;
	};
	write(`\n\u001b[1m── Run checks · ${new Date().toLocaleTimeString()} ──\u001b[22m\n`);
	const started = performance.now();
	let checks: LabCheck[] | undefined;
	let runner: LabRunner = 'offline';
	let fallbackNote = '';

	if (options.choice === 'auto') {
		write('Starting WebContainer…\n');
		runnerNote.textContent = 'Starting WebContainer…';
		const { getWebContainer, runInWebContainer } = await import('./webcontainer-runner');
		const start = await getWebContainer(options.bootTimeoutMs);
		if (start.ok) {
			try {
				checks = await runInWebContainer(start.instance, { files: options.files, testCommand: options.payload.testCommand, onOutput: write });
				runner = 'webcontainer';
			} catch (error) {
				fallbackNote = `WebContainer run failed: ${error instanceof Error ? error.message : String(error)}`;
			}
		} else {
			fallbackNote = unavailableMessage(start.reason);
		}
		if (!checks) {
			write(`\u001b[33m${fallbackNote}\u001b[39m\nFalling back to the offline runner.\n`);
			runnerNote.textContent = `${fallbackNote}. Running in the offline runner…`;
		}
	}
	if (!checks) {
		if (!fallbackNote) runnerNote.textContent = 'Running in the offline runner…';
		const outcome = await runOffline({ files: options.files, timeLimitMs: options.timeLimitMs, onOutput: write });
		checks = outcome.checks;
		runner = 'offline';
	}
	runnerNote.textContent = `Ran in ${RUNNER_LABEL[runner]}.${fallbackNote ? ` ${fallbackNote}.` : ''}`;
	runnerNote.dataset.runner = runner;
	// Names cut to the record's limit here, so a long test title never makes the result invalid.
	return buildLabResult({ labId: options.payload.id, runner, checks: checks.map(boundedCheck), durationMs: performance.now() - started });
}
