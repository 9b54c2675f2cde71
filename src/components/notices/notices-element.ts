/**
 * `<qms-storage-notices>`: shows what the storage adapter reports (see src/runtime/storage.ts).
 * Text only; the damaged data itself is offered as a download, never shown.
 */
import type { StorageNotice } from '../../runtime/storage';
import { $notices, damagedText, deleteBackup } from '../../stores/notices';
import { load } from '../../stores/progress';
import { downloadText, formatDateTime, h, replace } from '../../runtime/dom';

type Damaged = Extract<StorageNotice, { kind: 'damaged' }>;

function render(n: StorageNotice): HTMLElement {
	switch (n.kind) {
		case 'unavailable':
			return h(
				'div',
				{ class: 'storage-notice', 'data-notice': 'unavailable' },
				h('p', {}, h('strong', {}, 'Your progress is not being saved. '), 'This browser does not let the site store data (private browsing or blocked site data). What you do lasts only until you leave this page: export it from the My progress page before you go.'),
			);
		case 'write-failed':
			return h(
				'div',
				{ class: 'storage-notice', 'data-notice': 'write-failed' },
				h(
					'p',
					{},
					h('strong', {}, 'Your last change was not saved. '),
					n.quota
						? 'The browser storage for this site is full. Delete saved copies of damaged data (if any are listed here) or free space in your browser, then try again. Your saved progress is unchanged.'
						: 'The browser refused to store it. Your saved progress is unchanged.',
				),
			);
		case 'damaged':
			return damaged(n);
	}
}

/** Words for a storage name in a notice. */
const WHAT: Record<string, string> = { progress: 'your progress', 'progress-undo': 'the copy kept for undo' };
/** Lab files: `lab:<id>:files` and its reset backup. */
const labWhat = (name: string) => /^lab:([a-z0-9-]+):files(:backup)?$/.exec(name);

function damaged(n: Damaged): HTMLElement {
	const parts = n.parts;
	const stem = `qms-training-${parts ? 'set-aside' : 'damaged'}-${n.name.replace(/[^a-z0-9-]+/gi, '-')}-${(n.at || 'data').replace(/[:.]/g, '-')}`;
	const file = parts ? `${stem}.json` : `${stem}.txt`;
	const download = h('button', { type: 'button', 'data-download': true }, parts ? 'Download the items set aside' : 'Download the damaged data');
	download.addEventListener('click', () => {
		const text = damagedText(n);
		if (text !== null) downloadText(file, text, parts ? 'application/json' : 'text/plain');
	});
	const remove = n.backupKey ? h('button', { type: 'button', 'data-delete': true }, 'Delete the copy') : null;
	remove?.addEventListener('click', () => deleteBackup(n.backupKey!));
	const lab = labWhat(n.name);
	const what = `${WHAT[n.name] ?? (lab ? `your files for the lab "${lab[1]}"${lab[2] ? ' (backup before reset)' : ''}` : `"${n.name}"`)}${n.at ? `, ${formatDateTime(n.at)}` : ''}`;
	const kept = n.backupKey
		? 'A copy of what was set aside is kept in this browser. Download it if you want to keep it or send it for help.'
		: 'The browser had no room for a copy: download it now, or it is lost when you leave this page.';
	if (parts) {
		return h(
			'div',
			{ class: 'storage-notice', 'data-notice': 'damaged', 'data-parts': String(parts.length), 'data-backup-key': n.backupKey ?? '' },
			h('p', {}, h('strong', {}, `Part of your saved data could not be read (${what}). `), `${n.reason} Set aside:`),
			h('ul', { 'data-parts-list': true }, ...parts.map((label) => h('li', {}, label))),
			h('p', {}, kept),
			h('p', {}, download, remove),
		);
	}
	return h(
		'div',
		{ class: 'storage-notice', 'data-notice': 'damaged', 'data-backup-key': n.backupKey ?? '' },
		h(
			'p',
			{},
			h('strong', {}, `Saved data could not be read (${what}). `),
			`${n.reason} `,
			n.backupKey ? 'A copy was kept in this browser and the site started clean. Download the copy if you want to keep it or send it for help.' : kept,
		),
		h('p', {}, download, remove),
	);
}

class QmsStorageNotices extends HTMLElement {
	private unsubscribe?: () => void;

	connectedCallback(): void {
		const box = this.querySelector<HTMLElement>('[data-notices]')!;
		const list = this.querySelector<HTMLElement>('[data-list]')!;
		try {
			load();
		} catch (e) {
			console.error(e);
		}
		this.unsubscribe = $notices.subscribe((notices) => {
			box.hidden = notices.length === 0;
			replace(list, ...notices.map(render));
		});
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}
}

if (!customElements.get('qms-storage-notices')) customElements.define('qms-storage-notices', QmsStorageNotices);
