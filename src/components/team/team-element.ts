/**
 * `<qms-team-progress>`: the Team progress page's island. This part is small: it wires the file
 * picker, the folder picker, the drop zone and the buttons, and loads the working part
 * (./team-view.ts: validation, roll-up, charts, CSV, storage) only when the lead adds files, or at
 * once when the lead chose to keep a roster in this browser.
 */
import type { CurriculumIndex } from '../../lib/progress/curriculum';
import { embeddedJson, showError } from '../../runtime/dom';
import type { TeamView } from './team-view';

interface Data {
	index: CurriculumIndex;
	/** Every lab id of the build. */
	labs: string[];
	/** URL of the build-time team data (/team/data.json). */
	dataUrl: string;
}

class QmsTeamProgress extends HTMLElement {
	private data!: Data;
	private view: Promise<TeamView> | undefined;

	connectedCallback(): void {
		try {
			this.data = embeddedJson<Data>(this, '[data-index]');
			const files = this.$<HTMLInputElement>('[data-files]');
			const folder = this.$<HTMLInputElement>('[data-folder]');
			files.addEventListener('change', () => void this.fromInput(files));
			folder.addEventListener('change', () => void this.fromInput(folder));
			const drop = this.$('[data-drop]');
			drop.addEventListener('dragover', (e) => {
				e.preventDefault();
				drop.classList.add('dragging');
			});
			drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
			drop.addEventListener('drop', (e) => {
				e.preventDefault();
				drop.classList.remove('dragging');
				if (e.dataTransfer) void this.fromDrop(e.dataTransfer);
			});
			this.$('[data-csv]').addEventListener('click', () => void this.use((v) => v.downloadCsv()));
			this.$('[data-items-csv]').addEventListener('click', () => void this.use((v) => v.downloadItems()));
			this.$('[data-print]').addEventListener('click', () => void this.use((v) => v.print()));
			this.$('[data-clear]').addEventListener('click', () => void this.use((v) => v.clear()));
			const remember = this.$<HTMLInputElement>('[data-remember]');
			remember.addEventListener('change', () => void this.use((v) => v.setRemember(remember.checked)));
			this.addEventListener('click', (e) => {
				const key = (e.target as Element).closest?.('[data-remove]')?.getAttribute('data-remove');
				if (key) void this.use((v) => v.remove(key));
			});
			for (const el of [files, folder, remember]) el.disabled = false;
			void this.restoreIfKept();
		} catch (e) {
			console.error(e);
			showError(this, 'The team view could not start. Reload the page to try again.');
		}
	}

	private $<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	/** Run `f` on the working part, loading it first (zod, hashing, rules and charts come with it). */
	private async use(f: (v: TeamView) => unknown): Promise<void> {
		this.view ??= import('./team-view').then((m) => m.createView(this, this.data.index, this.data.labs, this.data.dataUrl));
		let view: TeamView;
		try {
			view = await this.view;
		} catch (e) {
			this.view = undefined;
			showError(this, `The files could not be read: ${(e as Error).message} Reload the page and try again.`);
			return;
		}
		await f(view);
	}

	private async fromInput(input: HTMLInputElement): Promise<void> {
		const { jsonFiles } = await import('../../runtime/dropped-files');
		const { files, skipped } = jsonFiles([...(input.files ?? [])]);
		input.value = '';
		if (files.length === 0 && skipped === 0) return;
		await this.use((v) => v.add(files, skipped));
	}

	private async fromDrop(dt: DataTransfer): Promise<void> {
		const { droppedFiles } = await import('../../runtime/dropped-files');
		let picked: Awaited<ReturnType<typeof droppedFiles>>;
		try {
			picked = await droppedFiles(dt);
		} catch (e) {
			showError(this, `The dropped files could not be read: ${(e as Error).message}`);
			return;
		}
		await this.use((v) => v.add(picked.files, picked.skipped));
	}

	/** A roster kept in this browser (the lead opted in) is shown at once. */
	private async restoreIfKept(): Promise<void> {
		const [{ getStorage, KEY_PREFIX }, { TEAM_ROSTER_KEY }] = await Promise.all([import('../../runtime/storage'), import('../../lib/team/roster-key')]);
		if (getStorage().rawAt(KEY_PREFIX + TEAM_ROSTER_KEY) !== null) await this.use((v) => v.restore());
	}
}

if (!customElements.get('qms-team-progress')) customElements.define('qms-team-progress', QmsTeamProgress);
