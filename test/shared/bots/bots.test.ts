import { describe, expect, it } from 'vitest';
import { createBot, decide } from '../../../shared/bots/botPolicy.js';
import { SKILLS, type Skill } from '../../../shared/bots/skill.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import { viewFor } from '../../../shared/engine/viewFor.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { summarizeRuns } from '../../../shared/sim/summarize.js';
import { humanRoster, miniScenario } from '../../helpers/fixtures.js';
import { libraryScenario } from '../../helpers/libraryScenario.js';
import { replay } from '../../../shared/replay/replay.js';

const scenario = miniScenario();
const team = (skill: Skill) => Object.fromEntries(scenario.posts.map((p) => [p.id, skill]));

describe('bots', () => {
  it('only ever make moves the engine accepts, at every skill and in mixed teams', () => {
    // runBotDrill throws on the first refused bot move.
    for (let seed = 0; seed < 60; seed++) {
      const skills = Object.fromEntries(scenario.posts.map((p, i) => [p.id, SKILLS[(seed + i) % 3]!]));
      expect(runBotDrill(scenario, seed, skills).state.phase).toBe('ended');
    }
  });

  it('decide the same way from the same seed', () => {
    const a = runBotDrill(scenario, 5, team('competent'));
    const b = runBotDrill(scenario, 5, team('competent'));
    expect(b.inputs).toEqual(a.inputs);
  });

  it('see only their own room: a bot answers no NPC outside it', () => {
    const index = indexScenario(scenario);
    const { state } = createDrill(scenario, { seed: 1, roster: humanRoster(scenario) });
    const bot = createBot('pr', 'expert', 1);
    const view = viewFor(index, state, 'pr');
    expect(view.waiting).toEqual([]); // only the ops room has someone at 09:00
    expect(decide(index, view, bot).intent).toBeUndefined();
  });

  it('rank as they should: experts beat competents beat novices on the median total', () => {
    const medians = SKILLS.map((skill) => {
      const runs = Array.from({ length: 150 }, (_, seed) => runBotDrill(scenario, seed, team(skill)));
      return summarizeRuns(runs).scores.total.median;
    });
    const [novice, competent, expert] = medians as [number, number, number];
    expect(competent).toBeGreaterThan(novice + 3);
    expect(expert).toBeGreaterThan(competent);
  });

  it('let what a move makes due this very second happen before the next bot moves, as a replay does', async () => {
    // In the flagship two bots often move in the same second: a rebuttal that backfires can push a
    // post past its threshold just before a statement is approved. The post must blow up between
    // the two moves, live as in a replay of the log, or the replay drifts from the drill it replays.
    const flagship = await libraryScenario('huarui-upgrade-outage');
    const novices = Object.fromEntries(flagship.posts.map((p) => [p.id, 'novice' as const]));
    for (let seed = 1; seed <= 30; seed++) {
      const run = runBotDrill(flagship, seed, novices);
      const again = replay(run.morning, { seed, roster: run.roster }, run.inputs, run.state.clock);
      expect(JSON.stringify(again.events), `seed ${seed}`).toBe(JSON.stringify(run.events));
    }
  });
});
