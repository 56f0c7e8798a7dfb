import { createHash } from 'node:crypto';
import type { LoadedScenario } from '../services.js';
import { loadScenarios } from './loadScenarios.js';

/** Every scenario with the hash that ties stored drills to the exact rules they ran on. */
export async function loadScenarioSet(dir?: string): Promise<Map<string, LoadedScenario>> {
  const scenarios = await loadScenarios(dir);
  return new Map(
    [...scenarios].map(([id, scenario]) => [id, { scenario, hash: createHash('sha256').update(JSON.stringify(scenario)).digest('hex') }]),
  );
}
