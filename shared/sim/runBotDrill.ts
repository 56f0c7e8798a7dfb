import type { DrillInput } from '../protocol/intents.js';
import type { Scenario } from '../scenario/schema.js';
import type { Roster } from '../engine/drillState.js';
import { indexScenario } from '../engine/scenarioIndex.js';
import type { Skill } from '../bots/skill.js';
import type { BotStyle } from '../bots/botStyle.js';
import { DrillDriver, type Lineup } from '../session/DrillDriver.js';
import type { DrillRun } from '../replay/replay.js';
import { drawMorning } from '../scenario/drawMorning.js';
import { DEFAULT_LEVEL, type Level } from '../scenario/levels.js';
import type { SurfacePolicy } from './surfacePolicies.js';

export interface BotDrillResult extends DrillRun {
  roster: Roster;
  inputs: DrillInput[];
  /** The scenario as this seed and level drew it: what a replay of the run must be given. */
  morning: Scenario;
}

export interface BotDrillOptions {
  /** The standard level by default. */
  level?: Level;
  /** Every post chooses by the surface of the options (the gameability check), at its skill's pace. */
  surface?: SurfacePolicy;
  /** Every card's answer, and every step of room work, takes this many real seconds at the morning's default speed (the pacing check). */
  secondsPerCard?: number;
  secondsPerStep?: number;
}

/**
 * Plays a whole drill with a bot on every post: the same driver the server runs a live drill
 * with (shared/session/DrillDriver.ts), started with an all-bot line-up and advanced to the end
 * of the clock, on the morning the seed and level draw from the scenario as written. Returns the
 * input log too, so a replay can check that the run is reproducible. Throws if a bot made a move
 * the engine refused.
 */
export function runBotDrill(scenario: Scenario, seed: number, skills: Record<string, Skill>, options: BotDrillOptions = {}): BotDrillResult {
  const morning = drawMorning(scenario, seed, options.level ?? DEFAULT_LEVEL).scenario;
  const index = indexScenario(morning);
  const roster: Roster = Object.fromEntries(morning.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  const style: BotStyle = {
    ...(options.surface && { surface: options.surface }),
    ...(options.secondsPerCard !== undefined && { handlingSeconds: Math.round(options.secondsPerCard * morning.clock.compression) }),
    ...(options.secondsPerStep !== undefined && { stepSeconds: Math.round(options.secondsPerStep * morning.clock.compression) }),
  };
  const driver = new DrillDriver(index, { seed, roster }, style);
  const lineup: Lineup = Object.fromEntries(morning.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  driver.start(lineup);
  driver.advance(morning.clock.end);
  // A live drill goes on past a refused bot move and reports it; a simulation is where such a bug
  // must be found, so here it stops the run.
  const refused = driver.takeRefusals()[0];
  if (refused) throw new Error(`seed ${seed}: the bot on ${refused.post} made a move the engine refused at ${refused.at} (${refused.intent.type}: ${refused.reason})`);
  return { state: driver.state, events: driver.drain(), roster, inputs: driver.log, morning };
}
