import type { Condition, Scenario } from '../scenario/schema.js';
import type { Dimension } from '../scores/dimensions.js';

/**
 * Which of the drill's standing conditions (conditional injects, duties, endings) can change
 * when a flag, a fact, a score or the clock changes. Settling after a step then re-checks only
 * those, instead of every condition after every step: a condition whose inputs did not change
 * cannot have started to hold.
 *
 * The conditions are numbered in the order settling checks them: conditional injects, then
 * duties, then endings.
 */
export interface Watchers {
  /** How many conditions are numbered. */
  count: number;
  /** Where the duties start in the numbering. */
  firstExpected: number;
  /** Where the endings start in the numbering. */
  firstEnding: number;
  flag: Map<string, number[]>;
  fact: Map<string, number[]>;
  score: Map<Dimension, number[]>;
  /** Conditions that name a time (`after`/`before`): re-checked when the clock reaches a checkpoint. */
  clock: number[];
}

export function watchersOf(scenario: Scenario, conditionalInjects: readonly { when?: Condition }[]): Watchers {
  const watchers: Watchers = {
    count: 0,
    firstExpected: conditionalInjects.length,
    firstEnding: conditionalInjects.length + scenario.expected.length,
    flag: new Map(),
    fact: new Map(),
    score: new Map(),
    clock: [],
  };
  const conditions = [...conditionalInjects.map((i) => i.when), ...scenario.expected.map((x) => x.done), ...scenario.endings.map((e) => e.when)];
  watchers.count = conditions.length;
  conditions.forEach((condition, ordinal) => {
    if (condition) watch(watchers, condition, ordinal);
  });
  return watchers;
}

function watch(watchers: Watchers, c: Condition, ordinal: number): void {
  const add = <K>(map: Map<K, number[]>, key: K) => {
    const list = map.get(key);
    if (!list) map.set(key, [ordinal]);
    else if (list[list.length - 1] !== ordinal) list.push(ordinal);
  };
  if ('flag' in c) add(watchers.flag, c.flag);
  else if ('fact' in c) add(watchers.fact, c.fact);
  else if ('score' in c) add(watchers.score, c.score);
  else if ('after' in c || 'before' in c) {
    if (watchers.clock[watchers.clock.length - 1] !== ordinal) watchers.clock.push(ordinal);
  } else if ('all' in c) c.all.forEach((x) => watch(watchers, x, ordinal));
  else if ('any' in c) c.any.forEach((x) => watch(watchers, x, ordinal));
  else if ('not' in c) watch(watchers, c.not, ordinal);
  // A mood condition outside an interaction never holds (the checker warns about it): nothing to watch.
}
