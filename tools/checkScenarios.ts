// Validates every scenario file and prints each problem with its file and path; exits 1 on any.
import { loadScenarios } from '../server/scenarios/loadScenarios.js';
import { ScenarioError } from '../shared/scenario/scenarioIssue.js';

try {
  const scenarios = await loadScenarios();
  for (const s of scenarios.values()) {
    console.log(`ok  ${s.id}  (${s.interactions.length} interactions, ${s.cast.length} archetypes, ${s.injects.length} injects, ${s.expected.length} expected actions)`);
  }
} catch (err) {
  if (!(err instanceof ScenarioError)) throw err;
  console.error(err.message);
  process.exit(1);
}
