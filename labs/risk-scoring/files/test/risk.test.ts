import { describe, expect, it } from 'vitest';
import { QUALITY_RISK_REGISTER, type Risk } from '../src/register.ts';
import { formatScore, rankRegister, riskLevel, riskScore } from '../src/risk.ts';

/**
 * Practice entries. Descriptions come from the register's risk categories (002, Section 5.1);
 * their probability and impact values are made up for the exercise.
 */
const PRACTICE_RISKS: Risk[] = [
	{ id: 'QR-003', description: 'Performance degradation and scalability issues', probability: 2, impact: 5, owner: 'Engineering Manager' },
	{ id: 'QR-004', description: 'Skills gaps and training inadequacy', probability: 4, impact: 2, owner: 'QMS Lead' },
	{ id: 'QR-005', description: 'Regulatory compliance and audit failures', probability: 4, impact: 5, owner: 'QMS Lead' },
	{ id: 'QR-006', description: 'Standards non-compliance and inconsistency', probability: 1, impact: 3, owner: 'QMS Lead' },
];

describe('riskScore', () => {
	it('QR-001: probability Medium (3/5) × impact High (4/5) scores 12', () => {
		expect(riskScore(3, 4)).toBe(12);
	});

	it('QR-002: probability High (4/5) × impact Medium (3/5) scores 12', () => {
		expect(riskScore(4, 3)).toBe(12);
	});

	it('multiplies the two 1–5 scales: 1 × 1 = 1, 2 × 5 = 10, 5 × 5 = 25', () => {
		expect([riskScore(1, 1), riskScore(2, 5), riskScore(5, 5)]).toEqual([1, 10, 25]);
	});

	it('throws a RangeError for a value outside 1–5 or not a whole number', () => {
		for (const bad of [0, 6, -1, 2.5, Number.NaN]) {
			expect(() => riskScore(bad, 3), `probability ${bad}`).toThrow(RangeError);
			expect(() => riskScore(3, bad), `impact ${bad}`).toThrow(RangeError);
		}
	});
});

describe('riskLevel and formatScore', () => {
	it('a score of 12 is High, as for QR-001 and QR-002', () => {
		expect(riskLevel(12)).toBe('High');
	});

	it('bands every possible score: 1–4 Low, 5–9 Medium, 10–16 High, 20–25 Critical', () => {
		const expected: Record<number, string> = {
			1: 'Low', 2: 'Low', 3: 'Low', 4: 'Low',
			5: 'Medium', 6: 'Medium', 8: 'Medium', 9: 'Medium',
			10: 'High', 12: 'High', 15: 'High', 16: 'High',
			20: 'Critical', 25: 'Critical',
		};
		const actual = Object.fromEntries(Object.keys(expected).map((score) => [score, riskLevel(Number(score))]));
		expect(actual).toEqual(expected);
	});

	it('writes a score as the register does: "12 (High Priority)"', () => {
		expect(formatScore(12)).toBe('12 (High Priority)');
		expect(formatScore(25)).toBe('25 (Critical Priority)');
		expect(formatScore(4)).toBe('4 (Low Priority)');
	});
});

describe('rankRegister', () => {
	it('scores the register: QR-001 and QR-002 are both 12 (High Priority)', () => {
		const ranked = rankRegister(QUALITY_RISK_REGISTER);
		expect(ranked.map((risk) => [risk.id, formatScore(risk.score), risk.level])).toEqual([
			['QR-001', '12 (High Priority)', 'High'],
			['QR-002', '12 (High Priority)', 'High'],
		]);
	});

	it('ranks by score, highest first', () => {
		const ranked = rankRegister([...PRACTICE_RISKS, ...QUALITY_RISK_REGISTER]);
		expect(ranked.map((risk) => risk.score)).toEqual([20, 12, 12, 10, 8, 3]);
		expect(ranked[0]?.id).toBe('QR-005');
	});

	it('breaks a tie in score by higher impact first: QR-001 (impact 4) before QR-002 (impact 3)', () => {
		const ranked = rankRegister([...QUALITY_RISK_REGISTER].reverse());
		expect(ranked.map((risk) => risk.id)).toEqual(['QR-001', 'QR-002']);
	});

	it('breaks a tie in score and impact by risk id', () => {
		const twin: Risk = { ...QUALITY_RISK_REGISTER[0]!, id: 'QR-007', description: 'Session token leak' };
		const ranked = rankRegister([twin, ...QUALITY_RISK_REGISTER]);
		expect(ranked.map((risk) => risk.id)).toEqual(['QR-001', 'QR-007', 'QR-002']);
	});

	it('returns a new list and leaves the register as it was', () => {
		const register = [...QUALITY_RISK_REGISTER].reverse();
		const before = structuredClone(register);
		const ranked = rankRegister(register);
		expect(ranked).not.toBe(register);
		expect(register).toEqual(before);
	});
});
