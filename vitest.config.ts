import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure lib, schemas, stores; tests/unit mirrors src) and `labs`
 * (every lab's starter fails its checks and its solution passes, under real vitest).
 */
export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
			{ test: { name: 'labs', include: ['tests/labs/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
		],
	},
});
