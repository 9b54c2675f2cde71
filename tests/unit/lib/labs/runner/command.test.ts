import { describe, expect, it } from 'vitest';
import { testCommandArgv } from '../../../../../src/lib/labs/runner/command';

describe('testCommandArgv', () => {
	const flags = ['--reporter=default', '--reporter=json', '--outputFile.json=.r.json'];
	it('appends the reporter flags to a vitest command', () => {
		expect(testCommandArgv('npx vitest run', '.r.json')).toEqual(['npx', 'vitest', 'run', ...flags]);
	});
	it('passes them through npm after --', () => {
		expect(testCommandArgv('npm test', '.r.json')).toEqual(['npm', 'test', '--', ...flags]);
		expect(testCommandArgv('npm run test', '.r.json')).toEqual(['npm', 'run', 'test', '--', ...flags]);
	});
	it('refuses commands a plain split would get wrong', () => {
		expect(() => testCommandArgv('npx vitest run "a b"', 'r')).toThrow(/without quotes or shell operators/);
		expect(() => testCommandArgv('npm test && rm -rf /', 'r')).toThrow(/without quotes or shell operators/);
		expect(() => testCommandArgv('  ', 'r')).toThrow(/empty/);
	});
});
