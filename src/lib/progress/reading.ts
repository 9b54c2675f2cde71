/**
 * Read-and-understood acknowledgements bound to a page revision (issue 3, "Reading"): the build
 * hashes each page's source body; an acknowledgement of another hash is shown as outdated, and the
 * learner is asked to confirm the new revision, as document control in a QMS expects.
 */
import type { Acknowledgement, ReadingState } from '../../schemas/progress';
import { sha256Hex } from './canonical';
import { compareTime } from './time';

/** SHA-256 hex of a page's source body; line endings are normalized so a CRLF checkout hashes the same. */
export function pageHash(body: string): Promise<string> {
	return sha256Hex(body.replace(/\r\n?/g, '\n'));
}

export type AckStatus =
	| { status: 'none' }
	/** The current revision was acknowledged at `ack.at`. */
	| { status: 'current'; ack: Acknowledgement }
	/** Only other revisions were acknowledged; `ack` is the latest of them. */
	| { status: 'outdated'; ack: Acknowledgement };

/**
 * Acknowledgement state of a page whose current revision hashes to `hash`, from its reading state
 * (a validated one from the store, or what a page-load peek read, src/lib/progress/peek.ts).
 */
export function ackStatus(state: Pick<ReadingState, 'acks'> | undefined, hash: string): AckStatus {
	const acks = state?.acks ?? [];
	const current = acks.find((a) => a.hash === hash);
	if (current) return { status: 'current', ack: current };
	if (acks.length === 0) return { status: 'none' };
	const latest = acks.reduce((x, y) => (compareTime(y.at, x.at) > 0 ? y : x));
	return { status: 'outdated', ack: latest };
}

/** Whether the page is marked as read. */
export function isRead(state: Pick<ReadingState, 'read'> | undefined): boolean {
	return state?.read === true;
}
