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
		this.socket?.close(1000);
	}

	private connect(): void {
		const socket = this.factory(this.url);
		this.socket = socket;
		socket.onmessage = (event) => this.onMessage(event.data);
		socket.onerror = () => this.scheduleReconnect();
		socket.onclose = () => this.scheduleReconnect();
	}

	private scheduleReconnect(): void {
		this.scheduler.setTimeout(() => this.connect(), this.baseDelayMs);
	}
}
