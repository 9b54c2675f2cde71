import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';

/**
 * The lab's terminal (xterm.js): output only, ANSI colours, resized with its container. Loaded
 * with the first run. The checks list is the accessible summary of a run; the terminal is the
 * detailed log, so its input is disabled.
 */
export interface LabTerminal {
	write(text: string): void;
	clear(): void;
	dispose(): void;
}

export function mountTerminal(container: HTMLElement): LabTerminal {
	if (!document.getElementById('qms-xterm-css')) {
		const style = document.createElement('style');
		style.id = 'qms-xterm-css';
		style.textContent = xtermCss;
		document.head.append(style);
	}
	const terminal = new Terminal({
		convertEol: true,
		disableStdin: true,
		cursorBlink: false,
		cursorInactiveStyle: 'none',
		fontSize: 13,
		rows: 14,
		scrollback: 5000,
		// A palette that meets WCAG AA (4.5:1) on the background, and xterm's own contrast floor for
		// colours a program picks (Vitest's output in WebContainer).
		theme: {
			background: '#1e1e1e',
			foreground: '#d4d4d4',
			red: '#f48771',
			brightRed: '#f9a89b',
			green: '#89d185',
			brightGreen: '#a9e0a5',
			yellow: '#e2c08d',
			brightYellow: '#f0d6a8',
			blue: '#75beff',
			brightBlue: '#9fd1ff',
			magenta: '#d6a0e8',
			cyan: '#7fd3e6',
			brightBlack: '#a8a8a8',
		},
		minimumContrastRatio: 4.5,
	});
	const fit = new FitAddon();
	terminal.loadAddon(fit);
	terminal.open(container);
	// xterm's hidden input would otherwise be an unlabeled field for screen readers and axe.
	terminal.textarea?.setAttribute('aria-label', 'Terminal output (read-only)');
	terminal.textarea?.setAttribute('readonly', '');
	const refit = () => {
		try {
			fit.fit();
		} catch {
			// Hidden containers have no size; the next resize fits.
		}
	};
	refit();
	const observer = new ResizeObserver(refit);
	observer.observe(container);
	return {
		write: (text) => terminal.write(text),
		clear: () => terminal.reset(),
		dispose() {
			observer.disconnect();
			terminal.dispose();
		},
	};
}
