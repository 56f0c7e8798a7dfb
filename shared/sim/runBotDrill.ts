import type { DrillInput } from '../protocol/intents.js';
import type { Scenario } from '../scenario/schema.js';
import { advanceTo, nextDueAt } from '../engine/advanceTo.js';
import { applyIntent } from '../engine/applyIntent.js';
import { createDrill } from '../engine/createDrill.js';
import type { Roster } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import { indexScenario } from '../engine/scenarioIndex.js';
import { roomView } from '../engine/viewFor.js';
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
  const postRooms = scenario.posts.map((p) => p.room);
  /** Bots look again when something happened in their room, or anywhere when a flag changed. */
  const wakeTouched = (happened: DrillEvent[]) => {
    const rooms = roomsTouched(happened);
    postRooms.forEach((room, b) => {
      if (rooms === 'all' || rooms.has(room)) wake[b] = Math.min(wake[b]!, state.clock);
    });
  };

  while (state.phase === 'running') {
    const b = wake.findIndex((t) => t <= state.clock);
    if (b >= 0) {
      const bot = bots[b]!;
      const decision = decide(index, roomView(index, state, bot.post), bot);
      if (!decision.intent) {
        wake[b] = Math.max(decision.wakeAt, state.clock + 1);
        continue;
      }
      const result = applyIntent(index, state, bot.post, decision.intent);
      if (!result.ok) throw new Error(`bot ${bot.post} made an invalid move: ${result.rejection.reason}`);
      inputs.push({ at: state.clock, post: bot.post, intent: decision.intent });
      events.push(...result.events);
      wakeTouched(result.events);
      wake[b] = decision.wakeAt;
      continue;
    }
    const happened = advanceTo(index, state, Math.min(nextDueAt(index, state), ...wake));
    events.push(...happened);
    wakeTouched(happened);
  }
  return { state, events, roster, inputs };
}

function roomsTouched(events: DrillEvent[]): Set<string> | 'all' {
  const rooms = new Set<string>();
  for (const e of events) {
    if (e.type === 'flag' || e.type === 'ended') return 'all';
    if (e.type === 'factShared') e.to.forEach((r) => rooms.add(r));
    else if (e.room !== undefined) rooms.add(e.room);
  }
  return rooms;
}
