/**
 * A Web Storage stand-in for unit tests: a quota in characters (throws a DOMException named
 * QuotaExceededError, as Chromium does), an "unavailable" mode that throws SecurityError on every
 * call (blocked storage), and tabs: each tab gets its own EventTarget, and a write in one tab
 * dispatches a `storage` event to every other tab, as browsers do.
 */
import type { StorageBackend } from '../../../src/runtime/storage';

export class FakeStorage implements StorageBackend {
	readonly map = new Map<string, string>();
	quota = Infinity;
	unavailable = false;
	private tabs: { target: EventTarget; area: TabStorage }[] = [];

	private guard(): void {
		if (this.unavailable) throw new DOMException('The operation is insecure.', 'SecurityError');
	}
	private used(except?: string): number {
		let n = 0;
		for (const [k, v] of this.map) if (k !== except) n += k.length + v.length;
		return n;
	}
	get length(): number {
		this.guard();
		return this.map.size;
	}
	key(i: number): string | null {
		this.guard();
		return [...this.map.keys()][i] ?? null;
	}
	getItem(k: string): string | null {
		this.guard();
		return this.map.get(k) ?? null;
	}
	setItem(k: string, v: string, from?: TabStorage): void {
		this.guard();
		if (this.used(k) + k.length + v.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const old = this.map.get(k) ?? null;
		this.map.set(k, v);
		this.notify(k, old, v, from);
	}
	removeItem(k: string, from?: TabStorage): void {
		this.guard();
		const old = this.map.get(k) ?? null;
		this.map.delete(k);
		if (old !== null) this.notify(k, old, null, from);
	}
	private notify(key: string, oldValue: string | null, newValue: string | null, from?: TabStorage): void {
		for (const t of this.tabs) {
			if (t.area === from) continue;
			const e = new Event('storage');
			Object.assign(e, { key, oldValue, newValue, storageArea: t.area });
			t.target.dispatchEvent(e);
		}
	}
	/** A browser tab over this storage: its own view of the storage and its own event target. */
	tab(): { backend: TabStorage; events: EventTarget } {
		const area = new TabStorage(this);
		const target = new EventTarget();
		this.tabs.push({ target, area });
		return { backend: area, events: target };
	}
}

/** One tab's handle on a shared FakeStorage (writes notify the other tabs only). */
export class TabStorage implements StorageBackend {
	constructor(private readonly shared: FakeStorage) {}
	get length(): number {
		return this.shared.length;
	}
	key(i: number): string | null {
		return this.shared.key(i);
	}
	getItem(k: string): string | null {
		return this.shared.getItem(k);
	}
	setItem(k: string, v: string): void {
		this.shared.setItem(k, v, this);
	}
	removeItem(k: string): void {
		this.shared.removeItem(k, this);
	}
}
