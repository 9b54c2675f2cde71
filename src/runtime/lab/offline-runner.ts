import type { LabCheck } from '../../schemas/lab-result';
import type { VitestAssertion, VitestReport } from '../../schemas/vitest-report';
import type { RunRequest, WorkerMessage } from '../../lib/labs/runner/protocol';
import { checkName, checksFromReport, summarizeFailures } from '../../lib/labs/runner/report';
import type { LabFiles } from '../../lib/labs/tree';
import OfflineWorker from './offline-worker?worker';

/**
 * Runs a lab's checks in a fresh Web Worker (offline-worker.ts) and enforces a wall-clock time
 * limit by terminating the worker: an endless loop in lab code ends the run with a failing
 * "Time limit" check, and the next run gets a new worker. Resolves with the checks; never rejects.
 */

/** Default wall-clock limit for one offline run, in ms. */
export const OFFLINE_TIME_LIMIT_MS = 15_000;

/** Name of the check added when the time limit stops a run. */
export const TIME_LIMIT_CHECK = 'Time limit';

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
			resolve({ checks: [{ name: 'Offline runner', status: 'fail', message: `The runner could not start: ${String(error)}` }], timedOut: false });
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
		worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
			const message = event.data;
			if (message.type === 'output') onOutput(message.text);
			else if (message.type === 'test') finished.push(message.result);
			else if (message.type === 'done') end({ checks: checksFromReport(message.report as VitestReport), timedOut: false });
			else if (message.type === 'crash') {
				onOutput(`\n\u001b[31mThe offline runner failed: ${message.message}\u001b[39m\n`);
				end({ checks: [{ name: 'Offline runner', status: 'fail', message: message.message }], timedOut: false });
			}
		};
		worker.onerror = (event) => {
			event.preventDefault();
			const text = event.message || 'the worker script failed to load';
			onOutput(`\n\u001b[31mThe offline runner failed: ${text}\u001b[39m\n`);
			end({ checks: [{ name: 'Offline runner', status: 'fail', message: text }], timedOut: false });
		};
		const request: RunRequest = { type: 'run', files };
		worker.postMessage(request);
	});
}
