import type { Scheduler, SocketLike } from '../src/socket.ts';

/** A socket the test drives by hand: open(), drop() and receive() fire its handlers. */
export class FakeSocket implements SocketLike {
	onopen: (() => void) | null = null;
	onclose: ((event: { code: number }) => void) | null = null;
	onerror: (() => void) | null = null;
	onmessage: ((event: { data: string }) => void) | null = null;
	readonly sent: string[] = [];
	/** The code close() was called with, if it was. */
	closedWith: number | undefined;
	private ended = false;

	constructor(readonly url: string) {}

	send(data: string): void {
		this.sent.push(data);
	}

	close(code = 1005): void {
		if (this.ended) return;
		this.closedWith = code;
		this.ended = true;
		this.onclose?.({ code });
	}

	/** The server accepted the connection. */
	open(): void {
		this.onopen?.();
	}

	/** The connection failed or was lost: like a browser, fire error, then close with code 1006. */
	drop(): void {
		if (this.ended) return;
		this.ended = true;
		this.onerror?.();
		this.onclose?.({ code: 1006 });
	}

	/** A message arrived from the server. */
	receive(data: string): void {
		this.onmessage?.({ data });
	}
}

/** A socket factory that remembers every socket it made. */
export function createFakeNetwork() {
	const sockets: FakeSocket[] = [];
	return {
		sockets,
		factory: (url: string) => {
			const socket = new FakeSocket(url);
			sockets.push(socket);
			return socket;
		},
		/** The most recent socket. */
		latest: (): FakeSocket => {
			const socket = sockets.at(-1);
			if (!socket) throw new Error('no socket was opened');
			return socket;
		},
	};
}

/** Timers that run only when the test says so. */
export class FakeScheduler implements Scheduler {
	private next = 1;
	private readonly timers = new Map<number, { callback: () => void; ms: number }>();

	setTimeout(callback: () => void, ms: number): number {
		const handle = this.next++;
		this.timers.set(handle, { callback, ms });
		return handle;
	}

	clearTimeout(handle: number): void {
		this.timers.delete(handle);
	}

	/** Delays (ms) of the timers still waiting, in the order they were set. */
	get pending(): number[] {
		return [...this.timers.values()].map((timer) => timer.ms);
	}

	/** Fires the oldest waiting timer and returns its delay. */
	runNext(): number {
		const first = this.timers.entries().next();
		if (first.done) throw new Error('no timer is waiting');
		const [handle, timer] = first.value;
		this.timers.delete(handle);
		timer.callback();
		return timer.ms;
	}
}
