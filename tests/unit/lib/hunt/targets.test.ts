import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clueFor, clueText, drawTargets, huntablePages, TARGETS_PER_HUNT, type HuntPage } from '../../../../src/lib/hunt/targets';
import { newSeed, seededRandom } from '../../../../src/lib/hunt/random';

const page = (i: number, over: Partial<HuntPage> = {}): HuntPage => ({
	id: `program/page-${i}`,
	title: `Page ${i} about launches`,
	program: 'Release readiness',
	roles: ['Release manager'],
	kind: 'Module',
	phase: null,
	week: String(i),
	keywords: [`word-${i}`, `term-${i}`, 'launches'],
	...over,
});
const pages = Array.from({ length: 12 }, (_, i) => page(i));

describe('clueFor', () => {
	it('states topic (two keywords not in the title first), program, role, phase and kind, never the title', () => {
		const c = clueFor(page(3, { keywords: ['launches', 'go/no-go', 'checksum'], phase: 'Phase 1: QMS Fundamentals' }))!;
		expect(c).toEqual({ topic: 'go/no-go, checksum', program: 'Release readiness', role: 'Release manager', phase: 'Phase 1: QMS Fundamentals', kind: 'Module' });
		expect(clueText(c)).not.toContain('Page 3');
	});

	it('falls back to the week, then "no phase"; uses title words only when nothing else is left', () => {
		expect(clueFor(page(2))!.phase).toBe('Week 2');
		expect(clueFor(page(2, { week: null }))!.phase).toBe('no phase');
		expect(clueFor(page(2, { keywords: ['launches', 'page'] }))!.topic).toBe('launches, page');
	});

	it('refuses pages with fewer than two keywords', () => {
		expect(clueFor(page(1, { keywords: ['x'] }))).toBeNull();
	});
});

describe('huntablePages', () => {
	it('leaves out hubs, excluded pages, pages without keywords and pages whose clues read the same', () => {
		const twinA = page(20, { keywords: ['same', 'words'], week: '9' });
		const twinB = page(21, { keywords: ['same', 'words'], week: '9' });
		const list = [page(1), page(2, { kind: 'Hub' }), page(3), page(4, { keywords: [] }), twinA, twinB];
		expect(huntablePages(list, ['program/page-3']).map((t) => t.page)).toEqual(['program/page-1']);
	});
});

describe('drawTargets', () => {
	it('a fixed seed draws the same five distinct targets every time', () => {
		const a = drawTargets(pages, seededRandom(42));
		const b = drawTargets(pages, seededRandom(42));
		expect(a).toEqual(b);
		expect(a).toHaveLength(TARGETS_PER_HUNT);
		expect(new Set(a.map((t) => t.page)).size).toBe(TARGETS_PER_HUNT);
		expect(drawTargets(pages, seededRandom(43)).map((t) => t.page)).not.toEqual(a.map((t) => t.page));
	});

	it('with a random source that always says 0 it takes the first pages in order', () => {
		expect(drawTargets(pages, () => 0).map((t) => t.page)).toEqual(pages.slice(0, 5).map((p) => p.id));
	});

	it('throws when the index has too few pages', () => {
		expect(() => drawTargets(pages.slice(0, 4), () => 0)).toThrow(/needs 5 pages/);
	});

	it('property: any seed draws distinct huntable pages, none excluded', () => {
		fc.assert(
			fc.property(fc.nat({ max: 0xffffffff }), (seed) => {
				const drawn = drawTargets(pages, seededRandom(seed), 5, ['program/page-0']);
				expect(new Set(drawn.map((t) => t.page)).size).toBe(5);
				expect(drawn.map((t) => t.page)).not.toContain('program/page-0');
			}),
		);
	});
});

describe('seededRandom', () => {
	it('gives numbers in [0, 1) and newSeed a 32-bit integer', () => {
		const r = seededRandom(7);
		for (let i = 0; i < 1000; i++) {
			const x = r();
			expect(x >= 0 && x < 1).toBe(true);
		}
		expect(newSeed(() => 0.999999999)).toBeLessThanOrEqual(0xffffffff);
		expect(newSeed(() => 0)).toBe(0);
	});
});
