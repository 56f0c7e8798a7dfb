import type { DrillState } from './drillState.js';
import type { DrillEvent } from './events.js';
import type { ScenarioIndex } from './scenarioIndex.js';

/** One change to a drill in progress: the scenario, the state being written, and what happened. */
export interface Transition {
  index: ScenarioIndex;
  state: DrillState;
  events: DrillEvent[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Stamps the event with its sequence number and clock time and records it (no copy: this is hot). */
export function emit(tx: Transition, event: DistributiveOmit<DrillEvent, 'seq' | 'at'>): void {
  const stamped = event as DrillEvent;
  stamped.seq = tx.state.seq++;
  stamped.at = tx.state.clock;
  tx.events.push(stamped);
}
