import type { LabPayload } from '../../lib/labs/payload';
import { fromFileSystemTree, type LabFiles } from '../../lib/labs/tree';
import type { LabResult } from '../../schemas/lab-result';
import { clearLabFiles, loadBackup, loadLabFiles, onLabFilesChange, saveBackup, saveLabFiles } from '../lab-storage';
import { sameFiles } from '../../lib/labs/saved-files';
import type { MonacoEditorView } from './monaco';
import { describeProblems } from '../../lib/labs/problems';
import { onLabResult } from './events';
import type { RunChoice } from './run-checks';

/**
 * `<qms-lab>`: the lab island. This part is loaded with the page and kept small (the lab page's
 * JS budget before any interaction is 30 KB gzip, issue 4): it restores the learner's autosaved
 * files, shows them in a plain text editor, switches file tabs, reveals hints, autosaves, resets.
 * Everything heavy is imported on first use: Monaco when the learner starts editing (or, with
 * `data-load="visible"`, when the lab scrolls into view), the terminal and runners on "Run
 * checks", the diff on "Compare with solution", the zip on "Download".
 *
 * Results: every run ends with `onLabResult(result)` (events.ts), which dispatches
 * `CustomEvent('lab:result', { detail: LabResult })` on `document` for the progress store.
 */

/** The plain editor until Monaco mounts (and for good if Monaco cannot load). */
interface EditorView {
	show(path: string): void;
	getText(path: string): string;
	setText(path: string, text: string): void;
	focus(): void;
}

const AUTOSAVE_DELAY_MS = 400;

class LabElement extends HTMLElement {
	private payload!: LabPayload;
	private starters: LabFiles = {};
	private files: LabFiles = {};
	private active = '';
	private view!: EditorView;
	private monaco: Promise<MonacoEditorView | null> | undefined;
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private running = false;
	/** Edits not yet written to localStorage. */
	private dirty = false;
	/** Why autosave is off for this page, if it is. */
	private saveBlocked: string | undefined;
	/** The editable files as this tab last loaded or saved them (what another tab's save is compared with). */
	private synced: LabFiles = {};
	/** Files another tab saved while this tab had other files; autosave waits for the learner's choice. */
	private conflict: LabFiles | null = null;
	private stopFollowing?: () => void;

	connectedCallback(): void {
		if (this.payload) return;
		try {
			const script = this.querySelector<HTMLScriptElement>('script[data-lab-payload]');
			this.payload = JSON.parse(script?.textContent ?? '') as LabPayload;
			this.starters = fromFileSystemTree(this.payload.tree);
		} catch (error) {
			this.fail(`This lab could not start: ${error instanceof Error ? error.message : String(error)}`);
			return;
		}
		this.files = { ...this.starters };
		this.restore();
		this.view = this.textareaView();
		this.wireTabs();
		this.wireButtons();
		this.show(this.tabs()[0]?.dataset.path ?? this.payload.editable[0]);
		this.wireEditorLoading();
		this.stopFollowing = onLabFilesChange(this.payload.id, this.payload.editable, (saved) => this.otherTabSaved(saved?.files ?? null));
		// A pending autosave must not be lost when the learner leaves within the debounce delay.
		window.addEventListener('pagehide', () => this.flushSave());
		this.dataset.ready = 'true';
	}

	disconnectedCallback(): void {
		if (this.saveTimer !== undefined) this.flushSave();
		this.stopFollowing?.();
	}

	// --- parts -------------------------------------------------------------------------------

	private el<T extends HTMLElement = HTMLElement>(name: string): T {
		const el = this.querySelector<T>(`[data-part="${name}"]`);
		if (!el) throw new Error(`lab markup lacks [data-part="${name}"]`);
		return el;
	}

	private tabs(): HTMLButtonElement[] {
		return [...this.querySelectorAll<HTMLButtonElement>('[role="tab"][data-path]')];
	}

	private isEditable(path: string): boolean {
		return this.payload.editable.includes(path);
	}

	private notice(text: string): void {
		const box = this.el('notice');
		box.textContent = text;
		box.hidden = false;
	}

	private fail(text: string): void {
		const box = this.querySelector<HTMLElement>('[data-part="notice"]');
		if (box) {
			box.textContent = text;
			box.hidden = false;
		}
		this.querySelectorAll<HTMLButtonElement>('button').forEach((b) => (b.disabled = true));
	}

	// --- storage -----------------------------------------------------------------------------

	private restore(): void {
		const outcome = loadLabFiles(this.payload.id, this.payload.editable);
		if (outcome.status === 'ok') {
			Object.assign(this.files, outcome.files);
			this.synced = { ...this.files };
			this.el('saved').textContent = `Your files from ${new Date(outcome.savedAt).toLocaleString()} are back.`;
		} else if (outcome.status === 'recovered') {
			this.notice(
				`Your saved files for this lab could not be read (${outcome.reason}) They are kept in this browser's storage under "${outcome.keptAs}" (the notice at the top of the page offers them for download), and the lab starts from the starting files.`,
			);
		} else if (outcome.status === 'corrupt') {
			// It could not be moved aside: never overwrite it, so nothing is lost.
			this.saveBlocked = `your saved files could not be read and are left untouched (${outcome.reason})`;
			this.notice(`Your work will not be saved: ${this.saveBlocked}. Download your files before you leave the page.`);
		} else if (outcome.status === 'unavailable') {
			this.notice(`Your work cannot be saved in this browser (${outcome.reason}): it is kept only while this page is open. Download your files before you leave the page.`);
		}
		if (outcome.status !== 'ok') this.synced = { ...this.starters };
		if (loadBackup(this.payload.id, this.payload.editable)) this.el('restore').hidden = false;
	}

	private scheduleSave(): void {
		clearTimeout(this.saveTimer);
		// data-autosave-ms overrides the delay (tests hold an edit unsaved to meet another tab's save).
		this.saveTimer = setTimeout(() => this.flushSave(), Number(this.dataset.autosaveMs) || AUTOSAVE_DELAY_MS);
	}

	private flushSave(): void {
		clearTimeout(this.saveTimer);
		this.saveTimer = undefined;
		if (!this.payload || !this.dirty) return;
		if (this.saveBlocked) {
			this.el('saved').textContent = `Not saved: ${this.saveBlocked}. Download your files to keep them.`;
			return;
		}
		if (this.conflict) {
			this.el('saved').textContent = 'Not saved yet: choose above which files to keep.';
			return;
		}
		this.dirty = false;
		const outcome = saveLabFiles(this.payload.id, this.files, this.payload.editable);
		if (outcome.ok) this.synced = { ...this.files };
		else this.dirty = true;
		this.el('saved').textContent = !outcome.ok
			? `Not saved: ${outcome.reason}. Your earlier saved files are unchanged; download your files to keep these.`
			: outcome.persistent
				? 'Saved in this browser.'
				: 'Kept in this page only: this browser does not let the site save data. Download your files before you leave.';
	}

	// --- other tabs --------------------------------------------------------------------------

	/**
	 * Another tab saved `theirs` (null: it reset the lab). The same files: nothing to do. This tab
	 * changed nothing since it last loaded or saved: show theirs (nothing of this tab's is lost).
	 * Both changed: pause autosave and ask which to keep.
	 */
	private otherTabSaved(theirs: LabFiles | null): void {
		const incoming = theirs ?? Object.fromEntries(this.payload.editable.map((p) => [p, this.starters[p] ?? '']));
		const mine = this.snapshot();
		const editable = this.payload.editable;
		if (sameFiles(incoming, mine, editable)) {
			this.synced = { ...this.synced, ...incoming };
			this.conflict = null;
			this.el('conflict').hidden = true;
			return;
		}
		if (!this.conflict && sameFiles(mine, this.synced, editable)) {
			clearTimeout(this.saveTimer);
			// Files first, so the editor's change events find nothing new to save.
			Object.assign(this.files, Object.fromEntries(editable.map((p) => [p, incoming[p] ?? ''])));
			for (const path of editable) this.view.setText(path, incoming[path] ?? '');
			this.synced = { ...this.files };
			this.dirty = false;
			this.el('saved').textContent = theirs ? 'Updated with the files you saved in another tab.' : 'The lab was reset in another tab; the starting files are shown.';
			return;
		}
		this.conflict = incoming;
		this.el('conflict-text').textContent = `${
			theirs ? 'This lab was changed in another tab: its files differ from the ones here.' : 'This lab was reset to its starting files in another tab.'
		} Saving here is paused so neither tab overwrites the other. Choose which files to keep; the others are kept as the backup ("Restore my previous files").`;
		this.el('conflict').hidden = false;
	}

	private resolveConflict(keep: 'theirs' | 'mine'): void {
		const theirs = this.conflict;
		if (!theirs) return;
		const mine = this.snapshot();
		// The files not kept become the backup, so the choice loses nothing.
		const backup = saveBackup(this.payload.id, keep === 'theirs' ? mine : { ...mine, ...theirs }, this.payload.editable);
		if (!backup.ok) {
			this.el('conflict-text').textContent = `The files not kept could not be backed up (${backup.reason}). Download your files first, then choose again.`;
			return;
		}
		this.conflict = null;
		this.el('conflict').hidden = true;
		this.el('restore').hidden = false;
		if (keep === 'theirs') {
			clearTimeout(this.saveTimer);
			Object.assign(this.files, Object.fromEntries(this.payload.editable.map((p) => [p, theirs[p] ?? ''])));
			for (const path of this.payload.editable) this.view.setText(path, theirs[path] ?? '');
			this.synced = { ...this.files };
			this.dirty = false;
			this.el('saved').textContent = "Now showing the other tab's files; the files this tab had are the backup.";
		} else {
			this.dirty = true;
			this.flushSave();
			this.el('saved').textContent = "This tab's files are saved; the other tab's files are the backup.";
		}
	}

	private changed(path: string, text: string): void {
		if (!this.isEditable(path) || this.files[path] === text) return;
		this.files[path] = text;
		this.dirty = true;
		this.scheduleSave();
	}

	// --- editor ------------------------------------------------------------------------------

	private textareaView(): EditorView {
		const area = this.el<HTMLTextAreaElement>('textarea');
		area.addEventListener('input', () => this.changed(this.active, area.value));
		return {
			show: (path) => {
				area.value = this.files[path] ?? '';
				area.readOnly = !this.isEditable(path);
				area.setAttribute('aria-label', `${path}${area.readOnly ? ' (read-only)' : ''}`);
			},
			getText: (path) => (path === this.active ? area.value : (this.files[path] ?? '')),
			setText: (path, text) => {
				this.files[path] = text;
				if (path === this.active) area.value = text;
			},
			focus: () => area.focus(),
		};
	}

	private show(path: string | undefined): void {
		if (!path || !Object.hasOwn(this.files, path)) return;
		this.active = path;
		for (const tab of this.tabs()) {
			const selected = tab.dataset.path === path;
			tab.setAttribute('aria-selected', String(selected));
			tab.tabIndex = selected ? 0 : -1;
			if (selected) this.el('panel').setAttribute('aria-labelledby', tab.id);
		}
		this.view.show(path);
	}

	private wireTabs(): void {
		const tabs = this.tabs();
		tabs.forEach((tab, i) => {
			tab.addEventListener('click', () => this.show(tab.dataset.path));
			// WAI-ARIA tabs: arrows, Home and End move between files.
			tab.addEventListener('keydown', (event) => {
				const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
				if (next === undefined) return;
				event.preventDefault();
				const target = tabs[(next + tabs.length) % tabs.length];
				target.focus();
				this.show(target.dataset.path);
			});
		});
	}

	/** Loads Monaco on first interaction with the code (or when visible, with data-load="visible"). */
	private wireEditorLoading(): void {
		const editorArea = this.el('editor');
		const start = () => void this.loadMonaco(true);
		if (this.dataset.load === 'visible' && 'IntersectionObserver' in window) {
			const io = new IntersectionObserver((entries) => {
				if (entries.some((e) => e.isIntersecting)) {
					io.disconnect();
					void this.loadMonaco(false);
				}
			});
			io.observe(editorArea);
		}
		for (const type of ['pointerdown', 'focusin', 'keydown'] as const) editorArea.addEventListener(type, start, { once: true });
	}

	private loadMonaco(takeFocus: boolean): Promise<MonacoEditorView | null> {
		this.monaco ??= (async () => {
			const status = this.el('editor-status');
			status.textContent = 'Loading the code editor…';
			try {
				const { mountEditor } = await import('./monaco');
				const area = this.el<HTMLTextAreaElement>('textarea');
				const hadFocus = document.activeElement === area;
				const caret = area.selectionStart;
				this.files[this.active] = this.view.getText(this.active);
				const host = this.el('monaco');
				host.hidden = false;
				const monaco = mountEditor({
					container: host,
					files: this.files,
					editable: this.payload.editable,
					onChange: (path, text) => this.changed(path, text),
					onRunShortcut: () => void this.run(),
					onProblems: (problems) => {
						this.dataset.problems = String(problems.length);
						this.el('problems').textContent = describeProblems(problems);
					},
				});
				area.hidden = true;
				this.view = monaco;
				this.view.show(this.active);
				this.dataset.editor = 'monaco';
				status.textContent = '';
				// Take focus only if the learner has not moved it elsewhere while Monaco loaded (e.g. tabbed
				// to "Run checks"): stealing it would send their next key press into the editor.
				const focusIsFree = document.activeElement === null || document.activeElement === document.body || this.el('editor').contains(document.activeElement);
				if (hadFocus || (takeFocus && focusIsFree)) {
					monaco.focus();
					if (hadFocus) monaco.setCursorOffset(caret);
				}
				return monaco;
			} catch (error) {
				status.textContent = `The code editor could not load (${error instanceof Error ? error.message : String(error)}); you can keep editing in this plain text box.`;
				this.dataset.editor = 'textarea';
				return null;
			}
		})();
		return this.monaco;
	}

	// --- actions -----------------------------------------------------------------------------

	private wireButtons(): void {
		const on = (name: string, handler: () => unknown) => this.el(name).addEventListener('click', () => void handler());
		on('run', () => this.run());
		on('reset', () => this.reset());
		on('restore', () => this.restoreBackup());
		on('compare-button', () => this.compare());
		on('download', () => this.download());
		on('hint', () => this.nextHint());
		on('conflict-theirs', () => this.resolveConflict('theirs'));
		on('conflict-mine', () => this.resolveConflict('mine'));
		this.addEventListener('lab:compare-closed', () => this.el('compare-button').focus());
		this.addEventListener('keydown', (event) => {
			if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				void this.run();
			}
		});
	}

	/** Current text of every file (editable ones as the learner left them). */
	private snapshot(): LabFiles {
		const out: LabFiles = { ...this.files };
		for (const path of this.payload.editable) out[path] = this.view.getText(path);
		return out;
	}

	private async run(): Promise<void> {
		if (this.running) return;
		this.running = true;
		const button = this.el<HTMLButtonElement>('run');
		// aria-disabled rather than disabled: a disabled button would drop keyboard focus.
		button.setAttribute('aria-disabled', 'true');
		button.setAttribute('aria-busy', 'true');
		this.el('summary').textContent = 'Running the checks…';
		this.flushSave();
		try {
			const { runChecks } = await import('./run-checks');
			const choice = this.el<HTMLSelectElement>('runner-choice').value as RunChoice;
			const result = await runChecks(this, {
				payload: this.payload,
				files: this.snapshot(),
				choice,
				timeLimitMs: Number(this.dataset.timeLimitMs) || undefined,
				bootTimeoutMs: Number(this.dataset.bootTimeoutMs) || undefined,
			});
			this.report(result);
		} catch (error) {
			this.el('summary').textContent = `The checks could not run: ${error instanceof Error ? error.message : String(error)}`;
		} finally {
			this.running = false;
			button.removeAttribute('aria-disabled');
			button.removeAttribute('aria-busy');
		}
	}

	private report(result: LabResult): void {
		const list = this.el('checks');
		list.replaceChildren(
			...result.checks.map((check) => {
				const item = document.createElement('li');
				item.dataset.status = check.status;
				const mark = document.createElement('span');
				mark.className = 'mark';
				mark.textContent = check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '–';
				mark.setAttribute('aria-hidden', 'true');
				const name = document.createElement('span');
				name.textContent = `${check.status === 'pass' ? 'Pass' : check.status === 'fail' ? 'Fail' : 'Skipped'}: ${check.name}`;
				item.append(mark, name);
				if (check.message) {
					const message = document.createElement('pre');
					message.textContent = check.message;
					item.append(message);
				}
				return item;
			}),
		);
		const passed = result.checks.filter((c) => c.status === 'pass').length;
		const runner = result.runner === 'webcontainer' ? 'WebContainer' : 'offline runner';
		this.el('summary').textContent = result.passed
			? `All ${passed} checks pass (${runner}). Well done!`
			: `${passed} of ${result.checks.length} checks pass (${runner}).`;
		this.dataset.passed = String(result.passed);
		onLabResult(result);
	}

	private reset(): void {
		const ok = window.confirm(
			`Reset "${this.payload.title}" to its starting files?\n\nYour current files are kept as a backup in this browser; "Restore my previous files" brings them back.`,
		);
		if (!ok) return;
		const current = this.snapshot();
		const backup = saveBackup(this.payload.id, current, this.payload.editable);
		if (!backup.ok) {
			this.notice(`Reset cancelled: your files could not be backed up (${backup.reason}). Download them first.`);
			return;
		}
		for (const path of this.payload.editable) this.view.setText(path, this.starters[path] ?? '');
		Object.assign(this.files, Object.fromEntries(this.payload.editable.map((p) => [p, this.starters[p] ?? ''])));
		clearTimeout(this.saveTimer);
		this.dirty = false;
		// A stored value that could not be read stays where it is (see restore()).
		if (!this.saveBlocked) clearLabFiles(this.payload.id);
		this.synced = { ...this.files };
		this.el('restore').hidden = false;
		this.el('saved').textContent = 'Reset to the starting files; your previous files are kept as a backup.';
	}

	private restoreBackup(): void {
		const backup = loadBackup(this.payload.id, this.payload.editable);
		if (!backup) {
			this.notice('There is no backup to restore.');
			return;
		}
		if (!window.confirm('Replace your current files with the backup? Your current files become the new backup.')) return;
		const saved = saveBackup(this.payload.id, this.snapshot(), this.payload.editable);
		if (!saved.ok) {
			this.notice(`Restore cancelled: your current files could not be backed up (${saved.reason}).`);
			return;
		}
		for (const [path, text] of Object.entries(backup)) {
			this.view.setText(path, text);
			this.files[path] = text;
		}
		this.dirty = true;
		this.flushSave();
		this.el('saved').textContent = 'Your previous files are back; the files you replaced are now the backup.';
	}

	private async compare(): Promise<void> {
		const { openCompare } = await import('./compare');
		await openCompare({
			panel: this.el('compare'),
			files: this.snapshot(),
			solution: this.payload.solution,
			preferred: this.active,
			loadMonaco: () => this.loadMonaco(false),
		});
	}

	private async download(): Promise<void> {
		const { downloadZip } = await import('./download');
		downloadZip(this.payload.id, this.snapshot());
	}

	private nextHint(): void {
		const hints = [...this.el('hints').querySelectorAll<HTMLElement>('li')];
		const next = hints.find((h) => h.hidden);
		if (next) {
			next.hidden = false;
			next.tabIndex = -1;
			next.focus();
		}
		const shown = hints.filter((h) => !h.hidden).length;
		const button = this.el<HTMLButtonElement>('hint');
		if (shown >= hints.length) {
			button.disabled = true;
			button.textContent = 'All hints shown';
		} else button.textContent = `Show hint ${shown + 1} of ${hints.length}`;
	}
}

if (!customElements.get('qms-lab')) customElements.define('qms-lab', LabElement);
