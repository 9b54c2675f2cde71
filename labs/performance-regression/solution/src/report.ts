import type { Customer, Order, ReportLine, Services } from './types.ts';

/**
 * The customer report on the dashboard: one line per customer with their number of orders and
 * their total in EUR (rounded to cents), highest total first.
 */
export async function buildCustomerReport(orders: readonly Order[], services: Services): Promise<ReportLine[]> {
	if (orders.length === 0) return [];

	// One round trip for the rates and one per distinct customer, however many orders there are.
	const rates = await services.getExchangeRates();
	const customerIds = [...new Set(orders.map((order) => order.customerId))];
	const customers = new Map<string, Customer>();
	for (const customer of await Promise.all(customerIds.map((id) => services.getCustomer(id)))) {
		customers.set(customer.id, customer);
	}

	// A Map keyed by customer replaces the linear search per order (which made the loop O(n²)).
	const lines = new Map<string, ReportLine>();
	for (const order of orders) {
		const customer = customers.get(order.customerId) as Customer;
		let line = lines.get(customer.id);
		if (!line) {
			line = { customerId: customer.id, customerName: customer.name, orderCount: 0, totalEur: 0 };
			lines.set(customer.id, line);
		}
		line.orderCount += 1;
		line.totalEur += order.amount * rates[order.currency];
	}
	const report = [...lines.values()];
	for (const line of report) line.totalEur = Math.round(line.totalEur * 100) / 100;
	return report.sort((a, b) => b.totalEur - a.totalEur);
}
