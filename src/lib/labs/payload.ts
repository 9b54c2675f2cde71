import type { FileSystemTree } from '@webcontainer/api';
import type { LoadedLab } from './check';
import { toFileSystemTree, type LabFiles } from './tree';

/**
 * What a lab page carries for its island, serialized as JSON into the page at build time
 * (issue 4: "a build step turns each lab into a WebContainer FileSystemTree bundled for the page").
 * The starter project travels as a `FileSystemTree` ready for WebContainer's `mount()`; the
 * island flattens it with `fromFileSystemTree` for the editor and the offline runner.
 */
export interface LabPayload {
	id: string;
	title: string;
	/** Paths the learner may edit; every other file opens read-only. */
	editable: string[];
	/** Command for the WebContainer runner (lab.yaml `testCommand`). */
	testCommand: string;
	/** Hints, revealed one at a time. */
	hints: string[];
	/** The starting project as a WebContainer tree. */
	tree: FileSystemTree;
	/** Solution files (only those that change), for "Compare with solution". */
	solution: LabFiles;
}

export function buildLabPayload({ lab, files, solution }: LoadedLab): LabPayload {
	return {
		id: lab.id,
		title: lab.title,
		editable: [...lab.editable],
		testCommand: lab.testCommand,
		hints: [...lab.hints],
		tree: toFileSystemTree(files),
		solution: { ...solution },
	};
}

/**
 * JSON for a `<script type="application/json">` element: `<` is escaped so no file content
 * (e.g. a string containing "</script>") can end the element early.
 */
export function serializePayload(payload: LabPayload): string {
	return JSON.stringify(payload).replace(/</g, '\\u003c');
}

/**
 * Order of the file tabs: editable files first (in lab.yaml order), then sources, tests, and the
 * rest (package.json, tsconfig.json), each group alphabetical.
 */
export function fileOrder(paths: readonly string[], editable: readonly string[]): string[] {
	const rank = (p: string) => (editable.includes(p) ? 0 : p.startsWith('src/') ? 1 : /(^|\/)test(s)?\//.test(p) ? 2 : 3);
	return [...paths].sort((a, b) => {
		const byRank = rank(a) - rank(b);
		if (byRank !== 0) return byRank;
		if (rank(a) === 0) return editable.indexOf(a) - editable.indexOf(b);
		return a.localeCompare(b);
	});
}
