import type { Intent } from '../protocol/intents.js';
import { MINUTE } from '../scenario/clockTime.js';
import { FEED_ACTIONS } from '../scenario/work/feed.js';
import { nextRandom, randomInt } from '../engine/rng.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { WorkView } from '../engine/work/workView.js';
import { FEED_ACTION_LABELS } from '../engine/work/composerLabels.js';
import type { BotMemory } from './botPolicy.js';
import { SKILL_PROFILES } from './skill.js';
import { weightedIndex } from './weightedPick.js';
import { unverifiedPicks } from './rumours.js';

const RECHECK = 2 * MINUTE;
/** How often a bot of each skill rebuts with the right kind of fact: a confirmed one on the post's question. */
const REBUTS_WITH_CONFIRMED = { expert: 1, competent: 0.6, novice: 0.2 } as const;

/** What a bot rebuts with when it does not wait for a confirmed fact: a claim on the post's question if it has one. */
function blindPool(index: ScenarioIndex, work: WorkView, topic: string | undefined, skill: BotMemory['skill']): WorkView['claims'] {
  const picks = unverifiedPicks(index, work.claims, skill);
  const onQuestion = picks.filter((c) => topic === undefined || c.topic === topic);
  return onQuestion.length > 0 ? onQuestion : picks.length > 0 ? picks : work.claims;
}

/**
 * The bot's next move on the feed: one action per post, chosen by its skill's taste for the
 * scenario's judgement of each action (in the file's order of actions, never the order shown).
 */
export function feedMove(index: ScenarioIndex, work: WorkView, bot: BotMemory, now: number): { intent?: Intent; wakeAt: number } {
  const profile = SKILL_PROFILES[bot.skill];
  let wakeAt = Infinity;
  for (const view of work.feed) {
    if (!view.rising) continue;
    const key = `feed:${view.id}:${view.done.length}`;
    const at = (bot.workAt[key] ??= Math.max(now, view.postedAt) + Math.round((profile.reaction[0] + nextRandom(bot) * (profile.reaction[1] - profile.reaction[0])) * MINUTE));
    if (at > now) {
      wakeAt = Math.min(wakeAt, at);
      continue;
    }
    const item = index.feedItems.get(view.id)!;
    const topic = item.claim === undefined ? undefined : index.claims.get(item.claim)!.topic;
    const right = work.claims.filter((c) => c.status === 'confirmed' && index.claims.get(c.id)!.accurate && (topic === undefined || c.topic === topic));
    // A careful player does not rebut without a confirmed fact on the post's question.
    const rebutsBlind = nextRandom(bot) >= REBUTS_WITH_CONFIRMED[bot.skill];
    const open = FEED_ACTIONS.filter(
      (a) => view.blocked[a] === undefined && (a !== 'rebut' || (work.claims.length > 0 && (right.length > 0 || rebutsBlind))),
    );
    const choice = bot.surface?.choose
      ? bot.surface.choose(view.actions.filter((a) => open.includes(a)).map((a) => ({ id: a, text: FEED_ACTION_LABELS[a], available: true })), bot)
      : open[weightedIndex(bot, open.map((a) => profile.choice[item.actions[a].quality]))];
    if (choice === undefined) {
      // Nothing it would do is possible yet (no statement, no confirmed fact): look again shortly.
      bot.workAt[key] = now + RECHECK;
      wakeAt = Math.min(wakeAt, now + RECHECK);
      continue;
    }
    const action = choice as (typeof FEED_ACTIONS)[number];
    if (action !== 'rebut') return { intent: { type: 'feed', item: view.id, action }, wakeAt: now };
    const pool = right.length > 0 && !rebutsBlind ? right : blindPool(index, work, topic, bot.skill);
    const byFile = index.scenario.claims.filter((c) => pool.some((p) => p.id === c.id));
    return { intent: { type: 'feed', item: view.id, action, claim: byFile[randomInt(bot, byFile.length)]!.id }, wakeAt: now };
  }
  return { wakeAt };
}
