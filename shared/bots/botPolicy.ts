import type { Intent } from '../protocol/intents.js';
import { MINUTE } from '../scenario/clockTime.js';
import { nextRandom, randomInt, derivedGenerator } from '../engine/rng.js';
import type { RoomView } from '../engine/viewFor.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { Quality } from '../scenario/schema.js';
import type { SurfacePolicy } from '../sim/surfacePolicies.js';
import { SKILL_PROFILES, type Skill } from './skill.js';
import { statementMove } from './statementBot.js';
import { feedMove } from './feedBot.js';
import { reportMove } from './reportBot.js';
import { boardMove } from './boardBot.js';
import { inboxMove, phoneMove } from './phoneBot.js';
import { floorMove } from './floorBot.js';
import { weightedIndex } from './weightedPick.js';
import type { BotStyle } from './botStyle.js';

/** What a bot remembers between decisions: its own generator and when it meant to act on what. */
export interface BotMemory {
  post: string;
  skill: Skill;
  rng: number;
  busyUntil: number;
  /** For each NPC seen waiting, the interaction it waits on and when the bot will turn to it. */
  readyAt: Map<string, { interaction: string; at: number }>;
  /** For each fact known to the room, when the bot will share it, or -1 if it chose not to (or did). */
  shareAt: Record<string, number>;
  /** How many facts in `shareAt` are still to be shared. */
  sharesPending: number;
  /** The room's fact list as of the last plan: a view gives the same list until a fact is learned. */
  factsPlanned: RoomView['facts'] | undefined;
  /** When the bot means to turn to each piece of its room's own work (a statement, a review). */
  workAt: Record<string, number>;
  /**
   * For the gameability check only: a player who chooses by the surface of the options (their
   * order, length, words) instead of the procedure, with this skill's timing.
   */
  surface?: SurfacePolicy;
  /** For the pacing check only: scenario seconds each card's answer takes, and each step of room work, instead of the skill's handling time. */
  handlingSeconds?: number;
  stepSeconds?: number;
}

export function createBot(post: string, skill: Skill, seed: number, style: BotStyle = {}): BotMemory {
  return {
    post, skill, rng: derivedGenerator(seed, `bot:${post}`).rng, busyUntil: 0, readyAt: new Map(), shareAt: {}, sharesPending: 0, factsPlanned: undefined, workAt: {},
    ...(style.surface && { surface: style.surface }),
    ...(style.handlingSeconds !== undefined && { handlingSeconds: style.handlingSeconds }),
    ...(style.stepSeconds !== undefined && { stepSeconds: style.stepSeconds }),
  };
}

export interface BotDecision {
  intent?: Intent;
  /** The next clock time at which the bot wants to be asked again (Infinity when it waits on events). */
  wakeAt: number;
}

const between = (bot: BotMemory, [lo, hi]: [number, number]) => (lo + nextRandom(bot) * (hi - lo)) * MINUTE;

/**
 * One decision for one post from what the post can see. Pure apart from advancing the bot's
 * own generator and plans in `bot`. Bots read the scenario's quality marks the way a trained
 * employee knows the procedure; skill decides how often they follow it and how fast.
 */
export function decide(index: ScenarioIndex, view: RoomView, bot: BotMemory): BotDecision {
  const profile = SKILL_PROFILES[bot.skill];
  const now = view.clock;
  if (view.phase !== 'running') return { wakeAt: Infinity };

  for (const npc of view.waiting) {
    const plan = bot.readyAt.get(npc.id);
    if (plan?.interaction !== npc.interaction) {
      bot.readyAt.set(npc.id, { interaction: npc.interaction, at: Math.max(npc.openedAt, bot.busyUntil) + Math.round(between(bot, profile.reaction)) });
    }
  }
  if (view.facts !== bot.factsPlanned) {
    for (const fact of view.facts) {
      if (bot.shareAt[fact.id] !== undefined) continue;
      const share = nextRandom(bot) < (bot.surface && !bot.surface.shares ? 0 : profile.shareChance);
      bot.shareAt[fact.id] = share ? now + Math.round(between(bot, profile.shareDelay)) : -1;
      if (share) bot.sharesPending++;
    }
    bot.factsPlanned = view.facts;
  }

  if (now < bot.busyUntil) return { wakeAt: bot.busyUntil };
  let wakeAt = Infinity;

  // The floor decides first whether a walk-in goes to a place or is seen at the card.
  const floor = view.work?.floor;
  if (floor) {
    const move = floorMove(index, floor, bot, now, (npc) => bot.readyAt.get(npc)?.at);
    if (move.intent) {
      bot.busyUntil = now + handlingOf(bot, 'step');
      return { intent: move.intent, wakeAt: bot.busyUntil };
    }
    wakeAt = Math.min(wakeAt, move.wakeAt);
  }

  const ready: WaitingNpc[] = [];
  for (const n of view.waiting) {
    const plan = bot.readyAt.get(n.id)!;
    if (plan.at <= now && profile.waitsForBetter && !bot.surface?.choose && now < n.expiresAt - HOLD_MARGIN && bestIsLocked(index, n)) {
      plan.at = Math.min(now + RECHECK, n.expiresAt - HOLD_MARGIN);
    }
    if (plan.at <= now) ready.push(n);
    else wakeAt = Math.min(wakeAt, plan.at);
  }
  if (ready.length > 0) {
    const npc = pickNpc(bot, ready);
    const response = bot.surface?.choose ? bot.surface.choose(npc.responses, bot) : byProcedure(index, npc, bot);
    if (response === undefined) {
      // A player who answers nothing: this card is left to run out.
      bot.readyAt.set(npc.id, { interaction: npc.interaction, at: Infinity });
      return { wakeAt: now };
    }
    bot.busyUntil = now + handlingOf(bot, 'card');
    return { intent: { type: 'respond', npc: npc.id, response }, wakeAt: bot.busyUntil };
  }

  if (view.work) {
    for (const move of [statementMove(index, view.work, bot, now), feedMove(index, view.work, bot, now), reportMove(index, view.work, bot, now), boardMove(index, view.work, bot, now)]) {
      if (move.intent) {
        bot.busyUntil = now + handlingOf(bot, 'step');
        return { intent: move.intent, wakeAt: bot.busyUntil };
      }
      wakeAt = Math.min(wakeAt, move.wakeAt);
    }
  }

  // The hotline's queue and tickets, and the incident room's inbox of escalations.
  const phone = view.work?.phone;
  if (phone) {
    const move = phoneMove(index, phone, bot, now);
    if (move.intent) {
      // Picking up is a button; the rest of the work takes the skill's handling time.
      if (move.intent.type !== 'pickUp') bot.busyUntil = now + handlingOf(bot, 'step');
      return { intent: move.intent, wakeAt: Math.max(now, bot.busyUntil) };
    }
    wakeAt = Math.min(wakeAt, move.wakeAt);
  }
  const inbox = view.work?.inbox;
  if (inbox) {
    const move = inboxMove(inbox, bot, now);
    if (move.intent) {
      bot.busyUntil = now + handlingOf(bot, 'step');
      return { intent: move.intent, wakeAt: bot.busyUntil };
    }
    wakeAt = Math.min(wakeAt, move.wakeAt);
  }

  for (let i = 0; bot.sharesPending > 0 && i < view.facts.length; i++) {
    const fact = view.facts[i]!;
    const at = bot.shareAt[fact.id]!;
    if (at < 0 || fact.unknownTo.length === 0) continue;
    if (at <= now) {
      bot.shareAt[fact.id] = -1;
      bot.sharesPending--;
      return { intent: { type: 'shareFact', fact: fact.id, to: [...fact.unknownTo] }, wakeAt: now };
    }
    wakeAt = Math.min(wakeAt, at);
  }
  return { wakeAt };
}

function pickNpc(bot: BotMemory, ready: WaitingNpc[]): WaitingNpc {
  switch (SKILL_PROFILES[bot.skill].triage) {
    case 'urgent':
      return ready.reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
    case 'arrival':
      return ready.reduce((a, b) => (b.openedAt < a.openedAt ? b : a));
    case 'random':
      return ready[randomInt(bot, ready.length)]!;
  }
}

/** Minutes of slack an expert keeps before an NPC would give up, while it waits for a better answer. */
const HOLD_MARGIN = 2 * MINUTE;
const RECHECK = 2 * MINUTE;
const RANK = { best: 0, good: 1, poor: 2, bad: 3 } as const;

type WaitingNpc = RoomView['waiting'][number];

/** The scenario's quality mark of each response to this NPC, in the scenario file's order. */
const qualitiesOf = (index: ScenarioIndex, npc: WaitingNpc): Quality[] => index.qualities.get(npc.interaction)!;

/**
 * Whether each response is on offer, in the scenario file's order: the view lists them in the
 * order shown, and a bot's choice must not depend on that order.
 */
function availableInFileOrder(npc: WaitingNpc): boolean[] {
  const open: boolean[] = new Array(npc.order.length).fill(false);
  for (let k = 0; k < npc.order.length; k++) open[npc.order[k]!] = npc.responses[k]!.available;
  return open;
}

/** A choice weighted by the skill's taste for each quality, over the options in file order. */
function byProcedure(index: ScenarioIndex, npc: WaitingNpc, bot: BotMemory): string {
  const qualities = qualitiesOf(index, npc);
  const open = availableInFileOrder(npc);
  const options: number[] = [];
  open.forEach((available, i) => available && options.push(i));
  const weights = options.map((i) => SKILL_PROFILES[bot.skill].choice[qualities[i]!]);
  const slot = options[weightedIndex(bot, weights)] ?? bestOf(qualities, options);
  return index.interactions.get(npc.interaction)!.responses[slot]!.id;
}

/** The scenario's best answer to this NPC is not on offer yet (it needs a fact or a flag). */
function bestIsLocked(index: ScenarioIndex, npc: WaitingNpc): boolean {
  const qualities = qualitiesOf(index, npc);
  const open = availableInFileOrder(npc);
  let bestAll = 4;
  let bestOpen = 4;
  qualities.forEach((quality, i) => {
    const rank = RANK[quality];
    bestAll = Math.min(bestAll, rank);
    if (open[i]) bestOpen = Math.min(bestOpen, rank);
  });
  return bestOpen > bestAll;
}

/** The position of the best-marked response among `options` (positions), the first of equals. */
function bestOf(qualities: Quality[], options: number[]): number {
  return options.reduce((a, b) => (RANK[qualities[b]!] < RANK[qualities[a]!] ? b : a));
}

/** Scenario seconds the bot is occupied after answering a card, or after a step of its room's work. */
function handlingOf(bot: BotMemory, what: 'card' | 'step'): number {
  const paced = what === 'card' ? bot.handlingSeconds : bot.stepSeconds;
  return paced ?? SKILL_PROFILES[bot.skill].handling * MINUTE;
}
