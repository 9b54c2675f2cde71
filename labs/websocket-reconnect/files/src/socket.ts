/** The part of the browser's WebSocket that this lab uses. */
export interface SocketLike {
	onopen: (() => void) | null;
	/** Fired once when the connection ends or could not be made (after onerror, if there was an error). */
	onclose: ((event: { code: number }) => void) | null;
	onerror: (() => void) | null;
	onmessage: ((event: { data: string }) => void) | null;
	send(data: string): void;
	/** Closes the connection; 1000 means a normal, intentional close. */
	close(code?: number): void;
}

/** Opens a socket to `url`. In the browser: `(url) => new WebSocket(url)` behind an adapter. */
export type SocketFactory = (url: string) => SocketLike;

/** Timers, injected so tests decide when time passes. In the browser: `setTimeout` and `clearTimeout`. */
export interface Scheduler {
	/** Runs `callback` once after `ms` milliseconds; returns a handle for clearTimeout. */
	setTimeout(callback: () => void, ms: number): number;
	clearTimeout(handle: number): void;
}
