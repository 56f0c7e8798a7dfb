import { join } from 'node:path';
import { loadScenarioFile, SCENARIO_DIR } from '../../server/scenarios/loadScenarios.js';
import type { Scenario } from '../../shared/scenario/schema.js';

/**
 * One scenario of the library, read from its own file (named by its id): a test that needs one
 * scenario does not parse and check the other six, which takes seconds on a loaded machine.
 */
export function libraryScenario(id: string): Promise<Scenario> {
  return loadScenarioFile(join(SCENARIO_DIR, `${id}.yaml`));
}
