import { describe, expect, it } from 'vitest';
import { buildLabPayload, fileOrder, serializePayload } from '../../../../src/lib/labs/payload';
import { fromFileSystemTree } from '../../../../src/lib/labs/tree';
import { LabSchema } from '../../../../src/schemas/lab';

const lab = LabSchema.parse({
	id: 'demo',
	title: 'Demo',
	program: 'qms-onboarding',
	module: 'qms-onboarding/developer/qms-introduction',
	estimatedMinutes: 5,
	difficulty: 'easy',
	instructions: 'Do it.',
	editable: ['src/b.ts', 'src/a.ts'],
	source: { seed: '000', section: 'Overview' },
});

describe('lab payload', () => {
	const files = { 'package.json': '{}', 'src/a.ts': 'a', 'src/b.ts': '</script><script>alert(1)</script>', 'src/c.ts': 'c', 'test/a.test.ts': 't' };
	const payload = buildLabPayload({ lab, files, solution: { 'src/a.ts': 'A' } });

	it('carries the starter as a WebContainer tree that flattens back to the same files', () => {
		expect(payload.tree).toMatchObject({ src: { directory: { 'a.ts': { file: { contents: 'a' } } } } });
		expect(fromFileSystemTree(payload.tree)).toEqual(files);
		expect(payload).toMatchObject({ id: 'demo', editable: ['src/b.ts', 'src/a.ts'], testCommand: 'npx vitest run', solution: { 'src/a.ts': 'A' } });
	});

	it('serializes without a raw "<", so file text cannot close the script element', () => {
		const json = serializePayload(payload);
		expect(json).not.toContain('<');
		expect(JSON.parse(json)).toEqual(payload);
	});

	it('orders tabs: editable in lab.yaml order, then sources, tests, config', () => {
		expect(fileOrder(Object.keys(files), lab.editable)).toEqual(['src/b.ts', 'src/a.ts', 'src/c.ts', 'test/a.test.ts', 'package.json']);
	});
});
