import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Scan the whole page (Starlight's header, search button and sidebar included) and fail on any
 * serious or critical violation, listing rule, impact and the offending nodes.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
	expect(report, report.join('\n')).toEqual([]);
}
