/**
 * `<qms-team-progress>`: reads learners' exported progress files (validated exactly as an import:
 * size limit, format, checksum, schema), shows one row per learner and downloads the table as CSV.
 * Rows live in memory only. Learner text (names, file names) is only ever set as text.
 */
import type { CurriculumIndex } from '../../lib/progress/curriculum';
import { MAX_TEAM_FILES, cohortMember, cohortTable, memberLabel, sortCohort, type CohortMember } from '../../lib/team/cohort';
import { countOf } from '../../lib/text/count';
import { downloadText, embeddedJson, formatDateTime, h, replace, showError } from '../../runtime/dom';

interface Data {
	index: CurriculumIndex;
	/** Every lab id of the build. */
	labs: string[];
}

/** A file that could not be used, and why, in words. */
interface Problem {
	file: string;
	reason: string;
}

class QmsTeamProgress extends HTMLElement {
	/** Rows by file name: picking a file again replaces its row. */
	private members = new Map<string, CohortMember>();
	private data!: Data;

	connectedCallback(): void {
		try {
			this.data = embeddedJson<Data>(this, '[data-index]');
			const input = this.$<HTMLInputElement>('[data-files]');
			input.addEventListener('change', () => void this.read(input));
			this.$('[data-csv]').addEventListener('click', () => void this.downloadCsv());
			this.$('[data-clear]').addEventListener('click', () => this.clear());
			input.disabled = false;
			this.render();
		} catch (e) {
			console.error(e);
			showError(this, 'The team view could not start. Reload the page to try again.');
		}
	}

	private $<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	private async read(input: HTMLInputElement): Promise<void> {
		const files = [...(input.files ?? [])];
		input.value = '';
		showError(this, null);
		if (files.length === 0) return;
		const room = MAX_TEAM_FILES - this.members.size;
		if (files.length > room) {
			showError(this, `That is ${files.length} files; this page reads at most ${MAX_TEAM_FILES} at a time (${room} more now). Nothing was added.`);
			return;
		}
		// The validator (zod, hashing) is fetched when files are picked, not with the page.
		let transfer: typeof import('../../lib/progress/transfer');
		try {
			transfer = await import('../../lib/progress/transfer');
		} catch (e) {
			showError(this, `The files could not be read: ${(e as Error).message} Reload the page and try again.`);
			return;
		}
		const { checkImportSize, parseImport } = transfer;
		const problems: Problem[] = [];
		for (const f of files) {
			// Refuse an oversized file before reading it into memory.
			const tooLarge = checkImportSize(f.size);
			if (tooLarge && !tooLarge.ok) {
				problems.push({ file: f.name, reason: tooLarge.reason });
				continue;
			}
			try {
				const result = await parseImport(await f.text(), f.size);
				if (result.ok) this.members.set(f.name, cohortMember(this.data.index, this.data.labs, f.name, result.record, result.exportedAt));
				else problems.push({ file: f.name, reason: result.reason });
			} catch (e) {
				problems.push({ file: f.name, reason: `It could not be read: ${(e as Error).message}` });
			}
		}
		this.render(files.length - problems.length, problems);
	}

	private render(added = 0, problems: Problem[] = []): void {
		const list = this.$('[data-problems]');
		replace(list, ...problems.map((p) => h('li', {}, `${p.file}: ${p.reason} It was left out.`)));
		list.hidden = problems.length === 0;
		const n = this.members.size;
		const learners = countOf(n, 'learner');
		this.$('[data-summary]').textContent =
			n === 0 && problems.length === 0 ? 'No files yet.' : `${learners} in the table${added > 0 ? ` (${countOf(added, 'file')} read)` : ''}${problems.length ? `; ${countOf(problems.length, 'file')} left out` : ''}.`;
		replace(this.$('[data-rows]'), ...sortCohort([...this.members.values()]).map((m) => this.row(m)));
		this.$('[data-table-region]').hidden = n === 0;
		this.$<HTMLButtonElement>('[data-csv]').disabled = n === 0;
		this.$<HTMLButtonElement>('[data-clear]').disabled = n === 0;
	}

	private row(m: CohortMember): HTMLTableRowElement {
		return h(
			'tr',
			{},
			h('th', { scope: 'row' }, memberLabel(m)),
			h('td', {}, formatDateTime(m.updatedAt)),
			...m.programs.map((c) => h('td', {}, `${c.done} of ${c.total} (${c.percent} %)`)),
			h('td', {}, `${m.quizzesPassed} of ${m.quizzesTotal}`),
			h('td', {}, `${m.labsPassed} of ${m.labsTotal}`),
		);
	}

	private async downloadCsv(): Promise<void> {
		// papaparse is fetched when a lead asks for the CSV, not with the page.
		const { toCsv } = await import('../../lib/team/csv');
		const day = new Date().toISOString().slice(0, 10);
		downloadText(`qms-training-team-progress-${day}.csv`, toCsv(cohortTable(this.data.index, [...this.members.values()])), 'text/csv');
		this.$('[data-summary]').textContent = `Downloaded the table of ${countOf(this.members.size, 'learner')} as CSV.`;
	}

	private clear(): void {
		this.members.clear();
		this.render();
		this.$('[data-summary]').textContent = 'The table is cleared. Nothing was stored, so nothing else changes.';
		this.$<HTMLInputElement>('[data-files]').focus();
	}
}

if (!customElements.get('qms-team-progress')) customElements.define('qms-team-progress', QmsTeamProgress);
