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

export function emit(tx: Transition, event: DistributiveOmit<DrillEvent, 'seq' | 'at'>): void {
  tx.events.push({ ...event, seq: tx.state.seq++, at: tx.state.clock } as DrillEvent);
}
