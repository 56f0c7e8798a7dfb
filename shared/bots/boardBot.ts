import type { Intent } from '../protocol/intents.js';
import type { BoardKind } from '../scenario/schema.js';
import { MINUTE } from '../scenario/clockTime.js';
import { nextRandom } from '../engine/rng.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import { boardOptions, boardRoom } from '../engine/work/opsBoard.js';
import type { WorkView } from '../engine/work/workView.js';
import type { BotMemory } from './botPolicy.js';
import { SKILL_PROFILES } from './skill.js';
import { weightedIndex } from './weightedPick.js';

const RECHECK = 2 * MINUTE;

/**
 * A room with several posts (command and legal in one ops room) has its board worked by the first
 * of them in the file, its lead: a bot beside a trainee who commands does not take the trainee's
 * decisions (the level, the investigation, the fix) off the board before they can.
 */
function worksTheBoard(index: ScenarioIndex, post: string): boolean {
  const room = boardRoom(index);
  return index.scenario.posts.find((p) => p.room === room)?.id === post;
}

/**
 * The bot's next move on the incident board. The level, each investigation goal and each fix
 * attempt are one choice among the options open, weighted by the skill's taste for their quality
 * (in the file's order, never the order shown); each working group and each unit is a yes or no,
 * more likely the better it is.
 */
export function boardMove(index: ScenarioIndex, work: WorkView, bot: BotMemory, now: number): { intent?: Intent; wakeAt: number } {
  const board = work.board;
  const data = index.scenario.board;
  if (!board || !data || !worksTheBoard(index, bot.post)) return { wakeAt: Infinity };
  const profile = SKILL_PROFILES[bot.skill];
  const open = (kind: BoardKind, id: string) => board.options.find((o) => o.kind === kind && o.id === id)?.blocked === null;
  const planned = (key: string) => (bot.workAt[key] ??= now + Math.round((profile.reaction[0] + nextRandom(bot) * (profile.reaction[1] - profile.reaction[0])) * MINUTE));
  let wakeAt = Infinity;

  const decisions: { key: string; kind: BoardKind; ids: string[]; single: boolean }[] = [];
  if (board.level === null) decisions.push({ key: 'board:level', kind: 'level', ids: data.levels.map((o) => o.id), single: true });
  const goals = new Map<string, string[]>();
  for (const inv of data.investigations) goals.set(inv.goal ?? inv.id, [...(goals.get(inv.goal ?? inv.id) ?? []), inv.id]);
  for (const [goal, ids] of goals) decisions.push({ key: `board:investigation:${goal}`, kind: 'investigation', ids, single: true });
  const attempts = board.done.filter((d) => d.kind === 'fix').length;
  decisions.push({ key: `board:fix:${attempts}`, kind: 'fix', ids: data.fixes.map((o) => o.id), single: true });
  for (const kind of ['group', 'dispatch'] as const) for (const o of boardOptions(data, kind)) decisions.push({ key: `board:${kind}:${o.id}`, kind, ids: [o.id], single: false });

  for (const d of decisions) {
    const available = d.ids.filter((id) => open(d.kind, id));
    if (available.length === 0 || bot.workAt[d.key] === Infinity) continue;
    const at = planned(d.key);
    if (at > now) {
      wakeAt = Math.min(wakeAt, at);
      continue;
    }
    const quality = (id: string) => boardOptions(data, d.kind).find((o) => o.id === id)!.quality;
    let chosen: string | undefined;
    if (d.single) {
      chosen = bot.surface?.choose
        ? bot.surface.choose(board.options.filter((o) => o.kind === d.kind && available.includes(o.id)).map((o) => ({ id: o.id, text: o.text, available: true })), bot)
        : available[weightedIndex(bot, available.map((id) => profile.choice[quality(id)]))];
    } else {
      const weights = profile.choice;
      const yes = bot.surface ? 0.5 : Math.min(1, (2 * weights[quality(d.ids[0]!)]) / (weights.best + weights.good + weights.poor + weights.bad));
      chosen = nextRandom(bot) < yes ? d.ids[0] : undefined;
    }
    if (chosen === undefined) {
      // Nothing this bot would do here now: a choice not to act, or only options it would not take.
      bot.workAt[d.key] = d.single && !bot.surface ? now + RECHECK : Infinity;
      if (bot.workAt[d.key] !== Infinity) wakeAt = Math.min(wakeAt, bot.workAt[d.key]!);
      continue;
    }
    bot.workAt[d.key] = Infinity;
    return { intent: { type: 'board', kind: d.kind, option: chosen }, wakeAt: now };
  }
  return { wakeAt };
}
