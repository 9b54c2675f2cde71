import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectingSocket } from '../src/reconnecting-socket.ts';
import { createFakeNetwork, FakeScheduler } from './fakes.ts';

const URL = 'wss://game.example/lobby';
let network: ReturnType<typeof createFakeNetwork>;
let scheduler: FakeScheduler;
const onMessage = vi.fn();

beforeEach(() => {
	network = createFakeNetwork();
	scheduler = new FakeScheduler();
	onMessage.mockClear();
});

const connect = () => new ReconnectingSocket(URL, { factory: network.factory, scheduler, onMessage });

/** Lets the current connection attempt fail, fires the retry, and returns the delay it waited. */
function failAndRetry(): number {
	network.latest().drop();
	return scheduler.runNext();
}

describe('connecting', () => {
	it('opens a connection to the URL at once', () => {
		connect();
		expect(network.sockets.map((socket) => socket.url)).toEqual([URL]);
	});

	it('delivers messages from the server to onMessage', () => {
		connect();
		network.latest().open();
		network.latest().receive('{"type":"welcome"}');
		expect(onMessage).toHaveBeenCalledWith('{"type":"welcome"}');
	});
});

describe('reconnecting with exponential backoff', () => {
	it('schedules exactly one retry, 1000 ms later, when the connection drops (error then close)', () => {
		connect();
		network.latest().open();
		network.latest().drop();
		expect(scheduler.pending).toEqual([1000]);
	});

	it('opens a new connection when the retry fires, and sends through it', () => {
		const socket = connect();
		network.latest().open();
		failAndRetry();
		expect(network.sockets).toHaveLength(2);
		network.latest().open();
		socket.send('ping');
		expect(network.latest().sent).toEqual(['ping']);
		expect(network.sockets[0]?.sent).toEqual([]);
	});

	it('doubles the delay after each failed attempt: 1000, 2000, 4000, 8000, 16000 ms', () => {
		connect();
		const delays = Array.from({ length: 5 }, failAndRetry);
		expect(delays).toEqual([1000, 2000, 4000, 8000, 16000]);
	});

	it('never waits longer than the 30000 ms cap', () => {
		connect();
		const delays = Array.from({ length: 8 }, failAndRetry);
		expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
	});

	it('starts again from 1000 ms after a successful connection', () => {
		connect();
		failAndRetry();
		failAndRetry();
		failAndRetry();
		network.latest().open();
		expect(failAndRetry()).toBe(1000);
	});
});

describe('closing', () => {
	it('close() closes the socket with code 1000 and schedules no retry', () => {
		const socket = connect();
		network.latest().open();
		socket.close();
		expect(network.latest().closedWith).toBe(1000);
		expect(scheduler.pending).toEqual([]);
	});

	it('close() cancels a retry that is already waiting', () => {
		const socket = connect();
		network.latest().drop();
		socket.close();
		expect(scheduler.pending).toEqual([]);
		expect(network.sockets).toHaveLength(1);
	});
});
