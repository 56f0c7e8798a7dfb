import type { DrillInput } from '../protocol/intents.js';
import type { Scenario } from '../scenario/schema.js';
import { advanceTo, nextDueAt } from '../engine/advanceTo.js';
import { applyIntent } from '../engine/applyIntent.js';
import { createDrill } from '../engine/createDrill.js';
import type { Roster } from '../engine/drillState.js';
import { indexScenario } from '../engine/scenarioIndex.js';
import { viewFor } from '../engine/viewFor.js';
import { createBot, decide } from '../bots/botPolicy.js';
import type { Skill } from '../bots/skill.js';
import type { DrillRun } from './replay.js';

export interface BotDrillResult extends DrillRun {
  roster: Roster;
  inputs: DrillInput[];
}

/**
 * Plays a whole drill with a bot on every post, jumping the clock from one thing to the next.
 * Returns the input log too, so a replay can check that the run is reproducible.
 */
export function runBotDrill(scenario: Scenario, seed: number, skills: Record<string, Skill>): BotDrillResult {
  const index = indexScenario(scenario);
  const roster: Roster = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  const { state, events } = createDrill(scenario, { seed, roster });
  const bots = scenario.posts.map((p) => createBot(p.id, skills[p.id]!, seed));
  const wake = bots.map(() => state.clock);
  const inputs: DrillInput[] = [];

  while (state.phase === 'running') {
    const b = wake.findIndex((t) => t <= state.clock);
    if (b >= 0) {
      const bot = bots[b]!;
      const decision = decide(index, viewFor(index, state, bot.post), bot);
      if (!decision.intent) {
        wake[b] = Math.max(decision.wakeAt, state.clock + 1);
        continue;
      }
      const result = applyIntent(index, state, bot.post, decision.intent);
      if (!result.ok) throw new Error(`bot ${bot.post} made an invalid move: ${result.rejection.reason}`);
      inputs.push({ at: state.clock, post: bot.post, intent: decision.intent });
      events.push(...result.events);
      // What one post did may give every post something new to do.
      wake.fill(state.clock);
      wake[b] = decision.wakeAt;
      continue;
    }
    const before = events.length;
    events.push(...advanceTo(index, state, Math.min(nextDueAt(index, state), ...wake)));
    if (events.length > before) wake.fill(state.clock);
  }
  return { state, events, roster, inputs };
}
