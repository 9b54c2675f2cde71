import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CertificationSchema } from '../../../../src/schemas/certification';
import { buildCertificationCatalog, CertificationError } from '../../../../src/lib/credentials/rules-catalog';
import { validateCertifications } from '../../../../src/lib/credentials/rules-validate';
import { realInput } from './content';

// Read the content once while the file loads (slow on a busy machine), not inside a timed test.
realInput();

/** The real content plus one more certification file written as YAML text. */
function withExtra(yamlText: string, id = 'extra') {
	const input = realInput();
	const data = CertificationSchema.parse(parse(yamlText));
	return { ...input, certifications: [...input.certifications, { id, file: `content/certifications/${id}.yaml`, data }] };
}

const HEAD = `
id: extra
name: Extra
kind: badge
program: qms-onboarding
description: A test badge.
criteria: For tests.
source: { seed: '000', section: 'Certification Programs' }
page: qms-onboarding/assessment/certification
`;

describe('validateCertifications (cross-file rules, run by the build)', () => {
	it('the shipped content is sound', () => {
		const input = realInput();
		expect(validateCertifications({ ...input, quizzes: input.quizzes.map((q) => q.id), labs: input.labs.map((l) => l.id), checklists: input.checklists.map((c) => ({ id: c.id, sections: c.data.sections.map((s) => s.id) })), assessments: input.assessments.map((a) => a.id) })).toEqual([]);
	});

	it('an unknown quiz, lab, checklist, section, assessment, page, path or certification fails, naming the file and field', () => {
		const yamlText = `${HEAD}
prerequisites: [no-such-certification]
requirements:
  - { id: a, text: A, kind: quiz-passed, quiz: no-such-quiz }
  - { id: b, text: B, kind: lab-passed, lab: no-such-lab }
  - { id: c, text: C, kind: checklist-complete, checklist: no-such-checklist }
  - { id: d, text: D, kind: checklist-complete, checklist: qms-onboarding-quality-pr, sections: [setup, no-such-section] }
  - { id: e, text: E, kind: self-assessment, assessment: no-such-assessment, minAverage: 4 }
  - { id: f, text: F, kind: modules-read, path: qms-onboarding/developer/qms-introduction }
  - { id: g, text: G, kind: modules-done, pages: [qms-onboarding/developer/quality-gates, no/such/page] }
  - { id: h, text: H, kind: scenario-passed, scenario: s, page: no/such/scenario-page }
  - { id: i, text: I, kind: attested, what: W, signOff: buddy, page: no/such/attest-page }
  - { id: j, text: J, kind: hunt-passed, page: no/such/hunt-page }
`;
		let error: unknown;
		try {
			buildCertificationCatalog(withExtra(yamlText));
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(CertificationError);
		const f = 'content/certifications/extra.yaml';
		expect((error as CertificationError).problems).toEqual([
			`${f}: prerequisites[0] "no-such-certification" is not a certification id (no content/certifications/no-such-certification.yaml)`,
			`${f}: requirements[0].quiz "no-such-quiz" is not a knowledge check (no content/quizzes/no-such-quiz.yaml)`,
			`${f}: requirements[1].lab "no-such-lab" is not a lab (no labs/no-such-lab/lab.yaml)`,
			`${f}: requirements[2].checklist "no-such-checklist" is not a checklist (no content/checklists/no-such-checklist.yaml)`,
			`${f}: requirements[3].sections[1] "no-such-section" is not a section of checklist "qms-onboarding-quality-pr"`,
			`${f}: requirements[4].assessment "no-such-assessment" is not a self-assessment (no content/assessments/no-such-assessment.yaml)`,
			`${f}: requirements[5].path "qms-onboarding/developer/qms-introduction" is a "module" page, not a learning path (kind: path)`,
			`${f}: requirements[6].pages[1] "no/such/page" is not a page id`,
			`${f}: requirements[7].page "no/such/scenario-page" is not a page id`,
			`${f}: requirements[8].page "no/such/attest-page" is not a page id`,
			`${f}: requirements[9].page "no/such/hunt-page" is not a page id`,
		]);
		expect((error as Error).message).toMatch(/^Certification errors:\n {2}content\/certifications\/extra\.yaml: prerequisites\[0\]/);
	});

	it('an id that differs from the file name, an unknown page and a prerequisite cycle fail', () => {
		const a = { ...withExtra(`${HEAD}\nrequirements:\n  - { id: x, text: X, kind: sign-off, by: lead }\n`, 'not-extra') };
		expect(() => buildCertificationCatalog(a)).toThrow('content/certifications/not-extra.yaml: id "extra" must equal the file name "not-extra"');
		const b = withExtra(`${HEAD.replace('page: qms-onboarding/assessment/certification', 'page: nowhere')}\nrequirements:\n  - { id: x, text: X, kind: sign-off, by: lead }\n`);
		expect(() => buildCertificationCatalog(b)).toThrow('content/certifications/extra.yaml: page "nowhere" is not a page id');
		const cyc = withExtra(`${HEAD}\nprerequisites: [qms-expert]\nrequirements:\n  - { id: x, text: X, kind: sign-off, by: lead }\n`);
		const assoc = cyc.certifications.find((c) => c.id === 'qms-associate')!;
		assoc.data = { ...assoc.data, prerequisites: ['extra'] };
		expect(() => buildCertificationCatalog(cyc)).toThrow(/prerequisites form a cycle: .*extra.*qms-expert.*qms-professional.*qms-associate/);
	});
});

describe('CertificationSchema (one file)', () => {
	const parseYaml = (t: string) => CertificationSchema.safeParse(parse(t));
	it('refuses duplicate requirement ids, an "after" that is not an earlier requirement, and modules with both or neither of path and pages', () => {
		const bad = parseYaml(`${HEAD}
requirements:
  - { id: a, text: A, kind: quiz-passed, quiz: q, after: [b] }
  - { id: b, text: B, kind: quiz-passed, quiz: q }
  - { id: b, text: B2, kind: sign-off, by: buddy }
  - { id: c, text: C, kind: modules-read }
  - { id: d, text: D, kind: modules-done, path: p, pages: [x] }
`);
		expect(bad.success).toBe(false);
		const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				'requirements.0.after.0: "b" is not an earlier requirement id',
				'requirements.2.id: duplicate requirement id "b"',
				'requirements.3.path: give either path or pages',
				'requirements.4.path: give either path or pages',
			]),
		);
	});

	it('refuses an unknown requirement kind and a sign-off by someone not named in the seeds', () => {
		expect(parseYaml(`${HEAD}\nrequirements:\n  - { id: a, text: A, kind: vibes }\n`).success).toBe(false);
		expect(parseYaml(`${HEAD}\nrequirements:\n  - { id: a, text: A, kind: sign-off, by: ceo }\n`).success).toBe(false);
		expect(parseYaml(`${HEAD}\nrequirements:\n  - { id: a, text: A, kind: sign-off, by: buddy }\n`).success).toBe(true);
	});
});

describe('hunt-passed (001, Universal Competency 1: the find-it-fast hunt)', () => {
	it('is met by the first passed hunt, counts only passed runs, and names what is missing', async () => {
		const { evaluateCertification } = await import('../../../../src/lib/credentials/rules');
		const { emptyRecord, addHuntRun } = await import('../../../../src/lib/progress/record');
		const catalog = buildCertificationCatalog(withExtra(`${HEAD}
requirements:
  - { id: hunt, text: Navigate to 5 random docs, kind: hunt-passed, page: release-readiness/scenarios/find-it-fast }
`));
		const def = catalog.certifications.find((c) => c.id === 'extra')!;
		const t = (m: number) => new Date(Date.UTC(2026, 10, 30, 9, m)).toISOString();
		const target = (ms: number, status: 'found' | 'timed-out' = 'found') => ({ page: 'index', title: 'Home', status, ms });
		let r = emptyRecord(t(0));
		let s = evaluateCertification(def, r, catalog, t(59));
		expect(s.requirements[0]).toMatchObject({ met: false, available: true, href: '/release-readiness/scenarios/find-it-fast/', missing: [expect.stringContaining('not played yet')] });
		r = addHuntRun(r, { id: 'hunt-failed-01', startedAt: t(1), finishedAt: t(5), seed: 1, limitMs: 120_000, passed: false, targets: [target(30_000), target(120_000, 'timed-out')] });
		s = evaluateCertification(def, r, catalog, t(59));
		expect(s.requirements[0]).toMatchObject({ met: false, missing: [expect.stringContaining('0 of 1 hunt passed so far')] });
		r = addHuntRun(r, { id: 'hunt-passed-01', startedAt: t(10), finishedAt: t(15), seed: 2, limitMs: 120_000, passed: true, targets: [target(30_000), target(95_400)] });
		s = evaluateCertification(def, r, catalog, t(59));
		expect(s.requirements[0]).toMatchObject({ met: true, metAt: t(15), evidence: [{ kind: 'hunt', id: 'hunt-passed-01', description: 'Found 2 of 2 pages, the slowest in 95 s, on 2026-11-30' }] });
	});
});
