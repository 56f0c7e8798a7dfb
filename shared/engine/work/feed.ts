import type { IntentOf } from '../../protocol/intents.js';
import type { Rejection } from '../../protocol/rejections.js';
import type { FeedAction, FeedItem } from '../../scenario/schema.js';
import { MINUTE } from '../../scenario/clockTime.js';
import type { Cause } from '../drillState.js';
import { applyEffects, changeScore } from '../effects.js';
import { emit, type Transition } from '../transition.js';
import { claimStatus, hasHeard, sayClaims } from './claims.js';
import type { FeedItemState, WorkState } from './workState.js';

/** How each action moves a post's heat. */
export const FEED_HEAT = {
  /** Answering with the published statement. */
  reply: -25,
  /** …when the statement answers the post's question with a confirmed fact. */
  replyAnswered: -45,
  /** A rebuttal with a confirmed fact that answers the post's question. */
  rebut: -60,
  /** A rebuttal with anything else: it draws attention and invites the next question. */
  rebutBackfire: 15,
  /** A statement going out cools every post a little; more those whose question it answers. */
  published: -20,
  publishedAnswered: -35,
} as const;

/** Points for the rebuttal's own accuracy, on top of the scenario's judgement of rebutting at all. */
export const REBUT_POINTS = { confirmed: 3, backfire: -3 } as const;

const TEN_MINUTES = 10 * MINUTE;

/** The heat of a post now: it grows from its last known value while nobody cools it. */
export function heatOf(item: FeedItem, progress: FeedItemState, clock: number): number {
  if (progress.settled) return progress.heat;
  return Math.min(100, progress.heat + (item.growth * (clock - progress.at)) / TEN_MINUTES);
}

/** When the post's heat reaches its threshold if nothing is done: never once it has blown up or stopped growing. */
export function blowUpAt(item: FeedItem, progress: FeedItemState): number {
  if (progress.blewUp || progress.settled) return Infinity;
  if (progress.heat >= item.threshold) return progress.at;
  if (item.growth === 0) return Infinity;
  return progress.at + Math.ceil(((item.threshold - progress.heat) * TEN_MINUTES) / item.growth);
}

/** An effect posted the item: it appears in the feed once, with its starting heat. */
export function postFeedItem(tx: Transition, id: string, cause: Cause): void {
  const work = tx.state.work!;
  if (work.feed[id]) return;
  const item = tx.index.feedItems.get(id)!;
  work.feed[id] = { postedAt: tx.state.clock, heat: item.heat, at: tx.state.clock, actions: [] };
  emit(tx, { type: 'feedPosted', room: newsroomOf(tx), item: id, heat: item.heat, cause });
}

/** The post reached its threshold: what the scenario says happens then, once. */
export function blowUp(tx: Transition, id: string): void {
  const item = tx.index.feedItems.get(id)!;
  const progress = tx.state.work!.feed[id]!;
  progress.heat = heatOf(item, progress, tx.state.clock);
  progress.at = tx.state.clock;
  progress.blewUp = true;
  const room = newsroomOf(tx);
  emit(tx, { type: 'feedBlewUp', room, item: id });
  applyEffects(tx, item.onThreshold, { room, cause: { kind: 'feed', item: id } });
}

/** The post, or `undefined` with the scope of the drill's feed it falls in: the first one due to blow up. */
export function nextBlowUp(work: WorkState, feed: ReadonlyMap<string, FeedItem>): { id: string; at: number } | undefined {
  let next: { id: string; at: number } | undefined;
  for (const id in work.feed) {
    const at = blowUpAt(feed.get(id)!, work.feed[id]!);
    if (at !== Infinity && (!next || at < next.at)) next = { id, at };
  }
  return next;
}

type Refusal = { ok: false; rejection: Rejection };
const refuse = (code: Rejection['code'], reason: string): Refusal => ({ ok: false, rejection: { code, reason } });

/** Reply, rebut or escalate: the newsroom acts on a post in its feed. */
/**
 * Why an action cannot be taken on a post now, whatever claim comes with it: done already, or a
 * reply with no statement out to reply with. The newsroom's panel shows it on the button.
 */
export function feedActionRefusal(work: WorkState, progress: FeedItemState, action: FeedAction): Refusal | undefined {
  if (progress.actions.includes(action)) return refuse('already-done', `"${action}" was already done on this post`);
  if (action === 'reply' && !Object.values(work.statements).some((s) => s.publishedAt !== undefined)) return refuse('nothing-published', 'reply with a published statement: none is out yet');
  return undefined;
}

export function answerFeedItem(tx: Transition, post: string, intent: IntentOf<'feed'>): Refusal | undefined {
  const { index, state } = tx;
  const work = state.work!;
  const room = index.postRoom.get(post)!;
  if (index.scenario.rooms.find((r) => r.id === room)?.type !== 'newsroom') return refuse('not-your-room', 'only the newsroom answers the feed');
  const item = index.feedItems.get(intent.item);
  const progress = work.feed[intent.item];
  if (!item || !progress) return refuse('unknown-item', `no post "${intent.item}" in the feed`);
  const blocked = feedActionRefusal(work, progress, intent.action);
  if (blocked) return blocked;
  const published = publishedAnswers(tx);
  let claim;
  if (intent.action === 'rebut') {
    claim = intent.claim === undefined ? undefined : index.claims.get(intent.claim);
    if (!claim || !hasHeard(state, claim, room)) return refuse('bad-draft', 'rebut with a claim your room has heard');
  } else if (intent.claim !== undefined) return refuse('bad-message', 'only a rebuttal names a claim');

  const cause: Cause = { kind: 'feed', post, item: item.id };
  const before = heatOf(item, progress, state.clock);
  const topic = item.claim === undefined ? undefined : index.claims.get(item.claim)!.topic;
  let delta = 0;
  let settles = false;
  if (intent.action === 'reply') {
    // A question or complaint is answered by the statement; a rumour only if it answers its question with a confirmed fact.
    settles = topic === undefined || published.includes(topic);
    delta = settles ? FEED_HEAT.replyAnswered : FEED_HEAT.reply;
  }
  if (intent.action === 'rebut') {
    const answers = claim!.accurate && claimStatus(state, claim!, room) === 'confirmed' && (topic === undefined || claim!.topic === topic);
    settles = answers;
    delta = answers ? FEED_HEAT.rebut : FEED_HEAT.rebutBackfire;
    emit(tx, { type: 'feedAnswered', room, post, item: item.id, action: intent.action, heat: clampHeat(before + delta), claim: claim!.id, backfired: !answers });
    changeScore(tx, 'reputation', answers ? REBUT_POINTS.confirmed : REBUT_POINTS.backfire, answers
      ? { 'zh-CN': `用已确认的事实辟谣：${claim!.text['zh-CN']}`, en: `Rebutted with a confirmed fact: ${claim!.text.en}` }
      : { 'zh-CN': `辟谣没有站得住的事实依据：${claim!.text['zh-CN']}`, en: `A rebuttal without a confirmed fact behind it: ${claim!.text.en}` }, cause);
    sayClaims(tx, room, [claim!.id], 'statement', cause);
  } else emit(tx, { type: 'feedAnswered', room, post, item: item.id, action: intent.action, heat: clampHeat(before + delta) });
  progress.heat = clampHeat(before + delta);
  progress.at = state.clock;
  progress.actions.push(intent.action);
  if (settles) progress.settled = true;
  const judged = item.actions[intent.action as FeedAction];
  applyEffects(tx, judged.effects, { room, cause });
  return undefined;
}

/** A statement went out: every post in the feed cools, those whose question it answers the most. */
export function coolFeed(tx: Transition, answeredTopics: readonly string[]): void {
  const { index, state } = tx;
  for (const id in state.work!.feed) {
    const item = index.feedItems.get(id)!;
    const progress = state.work!.feed[id]!;
    if (progress.blewUp) continue;
    const topic = item.claim === undefined ? undefined : index.claims.get(item.claim)!.topic;
    const answered = topic !== undefined && answeredTopics.includes(topic);
    progress.heat = clampHeat(heatOf(item, progress, state.clock) + (answered ? FEED_HEAT.publishedAnswered : FEED_HEAT.published));
    progress.at = state.clock;
    if (answered) progress.settled = true;
  }
}

/** The topics answered with a confirmed fact by statements that went out. */
function publishedAnswers(tx: Transition): string[] {
  const topics: string[] = [];
  for (const s of tx.index.scenario.statements) {
    const progress = tx.state.work!.statements[s.id]!;
    if (progress.publishedAt === undefined) continue;
    for (const id of progress.published!.claims) {
      const claim = tx.index.claims.get(id)!;
      if (claim.accurate && claim.confirmedBy !== undefined && tx.state.facts[claim.confirmedBy]?.includes(tx.index.postRoom.get(s.post)!)) topics.push(claim.topic);
    }
  }
  return topics;
}

const clampHeat = (h: number) => Math.max(0, Math.min(100, Math.round(h)));
/** The room the feed belongs to (the checker requires one in a scenario with a feed). */
const newsroomOf = (tx: Transition) => tx.index.scenario.rooms.find((r) => r.type === 'newsroom')!.id;
