import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/typescript/register';
import { ModuleKind, ModuleResolutionKind, ScriptTarget, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import editorCss from 'monaco-editor/min/vs/editor/editor.main.css?inline';
import type { LabFiles } from '../../lib/labs/tree';
import type { EditorProblem } from '../../lib/labs/problems';

/**
 * Monaco for the lab island, loaded only when a learner starts editing (see element.ts): the
 * trimmed editor API, TypeScript highlighting and the TypeScript language service, with both
 * workers bundled and served from our origin. Monaco's CSS is injected here, on first mount, so
 * other pages never load it (DESIGN.md, "Facts learned": Monaco 0.57; src/build/vite-plugin-monaco-css.mjs).
 */

declare global {
	// Monaco reads this global to create its workers.
	var MonacoEnvironment: monaco.Environment | undefined;
}

let configured = false;
function configure(): void {
	if (configured) return;
	configured = true;
	globalThis.MonacoEnvironment = {
		getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
	};
	defineThemes();
	if (!document.getElementById('qms-monaco-css')) {
		const style = document.createElement('style');
		style.id = 'qms-monaco-css';
		style.textContent = editorCss;
		document.head.append(style);
	}
	// Lab projects are ES modules importing siblings with explicit `.ts` extensions (lab conventions).
	// No `lib` option: Monaco's worker then loads the target's full default library (ES + DOM);
	// `lib: ['es2022', 'dom']` left the editor without one and flagged every `Promise` as unknown.
	typescriptDefaults.setCompilerOptions({
		target: ScriptTarget.ESNext,
		module: ModuleKind.ESNext,
		moduleResolution: ModuleResolutionKind.NodeJs,
		allowImportingTsExtensions: true,
		noEmit: true,
		strict: true,
		esModuleInterop: true,
	});
	// The editor has no type declarations for `vitest` or `zod`; silence only the errors that come
	// from that (module not found, untyped generic call, unknown namespace), keep every other check.
	typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [2307, 2792, 2347, 2503, 2694, 7016] });
	typescriptDefaults.setEagerModelSync(true);
}

const theme = () => (document.documentElement.dataset.theme === 'light' ? 'qms-light' : 'qms-dark');

/**
 * Monaco's stock themes, adjusted so that every TypeScript token meets WCAG AA contrast (4.5:1)
 * on the plain background and on the "Compare with solution" diff colours, stacked line and
 * character highlights included (axe's color-contrast rule checks each token):
 * - the stock line numbers (#858585 on #1e1e1e) and the dimmed final line number are too faint;
 * - in the light theme, types (#008080), comments and numbers on the stock diff pinks and greens
 *   fall to about 3:1, so the diff colours are lighter and those tokens a shade darker;
 * - in the dark theme, keywords, strings, comments and regular expressions are a shade lighter and
 *   the diff colours dimmer. The figures were worked out per token on the worst stacked background.
 */
function defineThemes(): void {
	for (const [name, t] of Object.entries(THEMES)) {
		monaco.editor.defineTheme(name, {
			base: t.base,
			inherit: true,
			rules: Object.entries(t.tokens).map(([token, foreground]) => ({ token, foreground })),
			colors: {
				'editorLineNumber.foreground': t.lineNumber,
				'editorLineNumber.dimmedForeground': t.lineNumber,
				'editorLineNumber.activeForeground': t.activeLineNumber,
				'diffEditor.insertedTextBackground': t.diff.insertedText,
				'diffEditor.removedTextBackground': t.diff.removedText,
				'diffEditor.insertedLineBackground': t.diff.insertedLine,
				'diffEditor.removedLineBackground': t.diff.removedLine,
			},
		});
	}
}

/** Our two themes: token colours (hex without "#"), line numbers and diff backgrounds (with alpha). */
const THEMES = {
	'qms-dark': {
		base: 'vs-dark',
		tokens: { keyword: '7cb7ea', string: 'dba58e', comment: '8cbf77', regexp: 'eca0a0' },
		lineNumber: '#a8a8a8',
		activeLineNumber: '#e6e6e6',
		diff: { insertedText: '#9ccc2c1f', removedText: '#ff000026', insertedLine: '#9bb9551a', removedLine: '#ff00001a' },
	},
	'qms-light': {
		base: 'vs',
		tokens: { type: '006666', comment: '006300', number: '076443' },
		lineNumber: '#1b5e73',
		activeLineNumber: '#000000',
		diff: { insertedText: '#9ccc2c33', removedText: '#ff00001f', insertedLine: '#9bb95520', removedLine: '#ff000014' },
	},
} as const;
const languageOf = (path: string) => (/\.[cm]?tsx?$/.test(path) ? 'typescript' : /\.[cm]?jsx?$/.test(path) ? 'javascript' : 'plaintext');
const uriOf = (path: string) => monaco.Uri.file(`/${path}`);

export interface MonacoEditorView {
	/** Shows `path` (creating its model on first use). */
	show(path: string): void;
	/** Current text of `path`. */
	getText(path: string): string;
	/** Replaces the text of `path` (Reset, restore) as one undoable edit. */
	setText(path: string, text: string): void;
	focus(): void;
	/** Places the cursor at a character offset of the shown file. */
	setCursorOffset(offset: number): void;
	dispose(): void;
}

export interface MountOptions {
	container: HTMLElement;
	files: LabFiles;
	editable: readonly string[];
	onChange: (path: string, text: string) => void;
	/** Ctrl/Cmd+Enter in the editor. */
	onRunShortcut?: () => void;
	/** TypeScript's errors across the lab's files, each time they change. */
	onProblems?: (problems: EditorProblem[]) => void;
}

/** Mounts one editor with a model per lab file (so imports between files type-check). */
export function mountEditor({ container, files, editable, onChange, onRunShortcut, onProblems }: MountOptions): MonacoEditorView {
	configure();
	const models = new Map<string, monaco.editor.ITextModel>();
	const states = new Map<string, monaco.editor.ICodeEditorViewState | null>();
	for (const [path, text] of Object.entries(files)) {
		const uri = uriOf(path);
		monaco.editor.getModel(uri)?.dispose();
		const model = monaco.editor.createModel(text, languageOf(path), uri);
		model.onDidChangeContent(() => onChange(path, model.getValue()));
		models.set(path, model);
	}
	const editor = monaco.editor.create(container, {
		automaticLayout: true,
		minimap: { enabled: false },
		fontSize: 14,
		scrollBeyondLastLine: false,
		theme: theme(),
		tabSize: 2,
		fixedOverflowWidgets: true,
		// Typing "(" or "," should insert that character, not accept a completion the learner did not pick.
		acceptSuggestionOnCommitCharacter: false,
	});
	if (onRunShortcut) editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRunShortcut);
	// Follow Starlight's light/dark switch.
	const themeObserver = new MutationObserver(() => monaco.editor.setTheme(theme()));
	themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
	const pathOf = new Map([...models].map(([path, model]) => [model.uri.toString(), path]));
	const markers = onProblems
		? monaco.editor.onDidChangeMarkers(() =>
				onProblems(
					monaco.editor
						.getModelMarkers({})
						.filter((m) => m.severity === monaco.MarkerSeverity.Error && pathOf.has(m.resource.toString()))
						.map((m) => ({ path: pathOf.get(m.resource.toString())!, line: m.startLineNumber, message: m.message })),
				),
			)
		: undefined;
	let current: string | undefined;

	const view: MonacoEditorView = {
		show(path) {
			const model = models.get(path);
			if (!model) return;
			if (current) states.set(current, editor.saveViewState());
			const readOnly = !editable.includes(path);
			editor.setModel(model);
			editor.updateOptions({
				readOnly,
				readOnlyMessage: { value: `${path} is read-only in this lab: the checks run against it as it is.` },
				ariaLabel: `${path}${readOnly ? ' (read-only)' : ''}. Press Alt+F1 for editor accessibility help; Ctrl+M makes Tab move focus.`,
			});
			const state = states.get(path);
			if (state) editor.restoreViewState(state);
			current = path;
		},
		getText: (path) => models.get(path)?.getValue() ?? '',
		setText(path, text) {
			const model = models.get(path);
			if (!model || model.getValue() === text) return;
			model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
		},
		focus: () => editor.focus(),
		setCursorOffset(offset) {
			const model = editor.getModel();
			if (!model) return;
			const position = model.getPositionAt(offset);
			editor.setPosition(position);
			editor.revealPositionInCenterIfOutsideViewport(position);
		},
		dispose() {
			themeObserver.disconnect();
			markers?.dispose();
			editor.dispose();
			for (const model of models.values()) model.dispose();
		},
	};
	return view;
}

export interface DiffView {
	dispose(): void;
}

/**
 * A read-only side-by-side diff: the learner's text on the left, the solution on the right.
 * Uses its own models, so the learner's files are never touched.
 */
export function mountDiff(container: HTMLElement, path: string, learner: string, solution: string): DiffView {
	configure();
	const language = languageOf(path);
	const original = monaco.editor.createModel(learner, language);
	const modified = monaco.editor.createModel(solution, language);
	const diff = monaco.editor.createDiffEditor(container, {
		automaticLayout: true,
		readOnly: true,
		originalEditable: false,
		renderSideBySide: true,
		useInlineViewWhenSpaceIsLimited: false,
		minimap: { enabled: false },
		scrollBeyondLastLine: false,
		theme: theme(),
		originalAriaLabel: `Your ${path} (read-only copy)`,
		modifiedAriaLabel: `Solution ${path} (read-only)`,
	});
	diff.setModel({ original, modified });
	// The construction options do not reach the two inner editors' input elements; set them directly
	// so each side has an accessible name.
	diff.getOriginalEditor().updateOptions({ ariaLabel: `Your ${path} (read-only copy)` });
	diff.getModifiedEditor().updateOptions({ ariaLabel: `Solution ${path} (read-only)` });
	return {
		dispose() {
			diff.dispose();
			original.dispose();
			modified.dispose();
		},
	};
}
