import type { Scheduler, SocketFactory, SocketLike } from './socket.ts';

export interface ReconnectOptions {
	factory: SocketFactory;
	scheduler: Scheduler;
	/** Delay before the first retry, in ms. */
	baseDelayMs?: number;
	/** Longest wait between two retries, in ms. */
	maxDelayMs?: number;
	/** Receives every message from the server. */
	onMessage?: (data: string) => void;
}

/** A connection that comes back by itself after it drops. */
export class ReconnectingSocket {
	private socket: SocketLike | undefined;
	private readonly factory: SocketFactory;
	private readonly scheduler: Scheduler;
	private readonly baseDelayMs: number;
	private readonly maxDelayMs: number;
	private readonly onMessage: (data: string) => void;
	/** Failed attempts since the last successful open; sets the next delay. */
	private attempts = 0;
	/** The pending retry, if one is waiting. */
	private retry: number | undefined;
	/** Set by close(): never reconnect again. */
	private closed = false;

	constructor(
		private readonly url: string,
		options: ReconnectOptions,
	) {
		this.factory = options.factory;
		this.scheduler = options.scheduler;
		this.baseDelayMs = options.baseDelayMs ?? 1000;
		this.maxDelayMs = options.maxDelayMs ?? 30_000;
		this.onMessage = options.onMessage ?? (() => {});
		this.connect();
	}

	/** Sends through the current connection. */
	send(data: string): void {
		this.socket?.send(data);
	}

	/** Closes the connection for good. */
	close(): void {
		this.closed = true;
		if (this.retry !== undefined) this.scheduler.clearTimeout(this.retry);
		this.retry = undefined;
		this.socket?.close(1000);
	}

	private connect(): void {
		const socket = this.factory(this.url);
		this.socket = socket;
		socket.onopen = () => {
			this.attempts = 0;
		};
		socket.onmessage = (event) => this.onMessage(event.data);
		// A failed connection fires error and then close: retry from close only, or every drop would schedule two.
		socket.onerror = null;
		socket.onclose = () => this.scheduleReconnect();
	}

	private scheduleReconnect(): void {
		if (this.closed || this.retry !== undefined) return;
		// 1 s, 2 s, 4 s… doubling per failed attempt, capped so a long outage still retries regularly.
		const delay = Math.min(this.baseDelayMs * 2 ** this.attempts, this.maxDelayMs);
		this.attempts += 1;
		this.retry = this.scheduler.setTimeout(() => {
			this.retry = undefined;
			this.connect();
		}, delay);
	}
}
