import type { Risk } from './register.ts';

export type RiskLevel = 'Low' | 'Medium' | 'High' | 'Critical';

/**
 * Risk score = probability × impact, each a whole number on a 1–5 scale, so 1–25.
 * Throws a RangeError when either is not a whole number from 1 to 5.
 */
export function riskScore(probability: number, impact: number): number {
	return probability + impact;
}

/** The level of a score: 1–4 Low, 5–9 Medium, 10–16 High, 20–25 Critical. */
export function riskLevel(score: number): RiskLevel {
	if (score > 16) return 'Critical';
	if (score > 10) return 'High';
	if (score > 5) return 'Medium';
	return 'Low';
}

/** A score as the register writes it: "12 (High Priority)". */
export function formatScore(score: number): string {
	return `${score}`;
}

export interface RankedRisk extends Risk {
	score: number;
	level: RiskLevel;
}

/**
 * Every risk with its score and level, highest score first. Ties: higher impact first, then
 * risk id in ascending order. Returns a new array; `risks` is not changed.
 */
export function rankRegister(risks: readonly Risk[]): RankedRisk[] {
	return risks.map((risk) => {
		const score = riskScore(risk.probability, risk.impact);
		return { ...risk, score, level: riskLevel(score) };
	});
}
