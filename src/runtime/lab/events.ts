import type { LabResult } from '../../schemas/lab-result';

/**
 * The lab island's one hook point for the rest of the site: every "Run checks" ends with
 * `onLabResult(result)`, which dispatches `CustomEvent('lab:result', { detail: result })` on
 * `document`. The progress store subscribes with `listenLabResults` (or addEventListener) and
 * records the attempt (issue 4: "a pass is recorded in progress with attempts and time").
 * `detail` follows LabResultSchema (src/schemas/lab-result.ts); validate it before storing.
 */
export const LAB_RESULT_EVENT = 'lab:result';

declare global {
	interface DocumentEventMap {
		'lab:result': CustomEvent<LabResult>;
	}
}

export function onLabResult(result: LabResult): void {
	document.dispatchEvent(new CustomEvent(LAB_RESULT_EVENT, { detail: result }));
}

/** Calls `listener` with each lab result on this page; returns a function that stops listening. */
export function listenLabResults(listener: (result: LabResult) => void): () => void {
	const handler = (event: CustomEvent<LabResult>) => listener(event.detail);
	document.addEventListener(LAB_RESULT_EVENT, handler);
	return () => document.removeEventListener(LAB_RESULT_EVENT, handler);
}
