/**
 * `<qms-profile>`: set the display name printed on certificates (text only, never HTML).
 * At load the name comes from the stored record as it is, not validated (src/runtime/record-peek.ts,
 * clipped to the record's limit), so the page ships no zod before the learner does anything. The
 * progress store (which validates the record) loads when the learner first focuses the form (or
 * when something else loaded it); saving always goes through the store.
 */
import type { ProgressStore } from '../../stores/progress';
import { loadProgressStore, whenProgressStoreLoaded } from '../../stores/progress-ready';
import { peekWholeRecord } from '../../runtime/record-peek';
import { LIMITS } from '../../schemas/limits';

class QmsProfile extends HTMLElement {
	private store?: ProgressStore;
	private stops: (() => void)[] = [];
	private input!: HTMLInputElement;
	private status!: HTMLElement;

	connectedCallback(): void {
		this.input = this.querySelector<HTMLInputElement>('[data-name]')!;
		this.status = this.querySelector<HTMLElement>('[data-status]')!;
		const save = this.querySelector<HTMLButtonElement>('[data-save]')!;
		const peek = peekWholeRecord();
		if (peek.state === 'unvalidated' && typeof peek.record.profile?.displayName === 'string') this.show(peek.record.profile.displayName.slice(0, LIMITS.displayName));
		this.input.disabled = false;
		save.disabled = false;
		whenProgressStoreLoaded((store) => this.follow(store));
		// Fetch the store while the learner types.
		this.addEventListener('focusin', () => void this.useStore().catch(() => undefined), { once: true });
		this.querySelector('form')!.addEventListener('submit', (e) => {
			e.preventDefault();
			const name = this.input.value;
			this.useStore().then(
				(store) => {
					const r = store.setDisplayName(name);
					this.status.textContent = r.ok ? (name.trim() ? 'Name saved.' : 'Name removed.') : r.message;
				},
				(err: unknown) => {
					console.error(err);
					this.status.textContent = 'The name could not be saved: part of the page did not download. Reload the page and try again.';
				},
			);
		});
	}

	disconnectedCallback(): void {
		this.stops.splice(0).forEach((stop) => stop());
	}

	private async useStore(): Promise<ProgressStore> {
		const store = await loadProgressStore();
		this.follow(store);
		return store;
	}

	private follow(store: ProgressStore): void {
		if (this.store) return;
		this.store = store;
		this.stops.push(store.$progress.subscribe((r) => this.show(r.profile.displayName)));
	}

	private show(name: string): void {
		this.querySelector('[data-current]')!.textContent = name ? `Certificates will show: ${name}` : 'No name set: certificates will ask for one.';
		if (document.activeElement !== this.input) this.input.value = name;
	}
}

if (!customElements.get('qms-profile')) customElements.define('qms-profile', QmsProfile);
