/** The real scenario files, read from disk and parsed by the content schema (as the build does). */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { ScenarioSchema } from '../../../../src/schemas/scenario';
import type { ScenarioDef } from '../../../../src/lib/scenarios/engine';

const dir = new URL('../../../../content/scenarios/', import.meta.url);

export function scenarioIds(): string[] {
	return readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
}

export function rawScenario(id: string): unknown {
	return parse(readFileSync(new URL(`${id}.yaml`, dir), 'utf8'));
}

export function loadScenario(id: string): ScenarioDef {
	return { id, ...ScenarioSchema.parse(rawScenario(id)) };
}
