import { describe, expect, it } from 'vitest';
import { programSidebar, type SidebarSource } from '../../../../src/lib/curriculum/sidebar';

const src = (over: Partial<SidebarSource> & Pick<SidebarSource, 'id' | 'folder' | 'label' | 'kind'>): SidebarSource => ({
	program: 'qms-onboarding',
	roles: ['all'],
	...over,
});

describe('programSidebar', () => {
	it('puts the overview first, then loose pages, onboarding, paths by role order, topics, scenarios, reference', () => {
		const group = programSidebar('qms-onboarding', [
			src({ id: 'qms-onboarding/reference', folder: 'reference', label: 'Reference', kind: 'reference' }),
			src({ id: 'qms-onboarding/qa-engineer', folder: 'qa-engineer', label: 'QA engineer path', kind: 'path', roles: ['qa-engineer'] }),
			src({ id: 'qms-onboarding', folder: null, label: 'Overview', kind: 'overview' }),
			src({ id: 'qms-onboarding/developer', folder: 'developer', label: 'Developer path', kind: 'path', roles: ['developer'] }),
			src({ id: 'qms-onboarding/scenarios', folder: 'scenarios', label: 'Scenarios', kind: 'overview' }),
			src({ id: 'qms-onboarding/onboarding', folder: 'onboarding', label: 'Onboarding days', kind: 'overview' }),
			src({ id: 'qms-onboarding/gates', folder: 'gates', label: 'Quality gates', kind: 'overview', order: 30 }),
			src({ id: 'qms-onboarding/foundations', folder: 'foundations', label: 'Shared foundations', kind: 'overview', order: 10 }),
			src({ id: 'qms-onboarding/timeline', folder: null, label: 'Timeline', kind: 'reference', order: 2 }),
			src({ id: 'other', folder: null, label: 'Other', kind: 'overview', program: 'qms-leadership' }),
		]);
		expect(group).toMatchObject({ label: 'QMS onboarding', collapsed: true });
		const items = (group as { items: unknown[] }).items;
		expect(items).toEqual([
			{ slug: 'qms-onboarding', label: 'Overview' },
			{ slug: 'qms-onboarding/timeline', label: 'Timeline' },
			{ label: 'Onboarding days', collapsed: true, items: [{ autogenerate: { directory: 'qms-onboarding/onboarding' } }] },
			{ label: 'Developer path', collapsed: true, items: [{ autogenerate: { directory: 'qms-onboarding/developer' } }] },
			{ label: 'QA engineer path', collapsed: true, items: [{ autogenerate: { directory: 'qms-onboarding/qa-engineer' } }] },
			{ label: 'Shared foundations', collapsed: true, items: [{ autogenerate: { directory: 'qms-onboarding/foundations' } }] },
			{ label: 'Quality gates', collapsed: true, items: [{ autogenerate: { directory: 'qms-onboarding/gates' } }] },
			{ label: 'Scenarios', collapsed: true, items: [{ autogenerate: { directory: 'qms-onboarding/scenarios' } }] },
			{ label: 'Reference', collapsed: true, items: [{ autogenerate: { directory: 'qms-onboarding/reference' } }] },
		]);
	});
});
