import { describe, expect, it, vi } from 'vitest';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import { DrillDriver, type Lineup } from '../../../shared/session/DrillDriver.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { REFUSED_BOT_BACKOFF } from '../../../shared/bots/botCrew.js';
import { miniScenario } from '../../helpers/fixtures.js';

// The engine refuses the next `refuseNext` moves, as it would a bot's buggy move.
const control = vi.hoisted(() => ({ refuseNext: 0 }));
vi.mock('../../../shared/engine/applyIntent.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/engine/applyIntent.js')>();
  return {
    ...real,
    applyIntent: (...args: Parameters<typeof real.applyIntent>) =>
      control.refuseNext-- > 0 ? { ok: false as const, rejection: { code: 'npc-not-waiting' as const, reason: 'refused by the test' } } : real.applyIntent(...args),
  };
});

const scenario = miniScenario();
const lineup: Lineup = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: 'expert' as const }]));

describe('a bot move the engine refuses', () => {
  it('does not stop a live drill: the move is dropped and reported once, and the bot plays on', () => {
    control.refuseNext = 1;
    const driver = new DrillDriver(indexScenario(scenario), { seed: 4, roster: lineup });
    driver.start(lineup);
    let refused = driver.takeRefusals();
    for (let t = driver.state.clock; refused.length === 0 && !driver.ended; t += 60) {
      driver.advance(t);
      refused = driver.takeRefusals();
    }
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBe('refused by the test');
    expect(driver.log.filter((i) => 'intent' in i && i.at === refused[0]!.at && (i as { post?: string }).post === refused[0]!.post)).toHaveLength(0);
    driver.advance(scenario.clock.end);
    const later = driver.log.filter((i) => 'intent' in i && (i as { post?: string }).post === refused[0]!.post && i.at >= refused[0]!.at + REFUSED_BOT_BACKOFF);
    expect(later.length).toBeGreaterThan(0);
    expect(driver.ended).toBe(true);
    expect(driver.takeRefusals()).toEqual([]);
  });

  it('fails a simulated run, where such a bug must be found', () => {
    control.refuseNext = 1;
    const skills = Object.fromEntries(scenario.posts.map((p) => [p.id, 'expert' as const]));
    expect(() => runBotDrill(scenario, 4, skills)).toThrow(/made a move the engine refused .*refused by the test/);
  });
});
