import { describe, expect, it } from 'vitest';
import { buildCustomerReport } from '../src/report.ts';
import type { Currency, Customer, Order } from '../src/types.ts';
import { COST_MS, createServices } from './services.ts';

const customers: Customer[] = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `Customer ${i}` }));
const currencies: Currency[] = ['EUR', 'USD', 'GBP'];

/** `count` orders spread over the 10 customers: order i belongs to customer i % 10. */
function manyOrders(count: number): Order[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `o${i}`,
		customerId: `c${i % 10}`,
		amount: 10 + (i % 7),
		currency: currencies[i % 3] as Currency,
	}));
}

describe('report contents', () => {
	it('gives one line per customer with the order count and the total in EUR', async () => {
		const { services } = createServices(customers);
		const orders: Order[] = [
			{ id: 'o1', customerId: 'c1', amount: 10, currency: 'EUR' },
			{ id: 'o2', customerId: 'c2', amount: 5.5, currency: 'EUR' },
			{ id: 'o3', customerId: 'c1', amount: 2.25, currency: 'EUR' },
		];
		expect(await buildCustomerReport(orders, services)).toEqual([
			{ customerId: 'c1', customerName: 'Customer 1', orderCount: 2, totalEur: 12.25 },
			{ customerId: 'c2', customerName: 'Customer 2', orderCount: 1, totalEur: 5.5 },
		]);
	});

	it('converts each order with the rate of its currency (USD 0.5, GBP 2)', async () => {
		const { services } = createServices(customers);
		const orders: Order[] = [
			{ id: 'o1', customerId: 'c3', amount: 10, currency: 'USD' },
			{ id: 'o2', customerId: 'c3', amount: 10, currency: 'GBP' },
		];
		const [line] = await buildCustomerReport(orders, services);
		expect(line?.totalEur).toBe(25);
	});

	it('sorts the lines by total, highest first', async () => {
		const { services } = createServices(customers);
		const totals = (await buildCustomerReport(manyOrders(200), services)).map((line) => line.totalEur);
		expect(totals).toHaveLength(10);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
	});

	it('returns an empty report for no orders', async () => {
		const { services } = createServices(customers);
		expect(await buildCustomerReport([], services)).toEqual([]);
	});
});

describe('performance budget (counts service calls; no wall-clock timing)', () => {
	it('fetches the exchange rates once per report, not once per order', async () => {
		const { services, meter } = createServices(customers);
		await buildCustomerReport(manyOrders(200), services);
		expect(meter.getExchangeRates).toBe(1);
	});

	it('fetches each customer once, however many orders they have', async () => {
		const { services, meter } = createServices(customers);
		await buildCustomerReport(manyOrders(200), services);
		expect(meter.getCustomer).toBe(10);
	});

	it('makes no service calls for an empty order list', async () => {
		const { services, meter } = createServices(customers);
		await buildCustomerReport([], services);
		expect(meter.serviceTimeMs).toBe(0);
	});

	it('performance gate: 200 orders from 10 customers cost at most 300 ms of service time', async () => {
		const { services, meter } = createServices(customers);
		await buildCustomerReport(manyOrders(200), services);
		const budget = COST_MS.getExchangeRates + 10 * COST_MS.getCustomer;
		expect(budget).toBe(300);
		expect(meter.serviceTimeMs).toBeLessThanOrEqual(budget);
	});

	it('scales with customers, not orders: 400 orders cost no more than 200', async () => {
		const small = createServices(customers);
		await buildCustomerReport(manyOrders(200), small.services);
		const large = createServices(customers);
		await buildCustomerReport(manyOrders(400), large.services);
		expect(large.meter.serviceTimeMs).toBe(small.meter.serviceTimeMs);
	});
});
