import type { Condition } from '../scenario/schema.js';
import type { NpcState } from './drillState.js';
import { currentMood } from './mood.js';
import type { Transition } from './transition.js';

/** Where a condition is read: inside an interaction it knows the acting room and the speaker. */
export interface ConditionScope {
  room?: string;
  npc?: NpcState;
}

type Predicate = (tx: Pick<Transition, 'index' | 'state'>, scope: ConditionScope) => boolean;
const compiled = new WeakMap<Condition, Predicate>();

/**
 * Whether a condition holds now. Each condition is compiled once into a closure (kept per
 * condition object), since the drill checks its injects, duties and endings after every change.
 */
export function holds(tx: Pick<Transition, 'index' | 'state'>, c: Condition, scope: ConditionScope): boolean {
  let predicate = compiled.get(c);
  if (!predicate) compiled.set(c, (predicate = compile(c)));
  return predicate(tx, scope);
}

function compile(c: Condition): Predicate {
  if ('flag' in c) {
    const flag = c.flag;
    return (tx) => tx.state.flags[flag] === true;
  }
  if ('all' in c) {
    const parts = c.all.map(compile);
    return (tx, scope) => parts.every((p) => p(tx, scope));
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    return (tx, scope) => parts.some((p) => p(tx, scope));
  }
  if ('not' in c) {
    const inner = compile(c.not);
    return (tx, scope) => !inner(tx, scope);
  }
  return (tx, scope) => evaluate(tx, c, scope);
}

function evaluate(tx: Pick<Transition, 'index' | 'state'>, c: Condition, scope: ConditionScope): boolean {
  const { state } = tx;
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
  if ('all' in c) return c.all.every((x) => evaluate(tx, x, scope));
  if ('any' in c) return c.any.some((x) => evaluate(tx, x, scope));
  if ('not' in c) return !evaluate(tx, c.not, scope);
  return state.flags[c.flag] === true;
}
