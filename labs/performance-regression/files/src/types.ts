export type Currency = 'EUR' | 'USD' | 'GBP';

export interface Order {
	id: string;
	customerId: string;
	/** In `currency`, e.g. 19.99. */
	amount: number;
	currency: Currency;
}

export interface Customer {
	id: string;
	name: string;
}

/** Euros per one unit of each currency (EUR is 1). */
export type ExchangeRates = Record<Currency, number>;

/** Back-end services. Every call is a network round trip, so every call costs load time. */
export interface Services {
	getCustomer(id: string): Promise<Customer>;
	getExchangeRates(): Promise<ExchangeRates>;
}

/** One line of the customer report. */
export interface ReportLine {
	customerId: string;
	customerName: string;
	orderCount: number;
	/** Sum of the customer's orders in EUR, rounded to cents. */
	totalEur: number;
}
