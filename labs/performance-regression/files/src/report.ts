import type { Order, ReportLine, Services } from './types.ts';

/**
 * The customer report on the dashboard: one line per customer with their number of orders and
 * their total in EUR (rounded to cents), highest total first.
 */
export async function buildCustomerReport(orders: readonly Order[], services: Services): Promise<ReportLine[]> {
	const lines: ReportLine[] = [];
	for (const order of orders) {
		// Added last sprint with multi-currency support: convert every order to EUR.
		const rates = await services.getExchangeRates();
		const customer = await services.getCustomer(order.customerId);
		const amountEur = order.amount * rates[order.currency];

		let line = lines.find((existing) => existing.customerId === customer.id);
		if (!line) {
			line = { customerId: customer.id, customerName: customer.name, orderCount: 0, totalEur: 0 };
			lines.push(line);
		}
		line.orderCount += 1;
		line.totalEur += amountEur;
	}
	for (const line of lines) line.totalEur = Math.round(line.totalEur * 100) / 100;
	return lines.sort((a, b) => b.totalEur - a.totalEur);
}
