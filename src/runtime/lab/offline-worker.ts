/// <reference lib="webworker" />
import * as zod from 'zod';
import type { RunRequest, WorkerMessage } from '../../lib/labs/runner/protocol';
import { runLabTests } from '../../lib/labs/runner/run';
import { consoleText, fileEndText, fileStartText, summaryText, testText } from '../../lib/labs/runner/terminal-text';
import type { LabConsole } from '../../lib/labs/runner/modules';

/**
 * The offline runner's Web Worker: runs one lab's checks with the runner core
 * (src/lib/labs/runner/run.ts), the real zod as the only package besides `vitest`, and streams
 * terminal text back. The page terminates this worker to enforce the time limit, so a runaway
 * loop in lab code cannot freeze the page; each run uses a fresh worker.
 */
declare const self: DedicatedWorkerGlobalScope;

const post = (message: WorkerMessage) => self.postMessage(message);

/** Terminal text one run may send, in characters: a logging loop must not flood the page. */
const OUTPUT_LIMIT = 200_000;
let sent = 0;
const output = (text: string) => {
	if (sent > OUTPUT_LIMIT) return;
	sent += text.length;
	post({ type: 'output', text: sent > OUTPUT_LIMIT ? '\n… output truncated (more than 200 000 characters)\n' : text });
};

const labConsole: LabConsole = {
	log: (...args: unknown[]) => output(consoleText('log', args)),
	info: (...args: unknown[]) => output(consoleText('info', args)),
	debug: (...args: unknown[]) => output(consoleText('debug', args)),
	warn: (...args: unknown[]) => output(consoleText('warn', args)),
	error: (...args: unknown[]) => output(consoleText('error', args)),
	trace: (...args: unknown[]) => output(consoleText('trace', args)),
	dir: (...args: unknown[]) => output(consoleText('log', args.slice(0, 1))),
	table: (...args: unknown[]) => output(consoleText('log', args.slice(0, 1))),
};

// Errors lab code leaves behind (a rejected promise nobody awaited, a throwing timer callback):
// Vitest reports them as "Unhandled errors"; here they go to the terminal.
self.addEventListener('unhandledrejection', (event) => {
	event.preventDefault();
	output(consoleText('error', ['Unhandled rejection:', event.reason]));
});
self.addEventListener('error', (event) => {
	event.preventDefault();
	output(consoleText('error', ['Uncaught error:', event.error ?? event.message]));
});

self.onmessage = async (event: MessageEvent<RunRequest>) => {
	const request = event.data;
	if (request?.type !== 'run' || typeof request.files !== 'object' || request.files === null) {
		post({ type: 'crash', message: 'The offline runner received an unexpected message.' });
		return;
	}
	const started = performance.now();
	try {
		const report = await runLabTests({
			files: request.files,
			packages: { zod },
			console: labConsole,
			testTimeoutMs: request.testTimeoutMs,
			onFileStart: (file) => output(fileStartText(file)),
			onTestFinished: (file, result) => {
				output(testText(result));
				post({ type: 'test', file, result });
			},
			onFileFinished: (result) => {
				const text = fileEndText(result);
				if (text) output(text);
			},
		});
		output(summaryText(report, performance.now() - started));
		post({ type: 'done', report });
	} catch (error) {
		post({ type: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
	}
};
