import { inspect } from '@vitest/utils/display';

/**
 * Error text for the checks list and the terminal: "Name: message" followed by the stack frames
 * that point into the lab's own files (as `src/auth.ts:12:5`), never the runner's internals.
 * Arrays and AggregateErrors list every error. Takes live errors and the serialized ones
 * @vitest/runner stores on its results (plain objects with name, message and stack). Other values
 * are inspected.
 */

// Lab modules run through `new Function`, whose wrapper adds two lines before the code
// (`function anonymous(…\n) {\n`); sucrase keeps line numbers, so subtracting 2 gives the file line.
const WRAPPER_LINES = 2;
const LAB_FRAME = /lab:\/\/\/([^\s):]+):(\d+):(\d+)/;

export function labFrames(stack: string | undefined): string[] {
	if (!stack) return [];
	const frames: string[] = [];
	for (const line of stack.split('\n')) {
		const m = LAB_FRAME.exec(line);
		if (m) frames.push(`    at ${m[1]}:${Math.max(1, Number(m[2]) - WRAPPER_LINES)}:${m[3]}`);
	}
	return frames;
}

export function formatError(error: unknown): string {
	if (Array.isArray(error)) return error.map(formatError).join('\n');
	if (error instanceof AggregateError && error.errors.length) return error.errors.map(formatError).join('\n');
	if (isErrorLike(error)) {
		const head = `${error.name || 'Error'}: ${error.message}`;
		return [head, ...labFrames(error.stack)].join('\n');
	}
	return `Thrown: ${typeof error === 'string' ? error : inspect(error)}`;
}

function isErrorLike(value: unknown): value is { name?: string; message: string; stack?: string } {
	return value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string');
}
