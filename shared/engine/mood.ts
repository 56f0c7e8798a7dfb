import type { Archetype } from '../scenario/schema.js';
import type { Cause, NpcState } from './drillState.js';
import { emit, type Transition } from './transition.js';

/** From this mood up an NPC is calm: it stops losing patience and crowd unrest passes it by. */
export const CALM = 80;
/** An NPC who leaves at or above this mood leaves satisfied. */
export const CONTENT = 60;
/** Whether an NPC leaving in this mood leaves satisfied (the engine decides it; the lobby draws it). */
export function leavesSatisfied(mood: number): boolean {
  return mood >= CONTENT;
}
/** Below this an NPC counts as angry: in a room's public count, and wherever the client marks anger. */
export const ANGRY_BELOW = 40;
/** How much a response tag that the archetype cares about moves its mood. */
export const TAG_MOOD = 15;
/** However furious, a newly waiting NPC gives the player a minute. */
export const MIN_WAIT = 60;
const TEMPER_PERIOD = 600;

export const MOOD_BANDS = ['furious', 'angry', 'upset', 'neutral', 'calm'] as const;
export type MoodBand = (typeof MOOD_BANDS)[number];

export function moodBand(mood: number): MoodBand {
  return MOOD_BANDS[Math.min(4, Math.floor(mood / 20))]!;
}

/** Mood now: a waiting NPC below calm loses `temper` points per ten minutes. */
export function currentMood(npc: NpcState, archetype: Archetype, clock: number): number {
  if (npc.status !== 'waiting') return npc.mood;
  return moodAlongLine(npc.mood, npc.moodAt, archetype.traits.temper, clock);
}

/**
 * A waiting NPC's mood at `clock`, from its mood at `moodAt` and its temper (points lost per ten
 * minutes below calm). The client draws the running-down mood from the same line, so a panel
 * need not be sent again each minute only because moods moved.
 */
export function moodAlongLine(mood: number, moodAt: number, temper: number, clock: number): number {
  if (mood >= CALM || temper === 0) return mood;
  return Math.max(0, Math.floor(mood - (temper * (clock - moodAt)) / TEMPER_PERIOD));
}

/** When a waiting NPC gives up: at the end of its patience, or sooner if its mood hits zero. */
export function expiryOf(npc: NpcState, archetype: Archetype): number {
  const temper = archetype.traits.temper;
  if (npc.mood >= CALM || temper === 0) return npc.patienceUntil;
  const furiousAt = npc.moodAt + Math.ceil((npc.mood * TEMPER_PERIOD) / temper);
  return Math.max(npc.moodAt + MIN_WAIT, Math.min(npc.patienceUntil, furiousAt));
}

export function setMood(tx: Transition, npc: NpcState, target: number, cause: Cause): void {
  const archetype = tx.index.archetypes.get(npc.archetype)!;
  const from = currentMood(npc, archetype, tx.state.clock);
  const to = Math.min(100, Math.max(0, Math.round(target)));
  npc.mood = to;
  npc.moodAt = tx.state.clock;
  if (npc.status === 'waiting') npc.expiresAt = expiryOf(npc, archetype);
  if (from !== to) emit(tx, { type: 'mood', room: npc.room, npc: npc.id, from, to, cause });
}

/** Freezes the running-down mood at the current clock, before the NPC stops waiting. */
export function settleMood(tx: Transition, npc: NpcState): void {
  const archetype = tx.index.archetypes.get(npc.archetype)!;
  npc.mood = currentMood(npc, archetype, tx.state.clock);
  npc.moodAt = tx.state.clock;
}
