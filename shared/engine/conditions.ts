import type { Condition } from '../scenario/schema.js';
import type { NpcState } from './drillState.js';
import { currentMood } from './mood.js';
import type { Transition } from './transition.js';

/** Where a condition is read: inside an interaction it knows the acting room and the speaker. */
export interface ConditionScope {
  room?: string;
  npc?: NpcState;
}

export function holds(tx: Pick<Transition, 'index' | 'state'>, c: Condition, scope: ConditionScope): boolean {
  const { state } = tx;
  if ('flag' in c) return state.flags[c.flag] === true;
  if ('fact' in c) {
    const rooms = state.facts[c.fact] ?? [];
    const room = c.room ?? scope.room;
    return room === undefined ? rooms.length > 0 : rooms.includes(room);
  }
  if ('mood' in c) {
    if (!scope.npc) return false;
    const mood = currentMood(scope.npc, tx.index.archetypes.get(scope.npc.archetype)!, state.clock);
    return (c.mood.atLeast === undefined || mood >= c.mood.atLeast) && (c.mood.below === undefined || mood < c.mood.below);
  }
  if ('score' in c) {
    const value = state.scores[c.score];
    return (c.atLeast === undefined || value >= c.atLeast) && (c.below === undefined || value < c.below);
  }
  if ('after' in c) return state.clock >= c.after;
  if ('before' in c) return state.clock < c.before;
  if ('all' in c) return c.all.every((x) => holds(tx, x, scope));
  if ('any' in c) return c.any.some((x) => holds(tx, x, scope));
  return !holds(tx, c.not, scope);
}
