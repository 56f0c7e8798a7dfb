import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../server/scenarios/loadScenarios.js';
import { parseScenarioOrThrow } from '../../shared/scenario/parseScenario.js';
import { checkGameability, DEFAULT_SEEDS, GAMEABILITY_RULES } from '../../shared/sim/gameability.js';
import { rawFixture } from '../helpers/fixtures.js';

const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('the gameability check', () => {
  it('fails a scenario whose best answers give themselves away by their length and their words', () => {
    // The small fixture, written the way the library used to be: each best answer the longest
    // and full of the words that sound like good practice.
    const raw = rawFixture();
    for (const interaction of raw.interactions) {
      for (const r of interaction.responses) {
        if (r.quality !== 'best') continue;
        r.text = {
          'zh-CN': `${r.text['zh-CN']}我们马上核实、确认并上报，09:30 前给您答复，请您理解。`,
          en: `${r.text.en} We will verify, confirm and report it right away, with an answer by 09:30; I understand.`,
        };
      }
    }
    const report = checkGameability(parseScenarioOrThrow(raw, 'gameable.yaml'), DEFAULT_SEEDS);
    expect(report.bestLongest.en).toBe(1);
    expect(report.failures.some((f) => /the best answer is the longest \(en\)/.test(f))).toBe(true);
    expect(report.failures.some((f) => /choosing "longest-en/.test(f))).toBe(true);
    expect(report.failures.some((f) => /choosing "keywords-en/.test(f))).toBe(true);
    expect(report.failures.some((f) => /can be locked are poor or bad/.test(f))).toBe(true);
  });

  it('fails a scenario whose marks are upside down, where experts cannot lead novices', () => {
    const raw = rawFixture();
    const flip = { best: 'bad', good: 'poor', poor: 'good', bad: 'best' } as Record<string, string>;
    for (const it of raw.interactions) for (const r of it.responses) r.quality = flip[r.quality];
    const report = checkGameability(parseScenarioOrThrow(raw, 'upside-down.yaml'), DEFAULT_SEEDS);
    expect(report.skills.expert - report.skills.novice).toBeLessThan(GAMEABILITY_RULES.expertLead);
    expect(report.failures.some((f) => /experts lead novices by/.test(f))).toBe(true);
  });
});

describe.each(files)('%s', (file) => {
  it(`cannot be won by reading the surface of the answers, and rewards the procedure (${DEFAULT_SEEDS} seeds)`, async () => {
    const scenario = await loadScenarioFile(join(SCENARIO_DIR, file));
    const report = checkGameability(scenario, DEFAULT_SEEDS);
    expect(report.failures).toEqual([]);
    // The figures the issue sets, restated so a change of the rules shows here too.
    expect(report.skills.expert).toBeGreaterThanOrEqual(GAMEABILITY_RULES.expertMedian);
    expect(report.skills.expert - report.skills.novice).toBeGreaterThanOrEqual(GAMEABILITY_RULES.expertLead);
    for (const p of report.policies) expect(p.median, p.id).toBeLessThan(report.skills.competent);
    // Thousands of bot drills: about 50 s on CI's runner, and more than twice that when other test files load the machine.
  }, 300_000);
});
