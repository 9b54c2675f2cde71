/**
 * The one storage adapter over localStorage. Every key we write starts with `qms-training:`.
 *
 * Key scheme (the adapter adds the prefix; callers pass the name):
 * - `progress`                      the learner record (src/schemas/progress.ts)
 * - `progress-undo`                 the record before the last import or reset
 * - `lab:<lab id>:files`            a lab's autosaved editable files (src/schemas/lab-files.ts)
 * - `lab:<lab id>:files:backup`     the files as they were before the lab's last Reset
 * - `backup:<name>@<time>`          damaged data that could not be read at all, kept whole
 * - `backup:<name>.parts@<time>`    parts of a record set aside on read (JSON `{ from, at, setAside: [{ label, … }] }`)
 * - `progress-seal`                 HMAC of the record text the store validated (src/runtime/progress-seal.ts; not exported)
 * - `hunt`                          a find-it-fast hunt in progress (src/schemas/hunt-state.ts)
 * - `probe`                         written and removed to test that storage works
 * Names never contain "@"; `<time>` is ISO 8601.
 *
 * It survives (issue 3, "Progress store"):
 * - storage unavailable (private mode, blocked cookies): falls back to memory and raises an
 *   `unavailable` notice; nothing outlives the page;
 * - quota exceeded: the write is refused whole (localStorage.setItem replaces a value atomically,
 *   so nothing is half-written) and a `write-failed` notice is raised;
 * - corrupt or foreign JSON under our keys: the raw text is moved to
 *   `qms-training:backup:<name>@<time>`, a `damaged` notice offers it for download, and the reader
 *   starts clean;
 * - damaged parts of a value the parser could split (src/lib/progress/salvage.ts): only those
 *   parts are moved to `…backup:<name>.parts@<time>`, the rest is written back and kept, and the
 *   `damaged` notice names each part set aside;
 * - other tabs: `onChange` reports `storage` events for a key so the caller can merge.
 *
 * `createStorage` takes its backend and event source as parameters (unit tests pass fakes);
 * `getStorage()` is the page's shared instance over `window.localStorage`.
 */

import { BACKUP_PREFIX, KEY_PREFIX, isQuotaError, probeStorage, type StorageBackend } from './storage-probe';
import { storageUsage, type StorageUsage } from '../lib/progress/usage';

export { BACKUP_PREFIX, KEY_PREFIX, isQuotaError, probeStorage, type StorageBackend };

export type StorageNotice =
	/** Storage cannot be used: progress lives only in this page. */
	| { id: 'unavailable'; kind: 'unavailable'; reason: string }
	/** A write was refused; `quota` when the browser said storage is full. */
	| { id: 'write-failed'; kind: 'write-failed'; quota: boolean; name: string }
	/**
	 * Data under `name` could not be read. `backupKey` holds the raw text (null when even the
	 * copy could not be saved; then `raw` holds it for download until the page closes).
	 */
	| {
			id: string;
			kind: 'damaged';
			name: string;
			at: string;
			reason: string;
			backupKey: string | null;
			raw: string | null;
			/** What each part set aside was, when only parts were (null when the whole value was). */
			parts: string[] | null;
	  };

export type DamagedNotice = Extract<StorageNotice, { kind: 'damaged' }>;

/** One part of a value that a parser set aside (kept in the backup, named in the notice). */
export interface SetAside {
	/** What it was, for the learner, e.g. 'Knowledge check "x" (attempts)'. */
	readonly label: string;
}

/** Result of a validating parse: the value, or why it is not acceptable. */
export type ParseOutcome<T> = { ok: true; value: T; setAside?: readonly SetAside[] } | { ok: false; message: string };

/** Suffix of a backup name holding parts set aside. */
export const PARTS_SUFFIX = '.parts';

/** Anything with zod's `safeParse` (classic or mini schemas). */
export interface SafeParser<T> {
	safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface StorageAdapter {
	/** False when storage is unavailable and values live in memory. */
	readonly persistent: boolean;
	/**
	 * Read and validate the JSON under `name` (without prefix). Missing → null. Not JSON, or rejected
	 * by `parse` → raw text backed up, `damaged` notice, key cleared, null.
	 */
	read<T>(name: string, parse: (json: unknown) => ParseOutcome<T>): T | null;
	/** `read`, also returning the `damaged` notice raised when the stored value could not be read. */
	readWithNotice<T>(name: string, parse: (json: unknown) => ParseOutcome<T>): { value: T | null; damaged: DamagedNotice | null };
	/** Write `value` as JSON. False (with a notice) when the browser refuses; the old value is then kept. */
	write(name: string, value: unknown): boolean;
	/** Remove a key (no notice on failure). */
	remove(name: string): void;
	/** `write` without a notice, for derived data that costs nothing to lose (the record's seal). */
	writeQuietly(name: string, value: unknown): boolean;
	/** `read` with a zod schema: for other features' keys (labs' files…). */
	readJson<T>(name: string, schema: SafeParser<T>): T | null;
	/** `write` under another feature's key. */
	writeJson(name: string, value: unknown): boolean;
	/** Raw text under a full key (for downloading backups), or null. */
	rawAt(key: string): string | null;
	/** Delete a backup made for damaged data and drop its notice. */
	deleteBackup(key: string): void;
	/**
	 * Move a value kept under an older key scheme (full key) into this adapter's backup scheme as
	 * damaged data of `name`, with a notice. Nothing there: nothing happens. Returns the notice.
	 */
	adoptLegacyBackup(fullKey: string, name: string, reason: string): DamagedNotice | null;
	/** Bytes stored under our prefix (UTF-16, keys included), by kind; in memory when storage is unavailable. */
	usage(): StorageUsage;
	/** Current notices. */
	notices(): StorageNotice[];
	/** Called with the notices now and after every change; returns unsubscribe. */
	subscribeNotices(cb: (notices: StorageNotice[]) => void): () => void;
	/** Called with the new raw value when another tab changes `name` (null when removed). */
	onChange(name: string, cb: (raw: string | null) => void): () => void;
}

export interface StorageOptions {
	/** The browser's localStorage, or null when touching it threw. */
	backend: StorageBackend | null;
	/** Where `storage` events arrive (window). */
	events?: EventTarget;
	/** Clock, ISO time. */
	now?: () => string;
}

/** A Map standing in for localStorage when the real one is unavailable. */
export class MemoryStorage implements StorageBackend {
	private readonly map = new Map<string, string>();
	get length(): number {
		return this.map.size;
	}
	key(i: number): string | null {
		return [...this.map.keys()][i] ?? null;
	}
	getItem(k: string): string | null {
		return this.map.get(k) ?? null;
	}
	setItem(k: string, v: string): void {
		this.map.set(k, String(v));
	}
	removeItem(k: string): void {
		this.map.delete(k);
	}
}

/** The labels of a parts backup (`{ setAside: [{ label }] }`), or null when it is not one. */
export function partLabels(raw: string | null): string[] | null {
	try {
		const v = JSON.parse(raw ?? '') as { setAside?: unknown };
		if (!Array.isArray(v?.setAside)) return null;
		return v.setAside.map((p: unknown) => (p && typeof (p as SetAside).label === 'string' ? (p as SetAside).label : 'A part of unknown kind'));
	} catch {
		return null;
	}
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
	return issues
		.slice(0, 3)
		.map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`)
		.join('; ');
}

export function createStorage(opts: StorageOptions): StorageAdapter {
	const now = opts.now ?? (() => new Date().toISOString());
	let notices: StorageNotice[] = [];
	const listeners = new Set<(n: StorageNotice[]) => void>();
	const emit = () => listeners.forEach((cb) => cb(notices));
	const raise = (n: StorageNotice) => {
		notices = [...notices.filter((x) => x.id !== n.id), n];
		emit();
	};
	const clear = (id: string) => {
		if (notices.some((n) => n.id === id)) {
			notices = notices.filter((n) => n.id !== id);
			emit();
		}
	};

	let backend: StorageBackend;
	let persistent = true;
	const check = opts.backend ? probeStorage(opts.backend) : { ok: false as const, reason: 'localStorage is not available' };
	if (opts.backend && check.ok) backend = opts.backend;
	else {
		backend = new MemoryStorage();
		persistent = false;
		raise({ id: 'unavailable', kind: 'unavailable', reason: check.ok ? '' : check.reason });
	}

	// Copies of damaged data made on earlier visits stay listed until the learner deletes them.
	try {
		for (let i = 0; i < backend.length; i++) {
			const key = backend.key(i);
			if (!key?.startsWith(BACKUP_PREFIX)) continue;
			const rest = key.slice(BACKUP_PREFIX.length);
			const atSign = rest.lastIndexOf('@');
			const full = atSign > 0 ? rest.slice(0, atSign) : rest;
			const parts = full.endsWith(PARTS_SUFFIX) ? partLabels(backend.getItem(key)) : null;
			raise({
				id: key,
				kind: 'damaged',
				name: parts ? full.slice(0, -PARTS_SUFFIX.length) : full,
				at: atSign > 0 ? rest.slice(atSign + 1) : '',
				reason: parts ? 'Some parts could not be read when you last visited; the rest was kept.' : 'It could not be read when you last visited.',
				backupKey: key,
				raw: null,
				parts,
			});
		}
	} catch {
		/* listing keys failed: nothing to list */
	}

	/**
	 * Keep `parts` (set aside by a parser) under a backup key and write `value` (what was kept)
	 * back under `name`, then raise a notice naming the parts. When the backup cannot be saved the
	 * parts stay in the notice for download, and the stored value is left as it was.
	 */
	function setAsideParts(name: string, value: unknown, parts: readonly SetAside[]): DamagedNotice {
		const at = now();
		const text = JSON.stringify({ from: name, at, setAside: parts }, null, 2);
		const backupKey = `${BACKUP_PREFIX}${name}${PARTS_SUFFIX}@${at}`;
		let saved = false;
		try {
			backend.setItem(backupKey, text);
			saved = true;
			backend.setItem(KEY_PREFIX + name, JSON.stringify(value));
		} catch {
			// The backup or the cleaned value did not fit: the stored value stays as it was (the next
			// read sets the same parts aside again), and the parts are offered from memory.
			if (saved) {
				try {
					backend.removeItem(backupKey);
				} catch {
					/* ignore */
				}
			}
			saved = false;
		}
		const labels = parts.map((p) => p.label);
		const notice: DamagedNotice = {
			id: saved ? backupKey : `damaged:${name}${PARTS_SUFFIX}`,
			kind: 'damaged',
			name,
			at,
			reason: `${labels.length === 1 ? 'One part' : `${labels.length} parts`} could not be read and ${labels.length === 1 ? 'was' : 'were'} set aside; everything else was kept.`,
			backupKey: saved ? backupKey : null,
			raw: saved ? null : text,
			parts: labels,
		};
		raise(notice);
		return notice;
	}

	/** Move damaged raw text out of `key` into a backup key; returns the backup key or null. */
	function setAside(name: string, key: string, raw: string): string | null {
		const backupKey = `${BACKUP_PREFIX}${name}@${now()}`;
		try {
			backend.setItem(backupKey, raw);
			backend.removeItem(key);
			return backupKey;
		} catch {
			// Not enough room for a second copy: free the original's space, then copy; if that fails
			// too, put the original back so nothing is lost.
			try {
				backend.removeItem(key);
				backend.setItem(backupKey, raw);
				return backupKey;
			} catch {
				try {
					backend.setItem(key, raw);
				} catch {
					/* the raw text stays in the notice for download */
				}
				return null;
			}
		}
	}

	function readWithNotice<T>(name: string, parse: (json: unknown) => ParseOutcome<T>): { value: T | null; damaged: DamagedNotice | null } {
		const key = KEY_PREFIX + name;
		let raw: string | null;
		try {
			raw = backend.getItem(key);
		} catch {
			return { value: null, damaged: null };
		}
		if (raw === null) return { value: null, damaged: null };
		let reason: string;
		try {
			const result = parse(JSON.parse(raw));
			if (result.ok) {
				const damaged = result.setAside?.length ? setAsideParts(name, result.value, result.setAside) : null;
				return { value: result.value, damaged };
			}
			reason = result.message;
		} catch (e) {
			reason = e instanceof SyntaxError ? 'It is not valid JSON.' : `It could not be read: ${(e as Error)?.message}`;
		}
		const backupKey = setAside(name, key, raw);
		const damaged: DamagedNotice = { id: backupKey ?? `damaged:${name}`, kind: 'damaged', name, at: now(), reason, backupKey, raw: backupKey ? null : raw, parts: null };
		raise(damaged);
		return { value: null, damaged };
	}

	function read<T>(name: string, parse: (json: unknown) => ParseOutcome<T>): T | null {
		return readWithNotice(name, parse).value;
	}

	function write(name: string, value: unknown): boolean {
		try {
			backend.setItem(KEY_PREFIX + name, JSON.stringify(value));
			clear('write-failed');
			return true;
		} catch (e) {
			raise({ id: 'write-failed', kind: 'write-failed', quota: isQuotaError(e), name });
			return false;
		}
	}

	return {
		get persistent() {
			return persistent;
		},
		read,
		readWithNotice,
		write,
		remove(name) {
			try {
				backend.removeItem(KEY_PREFIX + name);
			} catch {
				/* ignore */
			}
		},
		writeQuietly(name, value) {
			try {
				backend.setItem(KEY_PREFIX + name, JSON.stringify(value));
				return true;
			} catch {
				return false;
			}
		},
		readJson<T>(name: string, schema: SafeParser<T>): T | null {
			return read(name, (json) => {
				const r = schema.safeParse(json);
				return r.success ? { ok: true, value: r.data } : { ok: false, message: `It has invalid data: ${describe(r.error.issues)}.` };
			});
		},
		writeJson: write,
		rawAt(key) {
			try {
				return backend.getItem(key);
			} catch {
				return null;
			}
		},
		adoptLegacyBackup(fullKey, name, reason) {
			let raw: string | null;
			try {
				raw = backend.getItem(fullKey);
			} catch {
				return null;
			}
			if (raw === null) return null;
			const backupKey = setAside(name, fullKey, raw);
			// Not moved: it stays where it was, and the notice offers it from memory.
			const notice: DamagedNotice = { id: backupKey ?? `damaged:${fullKey}`, kind: 'damaged', name, at: now(), reason, backupKey, raw: backupKey ? null : raw, parts: null };
			raise(notice);
			return notice;
		},
		deleteBackup(key) {
			try {
				backend.removeItem(key);
			} catch {
				/* ignore */
			}
			clear(key);
		},
		usage() {
			const entries: [string, string][] = [];
			try {
				for (let i = 0; i < backend.length; i++) {
					const key = backend.key(i);
					if (key?.startsWith(KEY_PREFIX)) entries.push([key, backend.getItem(key) ?? '']);
				}
			} catch {
				/* listing failed: count what was listed */
			}
			return storageUsage(entries, KEY_PREFIX);
		},
		notices: () => notices,
		subscribeNotices(cb) {
			listeners.add(cb);
			cb(notices);
			return () => listeners.delete(cb);
		},
		onChange(name, cb) {
			const key = KEY_PREFIX + name;
			const target = opts.events;
			if (!target || !persistent) return () => {};
			const handler = (e: Event) => {
				const ev = e as StorageEvent;
				if (ev.key !== key) return;
				if (ev.storageArea && ev.storageArea !== (backend as unknown)) return;
				cb(ev.newValue);
			};
			target.addEventListener('storage', handler);
			return () => target.removeEventListener('storage', handler);
		},
	};
}

let shared: StorageAdapter | undefined;

/** The page's storage adapter over window.localStorage (created on first use). Browser only. */
export function getStorage(): StorageAdapter {
	if (!shared) {
		let backend: StorageBackend | null;
		try {
			backend = window.localStorage;
		} catch {
			backend = null;
		}
		shared = createStorage({ backend, events: window });
	}
	return shared;
}

/** Read another feature's JSON under `qms-training:<name>` through the shared adapter, validated by `schema`. */
export function readJson<T>(name: string, schema: SafeParser<T>): T | null {
	return getStorage().readJson(name, schema);
}

/** Write another feature's JSON under `qms-training:<name>`; false (with a notice) when refused. */
export function writeJson(name: string, value: unknown): boolean {
	return getStorage().writeJson(name, value);
}
