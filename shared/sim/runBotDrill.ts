import type { DrillInput } from '../protocol/intents.js';
import type { Scenario } from '../scenario/schema.js';
import { advanceToNext } from '../engine/advanceTo.js';
import { createDrill } from '../engine/createDrill.js';
import type { Roster } from '../engine/drillState.js';
import { indexScenario } from '../engine/scenarioIndex.js';
import { createCrew, crewActs, nextWake, notice, seatBot } from '../bots/botCrew.js';
import type { Skill } from '../bots/skill.js';
import type { DrillRun } from './replay.js';
import type { SurfacePolicy } from './surfacePolicies.js';

export interface BotDrillResult extends DrillRun {
  roster: Roster;
  inputs: DrillInput[];
}

/**
 * Plays a whole drill with a bot on every post, jumping the clock from one thing to the next.
 * Returns the input log too, so a replay can check that the run is reproducible.
 */
export function runBotDrill(scenario: Scenario, seed: number, skills: Record<string, Skill>, surface?: SurfacePolicy): BotDrillResult {
  const index = indexScenario(scenario);
  const roster: Roster = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  const { state, events } = createDrill(scenario, { seed, roster });
  const crew = createCrew();
  // With a surface policy every post chooses by it (the gameability check), at its skill's pace.
  for (const p of scenario.posts) seatBot(crew, index, p.id, skills[p.id]!, seed, state.clock, surface);
  const inputs: DrillInput[] = [];
  while (state.phase === 'running') {
    const acted = crewActs(index, state, crew);
    inputs.push(...acted.inputs);
    events.push(...acted.events);
    if (state.phase !== 'running') break;
    const happened = advanceToNext(index, state, nextWake(crew));
    events.push(...happened);
    notice(crew, happened, state.clock);
  }
  return { state, events, roster, inputs };
}
