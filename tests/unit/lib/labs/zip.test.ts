import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipLab } from '../../../../src/lib/labs/zip';

describe('zipLab', () => {
	it('puts every file under a folder named after the lab, byte for byte', () => {
		const files = { 'package.json': '{"type":"module"}', 'src/auth.ts': 'export const ä = "✓";\n' };
		const entries = unzipSync(zipLab('credential-validation', files));
		expect(Object.keys(entries).sort()).toEqual(['credential-validation/package.json', 'credential-validation/src/auth.ts']);
		expect(strFromU8(entries['credential-validation/src/auth.ts'])).toBe(files['src/auth.ts']);
	});
});
