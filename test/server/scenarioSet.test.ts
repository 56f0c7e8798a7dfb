import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenarioSet } from '../../server/scenarios/loadScenarioSet.js';
import { rawFixture } from '../helpers/fixtures.js';
import { FIXTURE_DIR } from '../helpers/server.js';
import { scenarioHash } from '../../server/scenarios/scenarioHash.js';
import { parseScenarioOrThrow } from '../../shared/scenario/parseScenario.js';

describe('scenarios discovered at start', () => {
  it('refuses files that fail the checker, with reasons, and still loads the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    try {
      copyFileSync(join(FIXTURE_DIR, 'mini-outage.yaml'), join(dir, 'mini-outage.yaml'));
      const unreachable = rawFixture();
      unreachable.id = 'dead-end';
      unreachable.flags.push({ id: 'never', label: { 'zh-CN': '从未', en: 'Never' } });
      unreachable.endings[0].when = { flag: 'never' };
      writeFileSync(join(dir, 'dead-end.yaml'), stringify(unreachable));
      writeFileSync(join(dir, 'not-yaml.yaml'), 'id: [unclosed');
      const set = await loadScenarioSet(dir);
      expect([...set.scenarios.keys()]).toEqual(['mini-outage']);
      expect(set.refused.map((r) => r.file)).toEqual(['dead-end.yaml', 'not-yaml.yaml']);
      expect(set.refused[0]!.reasons.join('\n')).toContain('no play can reach ending "resolved"');
      expect(set.refused[1]!.reasons.join('\n')).toContain('not valid YAML');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the measured medians of a scenario only while they were measured on its current version, and reports a broken file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    try {
      copyFileSync(join(FIXTURE_DIR, 'mini-outage.yaml'), join(dir, 'mini-outage.yaml'));
      mkdirSync(join(dir, 'measured'));
      const levels = { introductory: { novice: 50, expert: 95 }, standard: { novice: 40, expert: 94 }, advanced: { novice: 30, expert: 93 } };
      const write = (hash: string) => writeFileSync(join(dir, 'measured/levels.json'), JSON.stringify({ 'mini-outage': { hash, seeds: 100, earliestFailureMinutes: null, levels } }));
      write(scenarioHash(parseScenarioOrThrow(rawFixture(), 'mini-outage.yaml')));
      expect((await loadScenarioSet(dir)).scenarios.get('mini-outage')!.levels).toEqual(levels);
      write('0'.repeat(64));
      expect((await loadScenarioSet(dir)).scenarios.get('mini-outage')!.levels).toBeNull();
      writeFileSync(join(dir, 'measured/levels.json'), '{ "mini-outage": ');
      const broken = await loadScenarioSet(dir);
      expect([...broken.scenarios.keys()]).toEqual(['mini-outage']);
      expect(broken.scenarios.get('mini-outage')!.levels).toBeNull();
      expect(broken.refused).toEqual([{ file: 'measured/levels.json', reasons: [expect.stringMatching(/not JSON/)] }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
