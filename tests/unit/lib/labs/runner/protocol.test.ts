import { describe, expect, it } from 'vitest';
import { readWorkerMessage } from '../../../../../src/lib/labs/runner/protocol';
import { checksFromReport, hasPassed } from '../../../../../src/lib/labs/runner/report';

const assertion = { ancestorTitles: ['login'], title: 'locks', fullName: 'login locks', status: 'passed', duration: 1 };

describe('readWorkerMessage', () => {
	it('accepts each message type the worker sends and fills in defaults', () => {
		expect(readWorkerMessage({ type: 'output', text: 'hi\n' })).toEqual({ type: 'output', text: 'hi\n' });
		expect(readWorkerMessage({ type: 'crash', message: 'boom' })).toEqual({ type: 'crash', message: 'boom' });
		expect(readWorkerMessage({ type: 'test', file: 'test/a.test.ts', result: assertion })).toEqual({
			type: 'test',
			file: 'test/a.test.ts',
			result: { ...assertion, failureMessages: [] },
		});
		const done = readWorkerMessage({ type: 'done', report: { success: true, testResults: [{ name: 'test/a.test.ts', status: 'passed', assertionResults: [assertion] }] } });
		expect(done.type).toBe('done');
		if (done.type !== 'done') return;
		expect(done.report.testResults[0]?.message).toBe('');
		expect(hasPassed(checksFromReport(done.report))).toBe(true);
	});

	it.each([
		['null', null, /Invalid input/],
		['a string', 'done', /Invalid input/],
		['an unknown type', { type: 'pass' }, /Invalid input/],
		['a report without its test results', { type: 'done', report: { success: true } }, /at report\.testResults/],
		['a check with an unknown status', { type: 'test', file: 'a', result: { ...assertion, status: 'ok' } }, /at result\.status/],
		['output that is not text', { type: 'output', text: 42 }, /at text/],
	])('reports %s as invalid, naming where and quoting what arrived', (_, data, where) => {
		const read = readWorkerMessage(data);
		expect(read.type).toBe('invalid');
		if (read.type !== 'invalid') return;
		expect(read.error).toMatch(where);
		expect(read.error).toContain(`in ${JSON.stringify(data).slice(0, 100)}`);
	});

	it('quotes at most 120 characters of a large message and survives one that cannot be serialised', () => {
		const long = readWorkerMessage({ type: 'done', report: { success: true, note: 'x'.repeat(1000) } });
		expect(long.type === 'invalid' && long.error.length).toBeLessThan(300);
		const cyclic: Record<string, unknown> = { type: 'done' };
		cyclic.report = cyclic;
		expect(readWorkerMessage(cyclic)).toMatchObject({ type: 'invalid', error: expect.stringContaining('[object Object]') });
	});
});
