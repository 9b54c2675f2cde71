import type { Risk } from './register.ts';

export type RiskLevel = 'Low' | 'Medium' | 'High' | 'Critical';

function checkScale(name: string, value: number): void {
	if (!Number.isInteger(value) || value < 1 || value > 5) {
		throw new RangeError(`${name} must be a whole number from 1 to 5, got ${value}`);
	}
}

/**
 * Risk score = probability × impact, each a whole number on a 1–5 scale, so 1–25.
 * Throws a RangeError when either is not a whole number from 1 to 5.
 */
export function riskScore(probability: number, impact: number): number {
	checkScale('probability', probability);
	checkScale('impact', impact);
	return probability * impact;
}

/** The level of a score: 1–4 Low, 5–9 Medium, 10–16 High, 20–25 Critical. */
export function riskLevel(score: number): RiskLevel {
	// No product of two 1–5 values falls in 17–19, so ">= 20" and "> 16" agree.
	if (score >= 20) return 'Critical';
	if (score >= 10) return 'High';
	if (score >= 5) return 'Medium';
	return 'Low';
}

/** A score as the register writes it: "12 (High Priority)". */
export function formatScore(score: number): string {
	return `${score} (${riskLevel(score)} Priority)`;
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
	return risks
		.map((risk) => {
			const score = riskScore(risk.probability, risk.impact);
			return { ...risk, score, level: riskLevel(score) };
		})
		.sort((a, b) => b.score - a.score || b.impact - a.impact || a.id.localeCompare(b.id));
}
