/**
 * What `<qms-progress-data>` (./data-element.ts) does once the progress store is needed: export,
 * import (validate → preview → merge, with backup and undo) and reset (confirm, undo), and the
 * storage used and the undo offer, following the store. Files that are foreign, truncated,
 * oversized, edited or hostile get a message and change nothing (validation:
 * src/lib/progress/transfer.ts). Loaded with the store, on the learner's first use of the element
 * (or once something else loaded the store); every write goes through the store.
 */
import type { ProgressRecord } from '../../schemas/progress';
import { $progress, $undo, exportRecord, exportUndoSnapshot, importRecord, previewImport, reset, undoImport, undoReset } from '../../stores/progress';
import { downloadText, embeddedJson, formatDateTime, h, replace, showError } from '../../runtime/dom';
import { getStorage } from '../../runtime/storage';
import { showUsage } from './usage-text';

export class DataActions {
	constructor(private readonly host: HTMLElement) {}

	private pending: ProgressRecord | null = null;
	private unsubscribe?: () => void;
	private unsubscribeUsage?: () => void;

	private $<T extends HTMLElement = HTMLElement>(sel: string): T {
		return this.host.querySelector<T>(sel)!;
	}

	/** Follow the store (usage, undo) and handle the controls. */
	start(): void {
		try {
			const titles = embeddedJson<Record<string, string>>(this.host, 'script[data-titles]');
			const file = this.$<HTMLInputElement>('[data-import-file]');
			this.$('[data-export]').addEventListener('click', () => void this.exportNow());
			file.addEventListener('change', () => void this.pick(file, titles));
			this.$('[data-import-confirm]').addEventListener('click', () => this.confirmImport());
			this.$('[data-import-cancel]').addEventListener('click', () => this.cancelImport());
			this.$('[data-reset]').addEventListener('click', () => this.askReset(true));
			this.$('[data-reset-no]').addEventListener('click', () => this.askReset(false));
			this.$('[data-reset-yes]').addEventListener('click', () => this.doReset());
			this.$('[data-undo-button]').addEventListener('click', () => this.undo());
			this.$('[data-undo-download]').addEventListener('click', () => void this.downloadPrevious());
			// After every change of the record (this tab's or another's), recount.
			this.unsubscribeUsage = $progress.subscribe(() => void this.showUsage());
			this.unsubscribe = $undo.subscribe((u) => {
				this.$('[data-undo]').hidden = u === null;
				if (u) {
					this.$('[data-undo-text]').textContent =
						u.kind === 'import'
							? `Imported on ${formatDateTime(u.at)}. Undo puts back your progress as it was just before that import.`
							: `Progress reset on ${formatDateTime(u.at)}. Undo puts back what you had before.`;
					this.$('[data-undo-button]').textContent = u.kind === 'import' ? 'Undo import' : 'Undo reset';
				}
			});
		} catch (e) {
			console.error(e);
			showError(this.host, 'This part of the page could not start. Reload the page to try again.');
		}
	}

	stop(): void {
		this.unsubscribe?.();
		this.unsubscribeUsage?.();
	}

	/** Bytes under our prefix by kind, as the store's storage adapter counts them. */
	private async showUsage(): Promise<void> {
		const storage = getStorage();
		await showUsage(this.host, storage.usage(), storage.persistent);
	}

	private message(msg: string): void {
		this.$('[data-message]').textContent = msg;
	}

	private async exportNow(): Promise<void> {
		showError(this.host, null);
		try {
			const { filename, text } = await exportRecord();
			downloadText(filename, text);
			this.message(`Exported as ${filename}.`);
		} catch (e) {
			showError(this.host, `Export failed: ${(e as Error).message}`);
		}
	}

	private async pick(input: HTMLInputElement, titles: Record<string, string>): Promise<void> {
		showError(this.host, null);
		this.message('');
		this.cancelImport(false);
		const f = input.files?.[0];
		input.value = '';
		if (!f) return;
		// Import code (validation, change list) is fetched when a file is picked, not with the page.
		let checkImportSize: typeof import('../../lib/progress/transfer').checkImportSize;
		let changeText: typeof import('../../lib/progress/changes').changeText;
		try {
			[{ checkImportSize }, { changeText }] = await Promise.all([import('../../lib/progress/transfer'), import('../../lib/progress/changes')]);
		} catch (e) {
			return showError(this.host, `The import could not start: ${(e as Error).message} Nothing was imported.`);
		}
		// Refuse an oversized file before reading it into memory.
		const tooLarge = checkImportSize(f.size);
		if (tooLarge && !tooLarge.ok) return showError(this.host, tooLarge.message);
		let result;
		try {
			result = await previewImport(await f.text(), f.size);
		} catch (e) {
			return showError(this.host, `The file could not be read: ${(e as Error).message} Nothing was imported.`);
		}
		if (!result.ok) return showError(this.host, result.message);
		this.pending = result.record;
		this.$('[data-preview-meta]').textContent = `File exported on ${formatDateTime(result.exportedAt)}.`;
		replace(
			this.$('[data-changes]'),
			...(result.changes.length ? result.changes.map((c) => h('li', {}, changeText(c, (id) => titles[id] ?? id))) : [h('li', {}, 'Nothing: everything in this file is already here.')]),
		);
		this.$('[data-preview]').hidden = false;
		this.$<HTMLButtonElement>('[data-import-confirm]').disabled = result.changes.length === 0;
		this.$<HTMLElement>('[data-preview] h3').setAttribute('tabindex', '-1');
		this.$<HTMLElement>('[data-preview] h3').focus();
	}

	private confirmImport(): void {
		if (!this.pending) return;
		const r = importRecord(this.pending);
		this.cancelImport(false);
		if (!r.ok) return showError(this.host, r.message);
		this.message('Imported and merged. A copy of your previous progress was kept: you can undo the import or download that copy below.');
	}

	private cancelImport(announce = true): void {
		this.pending = null;
		this.$('[data-preview]').hidden = true;
		if (announce) this.message('Import cancelled. Nothing was changed.');
	}

	private askReset(show: boolean): void {
		this.$('[data-reset-confirm]').hidden = !show;
		if (show) this.$<HTMLButtonElement>('[data-reset-no]').focus();
		else this.$<HTMLButtonElement>('[data-reset]').focus();
	}

	private doReset(): void {
		const r = reset();
		this.$('[data-reset-confirm]').hidden = true;
		if (!r.ok) return showError(this.host, r.message);
		showError(this.host, null);
		this.message('All progress in this browser was reset. You can undo this below.');
		this.$<HTMLButtonElement>('[data-undo-button]').focus();
	}

	private undo(): void {
		const kind = $undo.get()?.kind;
		const r = kind === 'import' ? undoImport() : undoReset();
		if (!r.ok) return showError(this.host, r.message);
		showError(this.host, null);
		this.message(kind === 'import' ? 'Import undone: your progress is as it was before the import.' : 'Reset undone: your progress is back.');
	}

	private async downloadPrevious(): Promise<void> {
		const file = await exportUndoSnapshot();
		if (file) downloadText(file.filename, file.text);
	}
}

