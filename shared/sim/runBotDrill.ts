import type { DrillInput } from '../protocol/intents.js';
import type { Scenario } from '../scenario/schema.js';
import type { Roster } from '../engine/drillState.js';
import { indexScenario } from '../engine/scenarioIndex.js';
import type { Skill } from '../bots/skill.js';
import { DrillDriver, type Lineup } from '../session/DrillDriver.js';
import type { DrillRun } from '../replay/replay.js';
import type { SurfacePolicy } from './surfacePolicies.js';

export interface BotDrillResult extends DrillRun {
  roster: Roster;
  inputs: DrillInput[];
}

/**
 * Plays a whole drill with a bot on every post: the same driver the server runs a live drill
 * with (shared/session/DrillDriver.ts), started with an all-bot line-up and advanced to the end
 * of the clock. Returns the input log too, so a replay can check that the run is reproducible.
 * With a surface policy every post chooses by it (the gameability check), at its skill's pace.
 * Throws if a bot made a move the engine refused.
 */
export function runBotDrill(scenario: Scenario, seed: number, skills: Record<string, Skill>, surface?: SurfacePolicy): BotDrillResult {
  const index = indexScenario(scenario);
  const roster: Roster = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  const driver = new DrillDriver(index, { seed, roster }, surface);
  const lineup: Lineup = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  driver.start(lineup);
  driver.advance(scenario.clock.end);
  // A live drill goes on past a refused bot move and reports it; a simulation is where such a bug
  // must be found, so here it stops the run.
  const refused = driver.takeRefusals()[0];
  if (refused) throw new Error(`seed ${seed}: the bot on ${refused.post} made a move the engine refused at ${refused.at} (${refused.intent.type}: ${refused.reason})`);
  return { state: driver.state, events: driver.drain(), roster, inputs: driver.log };
}
