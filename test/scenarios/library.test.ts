import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../server/scenarios/loadScenarios.js';
import { SKILLS } from '../../shared/bots/skill.js';
import { lintScenario } from '../../shared/scenario/lint/lintScenario.js';
import { runBotDrill } from '../../shared/sim/runBotDrill.js';
import { levelProblems } from '../../shared/sim/levelMedians.js';
import { readMeasuredLevels } from '../../server/scenarios/measuredLevels.js';
import { scenarioHash } from '../../server/scenarios/scenarioHash.js';

const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('the scenario library', () => {
  it('has the flagship and one scenario per source case', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(files)('%s', (file) => {
    // How far experts must lead novices, and everything else the gameability check asks, is in gameability.test.ts.
    it('passes the checker with no errors', async () => {
      const scenario = await loadScenarioFile(join(SCENARIO_DIR, file));
      expect(lintScenario(scenario).filter((f) => f.severity === 'error')).toEqual([]);
    });

    it('has its levels measured on this very version, in order (novices score highest at introductory, lowest at advanced), and no early failure', async () => {
      const scenario = await loadScenarioFile(join(SCENARIO_DIR, file));
      const entry = (await readMeasuredLevels(SCENARIO_DIR))[scenario.id];
      // If this fails after an edit: npm run scenario:check -- scenarios/<file> measures them again.
      expect(entry?.hash, `${scenario.id} is not measured on its current version`).toBe(scenarioHash(scenario));
      expect(levelProblems(entry!)).toEqual([]);
    });

    it('is a full drill: four rooms, 30+ interactions, 6+ archetypes, 3+ optional injects, and bots reach an ending from every post', async () => {
      const scenario = await loadScenarioFile(join(SCENARIO_DIR, file));
      expect(new Set(scenario.rooms.map((r) => r.type)).size).toBe(4);
      expect(scenario.interactions.length).toBeGreaterThanOrEqual(30);
      expect(scenario.cast.length).toBeGreaterThanOrEqual(6);
      expect(scenario.injects.filter((i) => i.optional).length).toBeGreaterThanOrEqual(3);
      for (const skill of SKILLS) {
        const run = runBotDrill(scenario, 42, Object.fromEntries(scenario.posts.map((p) => [p.id, skill])));
        expect(run.state.phase).toBe('ended');
        expect(run.state.ending?.id).toBeTruthy();
      }
    });
  });
});
