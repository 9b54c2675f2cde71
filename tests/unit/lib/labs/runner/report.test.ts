import { describe, expect, it } from 'vitest';
import { buildLabResult, checkName, checksFromReport, hasPassed, summarizeFailure } from '../../../../../src/lib/labs/runner/report';
import { LabResultSchema } from '../../../../../src/schemas/lab-result';
import { VitestReportSchema, type VitestReport } from '../../../../../src/schemas/vitest-report';

// Shapes as Vitest 5's JSON reporter writes them (trimmed), from a WebContainer project at /home/p.
const REPORT: VitestReport = {
	success: false,
	testResults: [
		{
			name: '/home/p/test/auth.test.ts',
			status: 'failed',
			message: '',
			assertionResults: [
				{ ancestorTitles: ['auth', 'login'], title: 'accepts', fullName: 'auth login accepts', status: 'passed', duration: 3, failureMessages: [] },
				{
					ancestorTitles: ['auth'],
					title: 'rejects',
					fullName: 'auth rejects',
					status: 'failed',
					duration: 2,
					failureMessages: ['AssertionError: expected 1 to be 2 // Object.is equality\n    at /home/p/test/auth.test.ts:9:20\n    at run (vitest.js:1:1)'],
				},
				{ ancestorTitles: [], title: 'later', fullName: 'later', status: 'todo', duration: null, failureMessages: [] },
			],
		},
		{ name: '/home/p/test/broken.test.ts', status: 'failed', message: "Cannot find module '../src/x.ts'", assertionResults: [] },
		{
			name: '/home/p/test/setup.test.ts',
			status: 'failed',
			message: '',
			assertionResults: [{ ancestorTitles: ['s'], title: 't', fullName: 's t', status: 'skipped', failureMessages: [] }],
		},
	],
};

describe('checksFromReport', () => {
	const checks = checksFromReport(REPORT, '/home/p');

	it('names checks by suite titles and test title, in report order', () => {
		expect(checks.map((c) => c.name)).toEqual([
			'auth › login › accepts',
			'auth › rejects',
			'later',
			'test/broken.test.ts',
			's › t',
			'test/setup.test.ts',
		]);
	});

	it('maps statuses: passed → pass, failed → fail, skipped and todo → skip', () => {
		expect(checks.map((c) => c.status)).toEqual(['pass', 'fail', 'skip', 'fail', 'skip', 'fail']);
	});

	it('keeps the failure message without the stack', () => {
		expect(checks[1].message).toBe('AssertionError: expected 1 to be 2 // Object.is equality');
	});

	it('fails a file that broke outside its tests, even when Vitest left no message (beforeAll threw)', () => {
		expect(checks[3]).toEqual({ name: 'test/broken.test.ts', status: 'fail', message: "Cannot find module '../src/x.ts'" });
		expect(checks[5]).toMatchObject({ name: 'test/setup.test.ts', status: 'fail' });
		expect(hasPassed(checks)).toBe(false);
	});

	it('accepts what the schema parses from a real report file', () => {
		const parsed = VitestReportSchema.parse(JSON.parse(JSON.stringify({ ...REPORT, numTotalTests: 4, startTime: 1 })));
		expect(checksFromReport(parsed, '/home/p')).toEqual(checks);
	});
});

describe('summarizeFailure', () => {
	it('drops stack frames and colour codes', () => {
		expect(summarizeFailure('\u001b[31mError: boom\u001b[39m\n  detail\n    at x (y.js:1:1)')).toBe('Error: boom\n  detail');
	});
	it('returns undefined for nothing to say', () => {
		expect(summarizeFailure('')).toBeUndefined();
		expect(summarizeFailure(undefined)).toBeUndefined();
	});
});

describe('hasPassed and buildLabResult', () => {
	it('passes only with at least one pass and no failure', () => {
		expect(hasPassed([{ name: 'a', status: 'pass' }, { name: 'b', status: 'skip' }])).toBe(true);
		expect(hasPassed([{ name: 'a', status: 'skip' }])).toBe(false);
		expect(hasPassed([])).toBe(false);
		expect(hasPassed([{ name: 'a', status: 'pass' }, { name: 'b', status: 'fail' }])).toBe(false);
	});

	it('builds a result that the LabResult schema accepts', () => {
		const result = buildLabResult({
			labId: 'credential-validation',
			runner: 'offline',
			checks: [{ name: checkName(['a'], 'b'), status: 'pass' }],
			durationMs: 1234.6,
			at: new Date('2026-01-02T03:04:05Z'),
		});
		expect(result).toEqual({
			labId: 'credential-validation',
			runner: 'offline',
			passed: true,
			checks: [{ name: 'a › b', status: 'pass' }],
			durationMs: 1235,
			at: '2026-01-02T03:04:05.000Z',
		});
		expect(LabResultSchema.safeParse(result).success).toBe(true);
		expect(LabResultSchema.safeParse({ ...result, runner: 'jest' }).success).toBe(false);
	});
});
