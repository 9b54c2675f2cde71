import { describe, expect, it } from 'vitest';
import { consoleText, summaryText, testText } from '../../../../../src/lib/labs/runner/terminal-text';

// eslint-disable-next-line no-control-regex -- ESC (\u001b) starts every ANSI colour code.
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('terminal text', () => {
	it('prints a line per test, with the failure under it', () => {
		expect(plain(testText({ ancestorTitles: ['a'], title: 'b', fullName: 'a b', status: 'passed', duration: 3.2, failureMessages: [] }))).toBe('  ✓ a › b 3ms\n');
		expect(plain(testText({ ancestorTitles: [], title: 'c', fullName: 'c', status: 'failed', duration: 1, failureMessages: ['Error: x\n    at src/a.ts:1:1'] }))).toBe(
			'  × c 1ms\n      Error: x\n          at src/a.ts:1:1\n',
		);
	});
	it('labels console output by stream, formatted like Node', () => {
		expect(plain(consoleText('log', ['n=%d', 4, { a: 1 }]))).toBe("stdout | n=4 { a: 1 }\n");
		expect(plain(consoleText('error', ['bad']))).toBe('stderr | bad\n');
	});
	it('sums up failed, passed and skipped tests', () => {
		const text = plain(
			summaryText(
				{
					success: false,
					testResults: [
						{
							name: 't.test.ts',
							status: 'failed',
							message: '',
							assertionResults: [
								{ ancestorTitles: [], title: 'a', fullName: 'a', status: 'passed', failureMessages: [] },
								{ ancestorTitles: [], title: 'b', fullName: 'b', status: 'failed', failureMessages: ['x'] },
								{ ancestorTitles: [], title: 'c', fullName: 'c', status: 'todo', failureMessages: [] },
							],
						},
					],
				},
				12,
			),
		);
		expect(text).toContain('Tests  1 failed | 1 passed | 1 skipped (3)');
		expect(text).toContain('Duration  12ms');
	});
});
