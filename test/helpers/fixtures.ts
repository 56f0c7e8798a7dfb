import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseScenarioOrThrow } from '../../shared/scenario/parseScenario.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import type { Roster } from '../../shared/engine/drillState.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** The raw YAML document of a fixture, to be altered by a test. */
export function rawFixture(name = 'mini-outage.yaml'): Record<string, any> {
  return parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

export function miniScenario(): Scenario {
  return parseScenarioOrThrow(rawFixture(), 'mini-outage.yaml');
}

export function humanRoster(scenario: Scenario): Roster {
  return Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'human' as const, name: p.id }]));
}

export const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) * 60;
};
