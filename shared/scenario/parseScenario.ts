import { checkReferences } from './checkReferences.js';
import { internStrings } from './internStrings.js';
import { ScenarioSchema, type Scenario } from './schema.js';
import { formatPath, ScenarioError, type ScenarioIssue } from './scenarioIssue.js';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * Validates a scenario document already read from YAML or JSON. `file` is only used to name
 * the source in every issue. Shape errors are reported first; references are checked only once
 * the shape is right, so an author fixes one layer at a time.
 */
export function parseScenario(raw: unknown, file: string): ParseResult {
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ file, path: formatPath(i.path, raw), message: i.message })),
    };
  }
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) {
    return { ok: false, issues: problems.map((p) => ({ file, path: formatPath(p.path, raw), message: p.message })) };
  }
  return { ok: true, scenario: internStrings(parsed.data) };
}

export function parseScenarioOrThrow(raw: unknown, file: string): Scenario {
  const result = parseScenario(raw, file);
  if (!result.ok) throw new ScenarioError(result.issues);
  return result.scenario;
}
