import type { DrillState } from './drillState.js';
import type { DrillEvent } from './events.js';
import type { ScenarioIndex } from './scenarioIndex.js';

/** One change to a drill in progress: the scenario, the state being written, and what happened. */
export interface Transition {
  index: ScenarioIndex;
  state: DrillState;
  events: DrillEvent[];
  /**
   * Standing conditions whose inputs changed since they were last checked, by their number in
   * `index.watchers` (1 = check again). Absent until something changes.
   */
  stale: Uint8Array | undefined;
}

export function beginTransition(index: ScenarioIndex, state: DrillState): Transition {
  return { index, state, events: [], stale: undefined };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Stamps the event with its sequence number and clock time and records it (no copy: this is hot). */
export function emit(tx: Transition, event: DistributiveOmit<DrillEvent, 'seq' | 'at'>): void {
  const stamped = event as DrillEvent;
  stamped.seq = tx.state.seq++;
  stamped.at = tx.state.clock;
  tx.events.push(stamped);
}

/** The standing conditions numbered in `ordinals` must be checked again before the step ends. */
export function markStale(tx: Transition, ordinals: readonly number[] | undefined): void {
  if (ordinals === undefined) return;
  const stale = (tx.stale ??= new Uint8Array(tx.index.watchers.count));
  for (const i of ordinals) stale[i] = 1;
}

/** Every standing condition must be checked: at the start of a drill. */
export function markAllStale(tx: Transition): void {
  (tx.stale ??= new Uint8Array(tx.index.watchers.count)).fill(1);
}
