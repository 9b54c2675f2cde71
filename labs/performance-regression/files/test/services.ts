import type { Customer, ExchangeRates, Services } from '../src/types.ts';

/** Simulated cost of one round trip to each service, in ms. */
export const COST_MS = { getCustomer: 25, getExchangeRates: 50 } as const;

export const RATES: ExchangeRates = { EUR: 1, USD: 0.5, GBP: 2 };

/**
 * Fake services that count their calls and add up the time those calls would take, so the
 * performance checks are exact and repeatable (no wall-clock timing).
 */
export function createServices(customers: readonly Customer[]) {
	const meter = { getCustomer: 0, getExchangeRates: 0, serviceTimeMs: 0 };
	const byId = new Map(customers.map((customer) => [customer.id, customer]));
	const services: Services = {
		async getCustomer(id) {
			meter.getCustomer += 1;
			meter.serviceTimeMs += COST_MS.getCustomer;
			const customer = byId.get(id);
			if (!customer) throw new Error(`no customer ${id}`);
			return { ...customer };
		},
		async getExchangeRates() {
			meter.getExchangeRates += 1;
			meter.serviceTimeMs += COST_MS.getExchangeRates;
			return { ...RATES };
		},
	};
	return { services, meter };
}
