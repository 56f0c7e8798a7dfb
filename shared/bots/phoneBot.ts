import type { Intent } from '../protocol/intents.js';
import type { EscalationView, PhonePanel } from '../protocol/workPanel.js';
import { MINUTE } from '../scenario/clockTime.js';
import { CALLBACK_MINUTES, type CallbackMinutes } from '../scenario/work/phone.js';
import { nextRandom, randomInt } from '../engine/rng.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { BotMemory } from './botPolicy.js';
import { SKILL_PROFILES, type Skill } from './skill.js';

/**
 * How each skill works the call queue. An expert picks up the caller who can least wait (the
 * vulnerable and the influential first), files the right category, promises a call-back only
 * where the FAQ does not answer, keeps every one before it is due, and escalates what the
 * procedure sends up; a novice does each of these by chance.
 */
const PHONE_HABITS: Record<Skill, { rightCategory: number; promiseNeeded: number; promiseNeedless: number; keeps: number; keepWindow: [number, number]; escalateNeeded: number; escalateNeedless: number }> = {
  expert: { rightCategory: 1, promiseNeeded: 1, promiseNeedless: 0, keeps: 1, keepWindow: [-8, -2], escalateNeeded: 1, escalateNeedless: 0 },
  competent: { rightCategory: 0.75, promiseNeeded: 0.8, promiseNeedless: 0.3, keeps: 0.8, keepWindow: [-5, 15], escalateNeeded: 0.7, escalateNeedless: 0.1 },
  novice: { rightCategory: 0.35, promiseNeeded: 0.5, promiseNeedless: 0.5, keeps: 0.35, keepWindow: [0, 25], escalateNeeded: 0.3, escalateNeedless: 0.3 },
};
/** The call-back an expert promises: one it can keep between calls. */
const EXPERT_PROMISE: CallbackMinutes = 30;

const between = (bot: BotMemory, [lo, hi]: [number, number]) => Math.round((lo + nextRandom(bot) * (hi - lo)) * MINUTE);
const CALLBACK_TEXT = (m: number) => ({ 'zh-CN': m === 0 ? '不回访' : `${m}分钟内回访`, en: m === 0 ? 'No call-back' : `Call back within ${m} minutes` });

/** The hotline bot's next move (wrap up, call back, escalate, pick up), or when to look again. */
export function phoneMove(index: ScenarioIndex, phone: PhonePanel, bot: BotMemory, now: number): { intent?: Intent; wakeAt: number } {
  const habits = PHONE_HABITS[bot.skill];
  const line = phone.line;
  if (line?.phase === 'wrapUp') {
    const ticket = wrapUp(index, phone, line.call, bot);
    return ticket ? { intent: ticket, wakeAt: now } : { wakeAt: Infinity };
  }
  if (line) return { wakeAt: Infinity };
  let wakeAt = Infinity;

  // Tickets logged: escalate what the bot means to, then call back what is due.
  for (const ticket of phone.tickets) {
    const key = `escalate:${ticket.id}`;
    if (bot.workAt[key] === undefined) {
      const needed = index.scenario.phone!.categories.find((c) => c.id === ticket.category)!.escalate;
      const chance = bot.surface ? 0 : needed ? habits.escalateNeeded : habits.escalateNeedless;
      bot.workAt[key] = !ticket.escalation && nextRandom(bot) < chance ? now : Infinity;
    }
    if (bot.workAt[key]! <= now && !ticket.escalation) {
      bot.workAt[key] = Infinity;
      return { intent: { type: 'escalate', ticket: ticket.id }, wakeAt: now };
    }
  }
  for (const ticket of phone.tickets) {
    if (ticket.status !== 'promised' && ticket.status !== 'due') continue;
    const key = `callback:${ticket.id}`;
    const at = (bot.workAt[key] ??= nextRandom(bot) < habits.keeps ? Math.max(ticket.due! - ticket.callback * MINUTE + MINUTE, ticket.due! + between(bot, habits.keepWindow)) : Infinity);
    if (at <= now) return { intent: { type: 'callBack', ticket: ticket.id }, wakeAt: now };
    wakeAt = Math.min(wakeAt, at);
  }

  // Pick up a caller the bot has noticed.
  const profile = SKILL_PROFILES[bot.skill];
  const ready: PhonePanel['queue'] = [];
  for (const call of phone.queue) {
    const at = (bot.workAt[`pick:${call.npc}`] ??= call.since + between(bot, profile.reaction));
    if (at <= now) ready.push(call);
    else wakeAt = Math.min(wakeAt, at);
  }
  if (ready.length === 0) return { wakeAt };
  if (bot.surface?.choose) {
    // A surface reader picks by the reasons' words and places in the queue.
    const npc = bot.surface.choose(ready.map((c) => ({ id: c.npc, text: c.reason, available: true })), bot);
    return npc === undefined ? { wakeAt } : { intent: { type: 'pickUp', npc }, wakeAt: now };
  }
  return { intent: { type: 'pickUp', npc: pickCaller(index, ready, bot).npc }, wakeAt: now };
}

/** The caller to pick up: the expert weighs how soon each gives up against who they are; others take the first or any. */
function pickCaller(index: ScenarioIndex, ready: PhonePanel['queue'], bot: BotMemory): PhonePanel['queue'][number] {
  switch (SKILL_PROFILES[bot.skill].triage) {
    case 'urgent': {
      const urgency = (c: PhonePanel['queue'][number]) => {
        const npcArchetype = index.archetypes.get(c.archetype)!;
        return c.expiresAt - (npcArchetype.traits.vulnerable ? 6 * MINUTE : 0) - (npcArchetype.traits.influence - 1) * 3 * MINUTE;
      };
      return ready.reduce((a, b) => (urgency(b) < urgency(a) ? b : a));
    }
    case 'arrival':
      return ready[0]!;
    case 'random':
      return ready[randomInt(bot, ready.length)]!;
  }
}

/** The ticket of the call just ended, as a bot of this skill files it; categories read in file order, never as shown. */
function wrapUp(index: ScenarioIndex, phone: PhonePanel, callId: string, bot: BotMemory): Intent | undefined {
  const config = index.scenario.phone!;
  const call = index.phoneCalls.get(callId)!;
  const faqOn = (id: string) => phone.categories.find((c) => c.id === id)!.faq;
  if (bot.surface?.choose) {
    const category = bot.surface.choose(phone.categories.map((c) => ({ id: c.id, text: c.label, available: true })), bot);
    const minutes = bot.surface.choose(phone.callbacks.map((m) => ({ id: String(m), text: CALLBACK_TEXT(m), available: true })), bot);
    if (category === undefined || minutes === undefined) return undefined;
    return { type: 'logTicket', category, callback: Number(minutes) as CallbackMinutes };
  }
  const habits = PHONE_HABITS[bot.skill];
  const category = nextRandom(bot) < habits.rightCategory ? call.category : config.categories[randomInt(bot, config.categories.length)]!.id;
  const needed = call.callback && !faqOn(call.category);
  const promise = nextRandom(bot) < (needed ? habits.promiseNeeded : habits.promiseNeedless);
  const later = CALLBACK_MINUTES.filter((m) => m > 0);
  const callback: CallbackMinutes = !promise ? 0 : bot.skill === 'expert' ? EXPERT_PROMISE : later[randomInt(bot, later.length)]!;
  return { type: 'logTicket', category, callback };
}

/** The incident room's answer to the hotline's escalations: taken on after the skill's reaction. */
export function inboxMove(inbox: readonly EscalationView[], bot: BotMemory, now: number): { intent?: Intent; wakeAt: number } {
  let wakeAt = Infinity;
  for (const e of inbox) {
    if (e.status === 'acknowledged') continue;
    const at = (bot.workAt[`ack:${e.id}`] ??= e.since + between(bot, SKILL_PROFILES[bot.skill].reaction));
    if (at <= now) return { intent: { type: 'acknowledge', escalation: e.id }, wakeAt: now };
    wakeAt = Math.min(wakeAt, at);
  }
  return { wakeAt };
}
