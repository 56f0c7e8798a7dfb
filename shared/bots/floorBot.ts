import type { Intent } from '../protocol/intents.js';
import type { FloorPanel } from '../protocol/workPanel.js';
import { PLACES, type Quality } from '../scenario/schema.js';
import { nextRandom } from '../engine/rng.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import { PLACE_LABELS, serviceAt } from '../engine/work/floor.js';
import type { BotMemory } from './botPolicy.js';
import { SKILL_PROFILES, type Skill } from './skill.js';
import { weightedIndex } from './weightedPick.js';

/**
 * How each skill runs the floor. An expert sends a customer to a place only where the procedure
 * says that place serves them best (the vulnerable to the private room, the disruptive to
 * security) and answers the others at the card; it reads each published statement to the queue.
 * Others assign by taste over the places, in the file's order, and read the line by chance.
 */
const FLOOR_HABITS: Record<Skill, { assigns: number; reads: number }> = {
  expert: { assigns: 1, reads: 1 },
  competent: { assigns: 0.6, reads: 0.7 },
  novice: { assigns: 0.5, reads: 0.4 },
};
/** `workAt` value for a customer the bot leaves to the card. */
const AT_CARD = -1;

/**
 * The floor bot's next move, or when to look again. Customers are decided once, when the bot
 * first notices them: a place (by its position in PLACES, never as shown) or the card.
 */
export function floorMove(index: ScenarioIndex, floor: FloorPanel, bot: BotMemory, now: number, readyAt: (npc: string) => number | undefined): { intent?: Intent; wakeAt: number } {
  const habits = FLOOR_HABITS[bot.skill];
  for (const line of floor.lines) {
    if (line.read) continue;
    const key = `read:${line.statement}`;
    const at = (bot.workAt[key] ??= nextRandom(bot) < habits.reads ? now : Infinity);
    if (at <= now) {
      bot.workAt[key] = Infinity;
      return { intent: { type: 'readLine', statement: line.statement }, wakeAt: now };
    }
  }
  let wakeAt = Infinity;
  for (const waiting of floor.queue) {
    const at = readyAt(waiting.npc);
    if (at === undefined) continue;
    if (at > now) {
      wakeAt = Math.min(wakeAt, at);
      continue;
    }
    const key = `place:${waiting.number}`;
    const choice = (bot.workAt[key] ??= choosePlace(index, waiting.archetype, bot));
    if (choice === AT_CARD) continue;
    const place = PLACES[choice]!;
    const free = floor.places.find((p) => p.place === place)!;
    if (free.serving.length >= free.capacity) {
      // The place is taken: the customer is seen at the card instead.
      bot.workAt[key] = AT_CARD;
      continue;
    }
    return { intent: { type: 'assign', ticket: waiting.number, place }, wakeAt: now };
  }
  return { wakeAt };
}

function choosePlace(index: ScenarioIndex, archetype: string, bot: BotMemory): number {
  const qualities: Quality[] = PLACES.map((p) => serviceAt(index, archetype, p).quality);
  if (bot.surface?.choose) {
    const id = bot.surface.choose(PLACES.map((p) => ({ id: p, text: PLACE_LABELS[p], available: true })), bot);
    return id === undefined ? AT_CARD : PLACES.indexOf(id as (typeof PLACES)[number]);
  }
  if (bot.skill === 'expert') return qualities.indexOf('best');
  if (nextRandom(bot) >= FLOOR_HABITS[bot.skill].assigns) return AT_CARD;
  const pick = weightedIndex(bot, qualities.map((q) => SKILL_PROFILES[bot.skill].choice[q]));
  return pick === -1 ? AT_CARD : pick;
}
