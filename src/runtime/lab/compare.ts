import type { LabFiles } from '../../lib/labs/tree';
import type { DiffView, MonacoEditorView } from './monaco';

/**
 * "Compare with solution": a side-by-side, read-only diff (Monaco's diff editor) of the learner's
 * file and the solution's, one solution file at a time. It works on copies, so the learner's code
 * is never changed. Without Monaco it shows a unified diff (jsdiff) instead.
 */
export interface CompareOptions {
	panel: HTMLElement;
	files: LabFiles;
	solution: LabFiles;
	/** The file to show first when the solution changes it. */
	preferred: string;
	loadMonaco: () => Promise<MonacoEditorView | null>;
}

interface State {
	diff?: DiffView;
	options: CompareOptions;
}
const states = new WeakMap<HTMLElement, State>();

function part<T extends HTMLElement>(panel: HTMLElement, name: string): T {
	const el = panel.querySelector<T>(`[data-part="${name}"]`);
	if (!el) throw new Error(`compare panel lacks [data-part="${name}"]`);
	return el;
}

async function render(panel: HTMLElement, state: State, path: string): Promise<void> {
	const { files, solution, loadMonaco } = state.options;
	const view = part<HTMLElement>(panel, 'compare-view');
	state.diff?.dispose();
	state.diff = undefined;
	view.replaceChildren();
	const learner = files[path] ?? '';
	const target = solution[path] ?? '';
	if (await loadMonaco()) {
		const { mountDiff } = await import('./monaco');
		state.diff = mountDiff(view, path, learner, target);
		view.dataset.mode = 'monaco';
	} else {
		const { createTwoFilesPatch } = await import('diff');
		const pre = document.createElement('pre');
		pre.textContent = createTwoFilesPatch(`yours/${path}`, `solution/${path}`, learner, target);
		view.append(pre);
		view.dataset.mode = 'text';
	}
}

export async function openCompare(options: CompareOptions): Promise<void> {
	const { panel, solution, preferred } = options;
	let state = states.get(panel);
	if (!state) {
		state = { options };
		states.set(panel, state);
		const s = state;
		part<HTMLSelectElement>(panel, 'compare-file').addEventListener('change', (e) => void render(panel, s, (e.target as HTMLSelectElement).value));
		part<HTMLButtonElement>(panel, 'compare-close').addEventListener('click', () => {
			s.diff?.dispose();
			s.diff = undefined;
			panel.hidden = true;
			panel.dispatchEvent(new CustomEvent('lab:compare-closed', { bubbles: true }));
		});
	}
	state.options = options;
	const paths = Object.keys(solution).sort();
	const select = part<HTMLSelectElement>(panel, 'compare-file');
	select.replaceChildren(...paths.map((p) => new Option(p, p)));
	select.value = paths.includes(preferred) ? preferred : (paths[0] ?? '');
	panel.hidden = false;
	await render(panel, state, select.value);
	part<HTMLElement>(panel, 'compare-heading').focus();
}
