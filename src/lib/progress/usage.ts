/**
 * How much of the browser's storage the site uses, from the keys and values under our prefix
 * (src/runtime/storage.ts lists the key scheme). Browsers count localStorage in UTF-16 code
 * units, two bytes each, keys included; Chromium allows about 5 M code units (10 MB) per site.
 */

/** What a stored key is, for the learner. */
export type UsageKind = 'record' | 'undo' | 'lab files' | 'backups' | 'other';

export interface StorageUsage {
	/** Bytes (UTF-16, keys included) of every key under our prefix. */
	bytes: number;
	/** Bytes per kind, every kind present (0 when none). */
	byKind: Record<UsageKind, number>;
}

/** Kind of a key name without the prefix (`progress`, `lab:x:files`, `backup:…`). */
export function kindOf(name: string): UsageKind {
	if (name === 'progress') return 'record';
	if (name === 'progress-undo') return 'undo';
	if (name.startsWith('backup:')) return 'backups';
	if (name.startsWith('lab:')) return 'lab files';
	return 'other';
}

/** Usage of `entries` ([full key, value]) whose key starts with `prefix`. */
export function storageUsage(entries: Iterable<readonly [string, string]>, prefix: string): StorageUsage {
	const byKind: Record<UsageKind, number> = { record: 0, undo: 0, 'lab files': 0, backups: 0, other: 0 };
	let bytes = 0;
	for (const [key, value] of entries) {
		if (!key.startsWith(prefix)) continue;
		const n = (key.length + value.length) * 2;
		bytes += n;
		byKind[kindOf(key.slice(prefix.length))] += n;
	}
	return { bytes, byKind };
}

/** "512 bytes", "12.3 KB", "1.2 MB", "10.0 GB" (1 KB = 1024 bytes). */
export function formatBytes(n: number): string {
	if (n < 1024) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
	if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
	if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
	return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
