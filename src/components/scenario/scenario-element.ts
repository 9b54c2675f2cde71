/**
 * `<qms-scenario>`: the drill island (issue 8), as small as it can be, because it is what the page
 * downloads when the drill comes into view (issue 8 budget, 15 KB gzip of our JS, npm run bench).
 * Everything the learner sees before Start (intro, roles, pass rule, clock, empty log) is rendered
 * by the build (./Scenario.astro); this element only enables Start. The engine, the step rendering
 * and the storage adapter (./player.ts, one dynamic import) are loaded when the learner presses
 * Start (or points at it or focuses it, to be ready by the press), or at once when a saved run is
 * there to restore after a reload. The debrief (./debrief.ts) is loaded by the player when a run
 * finishes. A chunk that fails to download is said in the page; pressing Start tries again (a
 * saved run is never replaced that way: the page asks for a reload).
 */
import type { ScenarioDef } from '../../lib/scenarios/engine';
import { embeddedJson, showError } from '../../runtime/dom';
import { hasStored } from '../../runtime/storage-probe';
import type { ScenarioPlayer } from './player';

const NOT_LOADED = 'This drill could not start: part of the page did not download. Check your connection, then press Start again (or reload the page).';

class QmsScenario extends HTMLElement {
	private def!: ScenarioDef;
	private orders: Record<string, string[]> = {};
	/** The player, once its chunk is loading or loaded; null again after a failed download, so the next press retries. */
	private player: Promise<ScenarioPlayer> | null = null;
	/** A press of Start is waiting for the player (a second press must not start two runs). */
	private starting = false;

	connectedCallback(): void {
		try {
			const data = embeddedJson<{ def: ScenarioDef; orders: Record<string, string[]> }>(this, 'script[data-def]');
			this.def = data.def;
			this.orders = data.orders;
			const start = this.querySelector<HTMLButtonElement>('[data-start]')!;
			start.addEventListener('click', () => void this.start());
			// About to press Start: fetch the player now so the press does not wait for it.
			for (const type of ['pointerenter', 'focus'] as const) start.addEventListener(type, () => void this.load().catch(() => undefined), { once: true });
			// A plain look at localStorage says whether there is a run to restore (no adapter, no zod).
			if (!hasStored(`scenario-run:${this.def.id}`)) start.disabled = false;
			else void this.restore();
		} catch (e) {
			console.error(e);
			showError(this, 'This drill could not start. Reload the page to try again.');
		}
	}

	disconnectedCallback(): void {
		this.player?.then((p) => p.stop(), () => undefined);
	}

	/** The player (./player.ts), loaded once; a failed download is forgotten so that a later call tries again. */
	private load(): Promise<ScenarioPlayer> {
		this.player ??= import('./player').then(
			(m) => new m.ScenarioPlayer(this, this.def, this.orders),
			(e: unknown) => {
				this.player = null;
				throw e;
			},
		);
		return this.player;
	}

	private async start(): Promise<void> {
		if (this.starting) return;
		this.starting = true;
		try {
			const player = await this.load();
			showError(this, null);
			player.start();
		} catch (e) {
			console.error(e);
			showError(this, NOT_LOADED);
		} finally {
			this.starting = false;
		}
	}

	/** A run was saved on this page before: load the player at once and let it resume (or record) it. */
	private async restore(): Promise<void> {
		try {
			await (await this.load()).restore();
		} catch (e) {
			console.error(e);
			// Start stays disabled: a new run would replace the saved one, which a reload can still resume.
			showError(this, 'Your saved run could not be loaded: part of the page did not download. Reload the page to carry on where you were.');
		}
	}
}

if (!customElements.get('qms-scenario')) customElements.define('qms-scenario', QmsScenario);
