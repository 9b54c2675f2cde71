/** One entry of the Quality Risk Register. */
export interface Risk {
	/** e.g. "QR-001". */
	id: string;
	description: string;
	/** How likely, on a 1–5 scale (the register writes "Medium (3/5)"). */
	probability: number;
	/** How bad if it happens, on a 1–5 scale (the register writes "High (4/5)"). */
	impact: number;
	owner: string;
}

/** The two risks of the Quality Risk Register example (002, Section 5.1). */
export const QUALITY_RISK_REGISTER: readonly Risk[] = [
	{
		id: 'QR-001',
		description: 'Security vulnerability in authentication system',
		probability: 3, // Medium (3/5)
		impact: 4, // High (4/5)
		owner: 'Security Lead',
	},
	{
		id: 'QR-002',
		description: 'Code review bottleneck during peak development',
		probability: 4, // High (4/5)
		impact: 3, // Medium (3/5)
		owner: 'Engineering Manager',
	},
];
