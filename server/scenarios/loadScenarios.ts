import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseScenario } from '../../shared/scenario/parseScenario.js';
import { ScenarioError, type ScenarioIssue } from '../../shared/scenario/scenarioIssue.js';
import type { Scenario } from '../../shared/scenario/schema.js';

export const SCENARIO_DIR = new URL('../../scenarios/', import.meta.url).pathname;

/** Reads and validates one scenario file (YAML or JSON); every problem names the file and the path. */
export async function loadScenarioFile(file: string): Promise<Scenario> {
  const text = await readFile(file, 'utf8');
  const doc = parseDocument(text);
  const name = basename(file);
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => ({
        file: name,
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const result = parseScenario(doc.toJS(), name);
  if (!result.ok) throw new ScenarioError(result.issues);
  return result.scenario;
}

/** Every scenario in a folder, keyed by id; reports the problems of all files at once. */
export async function loadScenarios(dir = SCENARIO_DIR): Promise<Map<string, Scenario>> {
  const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const scenarios = new Map<string, Scenario>();
  const issues: ScenarioIssue[] = [];
  for (const file of files) {
    try {
      const scenario = await loadScenarioFile(join(dir, file));
      if (scenarios.has(scenario.id)) issues.push({ file, path: 'id', message: `another file already uses id "${scenario.id}"` });
      else scenarios.set(scenario.id, scenario);
    } catch (err) {
      if (err instanceof ScenarioError) issues.push(...err.issues);
      else throw err;
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenarios;
}
