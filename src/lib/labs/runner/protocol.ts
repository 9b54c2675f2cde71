import { RunnerMessageSchema, type RunnerMessage, type RunnerMessageInput } from '../../../schemas/runner-message';
import type { LabFiles } from '../tree';

/** Messages between the lab page and the offline runner's Web Worker. */

/** Page → worker: run the checks of this project once. */
export interface RunRequest {
	type: 'run';
	files: LabFiles;
	/** Per-test async limit in ms (default 5000). */
	testTimeoutMs?: number;
}

/** Worker → page, as posted (src/schemas/runner-message.ts). */
export type WorkerMessage = RunnerMessageInput;

/** A worker message the page could not read: `error` says what was wrong, in plain words. */
export interface InvalidWorkerMessage {
	type: 'invalid';
	error: string;
}

/** Longest part of a bad message quoted back in the error, in characters. */
const QUOTE_LIMIT = 120;

function describe(data: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(data) ?? String(data);
	} catch {
		text = String(data);
	}
	return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/**
 * Parses one message from the worker with RunnerMessageSchema. Returns the message with defaults
 * applied, or `{ type: 'invalid', error }` naming the first problem (its path in the message) and
 * quoting the start of what arrived. Never throws.
 */
export function readWorkerMessage(data: unknown): RunnerMessage | InvalidWorkerMessage {
	const parsed = RunnerMessageSchema.safeParse(data);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
	return { type: 'invalid', error: `${issue?.message ?? 'unreadable message'}${where}, in ${describe(data)}` };
}
