import { createHash } from 'node:crypto';
import type { Scenario } from '../../shared/scenario/schema.js';

/** sha256 of a scenario as validated: ties a stored drill, and a measurement, to the exact rules. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}
