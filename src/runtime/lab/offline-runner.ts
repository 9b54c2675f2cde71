import type { LabCheck } from '../../schemas/lab-result';
import type { VitestAssertion } from '../../schemas/vitest-report';
import { readWorkerMessage, type RunRequest } from '../../lib/labs/runner/protocol';
import { checkName, checksFromReport, summarizeFailures } from '../../lib/labs/runner/report';
import type { LabFiles } from '../../lib/labs/tree';
import OfflineWorker from './offline-worker?worker';

/**
 * Runs a lab's checks in a fresh Web Worker (offline-worker.ts) and enforces a wall-clock time
 * limit by terminating the worker: an endless loop in lab code ends the run with a failing
 * "Time limit" check, and the next run gets a new worker. Every message from the worker is parsed
 * (readWorkerMessage) before it is believed: one that does not fit the protocol ends the run with a
 * failing "Offline runner" check, never a pass. Resolves with the checks; never rejects.
 */

/** Default wall-clock limit for one offline run, in ms. */
export const OFFLINE_TIME_LIMIT_MS = 15_000;

/** Name of the check added when the time limit stops a run. */
export const TIME_LIMIT_CHECK = 'Time limit';

/** Name of the failing check when the runner could not start, crashed or sent an unreadable message. */
export const RUNNER_CHECK = 'Offline runner';

export interface OfflineRunOptions {
	files: LabFiles;
	timeLimitMs?: number;
	onOutput: (text: string) => void;
}

export interface OfflineRunOutcome {
	checks: LabCheck[];
	/** True when the time limit stopped the run. */
	timedOut: boolean;
}

export function runOffline({ files, timeLimitMs = OFFLINE_TIME_LIMIT_MS, onOutput }: OfflineRunOptions): Promise<OfflineRunOutcome> {
	return new Promise((resolve) => {
		const finished: VitestAssertion[] = [];
		let worker: Worker;
		try {
			worker = new OfflineWorker();
		} catch (error) {
			resolve({ checks: [{ name: RUNNER_CHECK, status: 'fail', message: `The runner could not start: ${String(error)}` }], timedOut: false });
			return;
		}
		const end = (outcome: OfflineRunOutcome) => {
			clearTimeout(timer);
			worker.terminate();
			resolve(outcome);
		};
		const timer = setTimeout(() => {
			const seconds = Math.round(timeLimitMs / 1000);
			const message = `Time limit exceeded: the checks did not finish within ${seconds} s, so the run was stopped. Look for a loop that never ends.`;
			onOutput(`\n\u001b[31m${message}\u001b[39m\n`);
			const done: LabCheck[] = finished.map((r) => ({
				name: checkName(r.ancestorTitles, r.title),
				status: r.status === 'passed' ? 'pass' : r.status === 'failed' ? 'fail' : 'skip',
				...(r.status === 'failed' ? { message: summarizeFailures(r.failureMessages ?? []) } : {}),
			}));
			end({ checks: [...done, { name: TIME_LIMIT_CHECK, status: 'fail', message }], timedOut: true });
		}, timeLimitMs);
		const fail = (message: string) => {
			onOutput(`\n\u001b[31mThe offline runner failed: ${message}\u001b[39m\n`);
			end({ checks: [{ name: RUNNER_CHECK, status: 'fail', message }], timedOut: false });
		};
		worker.onmessage = (event: MessageEvent<unknown>) => {
			const message = readWorkerMessage(event.data);
			if (message.type === 'output') onOutput(message.text);
			else if (message.type === 'test') finished.push(message.result);
			else if (message.type === 'done') end({ checks: checksFromReport(message.report), timedOut: false });
			else if (message.type === 'crash') fail(message.message);
			else fail(`it sent a message this page cannot read (${message.error}), so the run does not count.`);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			fail(event.message || 'the worker script failed to load');
		};
		const request: RunRequest = { type: 'run', files };
		worker.postMessage(request);
	});
}
