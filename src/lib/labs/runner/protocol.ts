import type { VitestAssertion, VitestReport } from '../../../schemas/vitest-report';
import type { LabFiles } from '../tree';

/** Messages between the lab page and the offline runner's Web Worker. */

/** Page → worker: run the checks of this project once. */
export interface RunRequest {
	type: 'run';
	files: LabFiles;
	/** Per-test async limit in ms (default 5000). */
	testTimeoutMs?: number;
}

export type WorkerMessage =
	/** Terminal text (ANSI colours, `\n` line ends). */
	| { type: 'output'; text: string }
	/** One test finished (for live progress). */
	| { type: 'test'; file: string; result: VitestAssertion }
	/** The run finished. */
	| { type: 'done'; report: VitestReport }
	/** The runner itself failed (a bug, not a failing check). */
	| { type: 'crash'; message: string };
