/**
 * `<qms-hunt-start>`: starts a find-it-fast hunt (HuntStart.astro). Draws five targets from the
 * page index (src/runtime/hunt.ts `beginHunt`), with the seed typed or given as `?seed=`; the
 * hunt bar then shows the first clue. While a hunt runs, Start says so instead of starting another.
 */
import { isFinished } from '../../lib/hunt/run';
import { MAX_SEED } from '../../lib/hunt/random';
import { beginHunt, HUNT_CHANGE, readHunt } from '../../runtime/hunt';

class QmsHuntStart extends HTMLElement {
	private readonly onChange = () => this.refresh();

	connectedCallback(): void {
		const button = this.querySelector<HTMLButtonElement>('[data-start]')!;
		const input = this.querySelector<HTMLInputElement>('#hunt-seed')!;
		const fromUrl = new URLSearchParams(location.search).get('seed');
		if (fromUrl && /^\d{1,10}$/.test(fromUrl)) input.value = fromUrl;
		button.addEventListener('click', () => void this.start(input.value.trim()));
		addEventListener(HUNT_CHANGE, this.onChange);
		this.refresh();
	}

	disconnectedCallback(): void {
		removeEventListener(HUNT_CHANGE, this.onChange);
	}

	private status(text: string): void {
		this.querySelector('.hunt-status')!.textContent = text;
	}

	/** Start is offered unless an unfinished hunt is stored. */
	private refresh(): void {
		const running = readHunt();
		const button = this.querySelector<HTMLButtonElement>('[data-start]')!;
		const busy = running !== null && !isFinished(running);
		button.disabled = busy;
		if (busy) this.status(`A hunt is running (target ${running.current + 1} of ${running.targets.length}): its clue and timer are in the hunt bar at the bottom of the page. End it there to start another.`);
		else if (running) this.status('Your last hunt is finished: its result is in the hunt bar and on My progress. Start another whenever you like.');
	}

	private async start(seedText: string): Promise<void> {
		const seed = seedText === '' ? null : Number(seedText);
		if (seed !== null && !(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
			this.status(`The seed must be a whole number from 0 to ${MAX_SEED}.`);
			return;
		}
		const button = this.querySelector<HTMLButtonElement>('[data-start]')!;
		button.disabled = true;
		try {
			const state = await beginHunt(this.dataset.index!, seed, [this.dataset.exclude!]);
			this.status(`Hunt started (seed ${state.seed}). Your first clue and its timer are in the hunt bar at the bottom of the page.`);
		} catch (e) {
			button.disabled = false;
			this.status((e as Error).message);
		}
	}
}

if (!customElements.get('qms-hunt-start')) customElements.define('qms-hunt-start', QmsHuntStart);
