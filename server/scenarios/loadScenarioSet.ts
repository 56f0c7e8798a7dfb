import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lintScenario } from '../../shared/scenario/lint/lintScenario.js';
import { ScenarioError } from '../../shared/scenario/scenarioIssue.js';
import type { LoadedScenario } from '../services.js';
import { loadScenarioFile, SCENARIO_DIR } from './loadScenarios.js';
import { readMeasuredLevels } from './measuredLevels.js';
import { MEASURED_LEVELS_FILE, type MeasuredLevels } from '../../shared/sim/measuredLevels.js';
import { scenarioHash } from './scenarioHash.js';

export interface ScenarioSet {
  scenarios: Map<string, LoadedScenario>;
  /** Files refused, with why: they are never offered to players. */
  refused: { file: string; reasons: string[] }[];
}

/**
 * Every scenario in the folder that passes the schema and the checker's errors, each with the
 * hash that ties stored drills to the exact rules they ran on. A broken file is refused (and
 * reported) without keeping the others out.
 */
export async function loadScenarioSet(dir = SCENARIO_DIR): Promise<ScenarioSet> {
  const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const set: ScenarioSet = { scenarios: new Map(), refused: [] };
  // A broken measurement file hides the medians; it does not keep a single scenario out.
  const measured: MeasuredLevels = await readMeasuredLevels(dir).catch((err: Error) => {
    set.refused.push({ file: MEASURED_LEVELS_FILE, reasons: [err.message] });
    return {};
  });
  for (const file of files) {
    try {
      const scenario = await loadScenarioFile(join(dir, file));
      const errors = lintScenario(scenario).filter((f) => f.severity === 'error');
      if (errors.length > 0) set.refused.push({ file, reasons: errors.map((e) => `${e.path.join('.')}: ${e.message}`) });
      else if (set.scenarios.has(scenario.id)) set.refused.push({ file, reasons: [`another file already uses id "${scenario.id}"`] });
      else {
        const hash = scenarioHash(scenario);
        // Medians measured on another version of the file would describe other rules: not shown.
        const levels = measured[scenario.id]?.hash === hash ? measured[scenario.id]!.levels : null;
        set.scenarios.set(scenario.id, { scenario, hash, levels });
      }
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      set.refused.push({ file, reasons: err.issues.map((i) => `${i.path || '(top level)'}: ${i.message}`) });
    }
  }
  return set;
}
