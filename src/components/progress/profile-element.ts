/** `<qms-profile>`: set the display name printed on certificates (text only, never HTML). */
import { $progress, setDisplayName } from '../../stores/progress';

class QmsProfile extends HTMLElement {
	private unsubscribe?: () => void;

	connectedCallback(): void {
		const input = this.querySelector<HTMLInputElement>('[data-name]')!;
		const save = this.querySelector<HTMLButtonElement>('[data-save]')!;
		const status = this.querySelector<HTMLElement>('[data-status]')!;
		const current = this.querySelector<HTMLElement>('[data-current]')!;
		input.disabled = false;
		save.disabled = false;
		this.querySelector('form')!.addEventListener('submit', (e) => {
			e.preventDefault();
			const r = setDisplayName(input.value);
			status.textContent = r.ok ? (input.value.trim() ? 'Name saved.' : 'Name removed.') : r.message;
		});
		this.unsubscribe = $progress.subscribe((r) => {
			const name = r.profile.displayName;
			current.textContent = name ? `Certificates will show: ${name}` : 'No name set: certificates will ask for one.';
			if (document.activeElement !== input) input.value = name;
		});
	}

	disconnectedCallback(): void {
		this.unsubscribe?.();
	}
}

if (!customElements.get('qms-profile')) customElements.define('qms-profile', QmsProfile);
