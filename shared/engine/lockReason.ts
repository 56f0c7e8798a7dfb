import type { Text } from '../i18n/text.js';
import { formatClockTime } from '../scenario/clockTime.js';
import type { Condition, Response } from '../scenario/schema.js';
import { DIMENSION_LABELS } from '../scores/dimensions.js';
import type { ScenarioIndex } from './scenarioIndex.js';

const reasons = new WeakMap<Response, Text>();

/**
 * Why a response is locked, as the player reads it: the scenario's own words if it gives them,
 * otherwise what its condition asks for, named by the facts' and flags' labels ("Needs, known in
 * your room: the confirmed cause"). It says what is missing, never how good the answer is.
 */
export function lockReason(index: ScenarioIndex, response: Response): Text {
  let reason = reasons.get(response);
  if (!reason) reasons.set(response, (reason = response.locked ?? describeNeed(index, response.requires!)));
  return reason;
}

function both(zh: string, en: string): Text {
  return { 'zh-CN': zh, en };
}

function describeNeed(index: ScenarioIndex, c: Condition): Text {
  // Locked because something has happened: the answer belonged to the time before it.
  if ('not' in c) {
    const inner = needs(index, c.not);
    return both(`「${inner.map((t) => t['zh-CN'].replace(/^「|」$/g, '')).join('，')}」之后不再可选`, `Not after ${inner.map((t) => t.en).join(' and ')}`);
  }
  const parts = needs(index, c);
  return both(`需要：${parts.map((p) => p['zh-CN']).join('；')}`, `Needs ${parts.map((p) => p.en).join('; ')}`);
}

function needs(index: ScenarioIndex, c: Condition): Text[] {
  if ('all' in c) return c.all.flatMap((x) => needs(index, x));
  if ('any' in c) {
    // One of several: bracketed, so that inside an `all` it reads as one need, not a run-on list.
    const options = c.any.map((x) => needs(index, x));
    return [both(`（${options.map((o) => o.map((t) => t['zh-CN']).join('，')).join(' 或 ')}）`, `(${options.map((o) => o.map((t) => t.en).join(' and ')).join(' or ')})`)];
  }
  if ('not' in c) {
    // Locked because something has happened: the answer belonged to the time before it.
    const inner = needs(index, c.not);
    return [both(`${inner.map((t) => t['zh-CN']).join('，')}之前才可选`, `this before ${inner.map((t) => t.en).join(' and ')}`)];
  }
  if ('fact' in c) {
    const fact = index.scenario.facts.find((f) => f.id === c.fact);
    const label = fact?.label ?? fact?.text ?? both(c.fact, c.fact);
    if (c.room) {
      const room = index.scenario.rooms.find((r) => r.id === c.room)?.name ?? both(c.room, c.room);
      return [both(`${room['zh-CN']}已掌握「${label['zh-CN']}」`, `${room.en} to know “${label.en}”`)];
    }
    return [both(`本房间已掌握「${label['zh-CN']}」`, `your room to know “${label.en}”`)];
  }
  if ('flag' in c) {
    const label = index.scenario.flags.find((f) => f.id === c.flag)?.label ?? both(c.flag, c.flag);
    return [both(`「${label['zh-CN']}」`, `“${label.en}”`)];
  }
  if ('mood' in c) {
    if (c.mood.atLeast !== undefined) return [both('对方情绪先平复下来', 'the person to be calmer first')];
    return [both('对方情绪更激动时', 'the person to be more upset')];
  }
  if ('score' in c) {
    const name = DIMENSION_LABELS[c.score];
    return [both(`${name['zh-CN']}${c.atLeast !== undefined ? `不低于 ${c.atLeast}` : `低于 ${c.below}`}`, `${name.en} ${c.atLeast !== undefined ? `at least ${c.atLeast}` : `below ${c.below}`}`)];
  }
  if ('after' in c) return [both(`${formatClockTime(c.after)} 之后`, `a time after ${formatClockTime(c.after)}`)];
  return [both(`${formatClockTime(c.before)} 之前`, `a time before ${formatClockTime(c.before)}`)];
}
