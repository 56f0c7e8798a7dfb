import type { DrillInput, Intent } from '../protocol/intents.js';
import { MINUTE } from '../scenario/clockTime.js';
import { advanceTo } from '../engine/advanceTo.js';
import { applyIntent } from '../engine/applyIntent.js';
import type { DrillState } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import { roomView } from '../engine/viewFor.js';
import { lazyWorkViewFor } from '../engine/work/workView.js';
import type { BotStyle } from './botStyle.js';
import { createBot, decide, type BotMemory } from './botPolicy.js';
import type { Skill } from './skill.js';

interface Member {
  memory: BotMemory;
  room: string;
  /** The clock time at which this bot wants to be asked again. */
  wakeAt: number;
}

/** The bots holding posts in one drill: the simulator and the server drive them the same way. */
export interface BotCrew {
  members: Map<string, Member>;
}

export function createCrew(): BotCrew {
  return { members: new Map() };
}

/** A bot takes the post from now on (a human left, or nobody took it); `style` only for the simulator's checks. */
export function seatBot(crew: BotCrew, index: ScenarioIndex, post: string, skill: Skill, seed: number, clock: number, style?: BotStyle): void {
  crew.members.set(post, { memory: createBot(post, skill, seed, style), room: index.postRoom.get(post)!, wakeAt: clock });
}

/** The bot steps aside: a human took the post. */
export function unseatBot(crew: BotCrew, post: string): void {
  crew.members.delete(post);
}

/** Bots look again when something happened in their room, or anywhere when a flag changed. */
export function notice(crew: BotCrew, events: readonly DrillEvent[], clock: number): void {
  if (events.length === 0) return;
  const rooms = roomsTouched(events);
  for (const member of crew.members.values()) {
    if (member.wakeAt > clock && (rooms === 'all' || rooms.includes(member.room))) member.wakeAt = clock;
  }
}

export function nextWake(crew: BotCrew): number {
  let t = Infinity;
  for (const member of crew.members.values()) t = Math.min(t, member.wakeAt);
  return t;
}

/** A move a bot made that the engine refused: bots choose only from what they are offered, so this is a bug to report. */
export interface BotRefusal {
  at: number;
  post: string;
  intent: Intent;
  reason: string;
}

/** How long a bot whose move was refused waits before it looks again: the drill goes on without that move. */
export const REFUSED_BOT_BACKOFF = MINUTE;

/**
 * Every bot whose time has come acts, at the current clock, until none has more to do now.
 * Whatever a move makes due at this very second (a post whose heat it pushed past the threshold)
 * happens before the next bot looks, as a replay of the log does before every input. Returns the
 * inputs to log, what they caused, and any move the engine refused. A refused move changes
 * nothing and is not logged, so a replay refuses it again in the same place; the bot looks again
 * a minute later. The drill goes on: a bot's bug must not stop a class's drill.
 */
export function crewActs(index: ScenarioIndex, state: DrillState, crew: BotCrew): { inputs: DrillInput[]; events: DrillEvent[]; refused: BotRefusal[] } {
  const inputs: DrillInput[] = [];
  const events: DrillEvent[] = [];
  const refused: BotRefusal[] = [];
  for (;;) {
    if (state.phase !== 'running') break;
    let member: Member | undefined;
    for (const m of crew.members.values()) {
      if (m.wakeAt <= state.clock) {
        member = m;
        break;
      }
    }
    if (!member) break;
    const post = member.memory.post;
    // A busy bot cannot act before it is free: no need to build its view to learn that.
    if (member.memory.busyUntil > state.clock) {
      member.wakeAt = member.memory.busyUntil;
      continue;
    }
    // Bots read only the parts of their view they need, so the rest is never built.
    const decision = decide(index, roomView(index, state, post, lazyWorkViewFor), member.memory);
    if (!decision.intent) {
      member.wakeAt = Math.max(decision.wakeAt, state.clock + 1);
      continue;
    }
    const result = applyIntent(index, state, post, decision.intent);
    if (!result.ok) {
      refused.push({ at: state.clock, post, intent: decision.intent, reason: result.rejection.reason });
      member.wakeAt = state.clock + REFUSED_BOT_BACKOFF;
      continue;
    }
    inputs.push({ at: state.clock, post, intent: decision.intent });
    events.push(...result.events);
    notice(crew, result.events, state.clock);
    member.wakeAt = decision.wakeAt;
    const due = advanceTo(index, state, state.clock);
    events.push(...due);
    notice(crew, due, state.clock);
  }
  return { inputs, events, refused };
}

/** The rooms the events happened in (a handful: a list is quicker than a set), or all of them. */
function roomsTouched(events: readonly DrillEvent[]): string[] | 'all' {
  const rooms: string[] = [];
  const touch = (room: string) => rooms.includes(room) || rooms.push(room);
  for (const e of events) {
    // A draft concerns its approver's room as well as its author's.
    if (e.type === 'flag' || e.type === 'ended' || e.type === 'draftSubmitted' || e.type === 'draftReviewed') return 'all';
    if (e.type === 'factShared') e.to.forEach(touch);
    else if (e.room !== undefined) touch(e.room);
  }
  return rooms;
}
