import { describe, expect, it } from 'vitest';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import type { Holder } from '../../../shared/protocol/intents.js';
import { drawMorning } from '../../../shared/scenario/drawMorning.js';
import { DrillDriver, type Lineup } from '../../../shared/session/DrillDriver.js';
import { at } from '../../helpers/fixtures.js';
import { libraryScenario } from '../../helpers/libraryScenario.js';

const SEED = 7;

/** The flagship's morning to 10:30 with expert bots, a trainee (who does nothing) on the posts given; who started what on the board. */
async function boardMoves(humans: string[]): Promise<{ post: string; kind: string }[]> {
  const morning = drawMorning(await libraryScenario('huarui-upgrade-outage'), SEED).scenario;
  const index = indexScenario(morning);
  const bots = Object.fromEntries(morning.posts.map((p) => [p.id, { kind: 'bot' as const, skill: 'expert' as const }]));
  const driver = new DrillDriver(index, { seed: SEED, roster: bots });
  const trainee: Holder = { kind: 'human', id: 'p1', name: 'trainee' };
  const lineup: Lineup = { ...bots, ...Object.fromEntries(humans.map((post) => [post, trainee])) };
  driver.start(lineup);
  driver.advance(at('10:30'));
  return driver
    .drain()
    .flatMap((e) => (e.type === 'boardStarted' ? [{ post: e.post, kind: e.kind }] : []));
}

describe('the bot on the incident board', () => {
  it('is the room’s lead post: with bots everywhere, command works the board and legal, in the same room, does not', async () => {
    const moves = await boardMoves([]);
    expect(moves.some((m) => m.kind === 'investigation')).toBe(true);
    expect(new Set(moves.map((m) => m.post))).toEqual(new Set(['incident-commander']));
  });

  it('leaves the board to a trainee who commands: the legal bot beside them takes none of their decisions', async () => {
    expect(await boardMoves(['incident-commander'])).toEqual([]);
  });
});
