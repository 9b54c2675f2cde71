import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ackStatus, isRead, pageHash } from '../../../../src/lib/progress/reading';
import { acknowledge, emptyRecord, setRead } from '../../../../src/lib/progress/record';

const t0 = '2026-01-08T09:00:00.000Z';
const t1 = '2026-01-09T09:00:00.000Z';

describe('page hash', () => {
	it('is the SHA-256 of the body (same as node:crypto), line endings normalized', async () => {
		const body = '# Title\n\nSome text.\n';
		expect(await pageHash(body)).toBe(createHash('sha256').update(body).digest('hex'));
		expect(await pageHash(body.replace(/\n/g, '\r\n'))).toBe(await pageHash(body));
		expect(await pageHash(body + 'changed')).not.toBe(await pageHash(body));
	});
});

describe('acknowledgement bound to a revision', () => {
	it('none → current after acknowledging; outdated when the page changes; current again after confirming', async () => {
		const rev1 = await pageHash('revision one');
		const rev2 = await pageHash('revision two');
		let r = emptyRecord(t0);
		expect(ackStatus(r.reading.p, rev1)).toEqual({ status: 'none' });
		r = acknowledge(r, 'p', rev1, t0);
		expect(isRead(r.reading.p)).toBe(true);
		expect(ackStatus(r.reading.p, rev1)).toEqual({ status: 'current', ack: { hash: rev1, at: t0 } });
		// A later build changed the page: the old acknowledgement is shown as outdated.
		expect(ackStatus(r.reading.p, rev2)).toEqual({ status: 'outdated', ack: { hash: rev1, at: t0 } });
		r = acknowledge(r, 'p', rev2, t1);
		expect(ackStatus(r.reading.p, rev2)).toEqual({ status: 'current', ack: { hash: rev2, at: t1 } });
		expect(r.reading.p!.acks).toHaveLength(2); // the history of revisions acknowledged is kept
	});

	it('acknowledging twice keeps the first time; unmarking read keeps acknowledgements', () => {
		const h = 'c'.repeat(64);
		let r = acknowledge(emptyRecord(t0), 'p', h, t0);
		r = acknowledge(r, 'p', h, t1);
		expect(r.reading.p!.acks).toEqual([{ hash: h, at: t0 }]);
		r = setRead(r, 'p', false, t1);
		expect(isRead(r.reading.p)).toBe(false);
		expect(ackStatus(r.reading.p, h).status).toBe('current');
	});
});
