import type { DrillInput } from '../protocol/intents.js';
import type { Rejection } from '../protocol/rejections.js';
import type { Scenario } from '../scenario/schema.js';
import { advanceTo } from '../engine/advanceTo.js';
import { applyInput } from '../engine/applyInput.js';
import { createDrill, type DrillSetup } from '../engine/createDrill.js';
import type { DrillState } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import { indexScenario } from '../engine/scenarioIndex.js';

export interface DrillRun {
  state: DrillState;
  events: DrillEvent[];
}

export interface ReplayResult extends DrillRun {
  /** Inputs the engine refused, by position in the log; a faithful log has none. */
  rejected: { index: number; rejection: Rejection }[];
}

/**
 * Re-runs a drill from its inputs: the same scenario, seed, roster and log always give the same
 * state and events. `until` is the clock time to run on to after the last input (the end of
 * the drill's clock by default; a drill stopped early passes the time it stopped).
 */
export function replay(scenario: Scenario, setup: DrillSetup, inputs: readonly DrillInput[], until = scenario.clock.end): ReplayResult {
  const index = indexScenario(scenario);
  const { state, events } = createDrill(scenario, setup);
  const rejected: ReplayResult['rejected'] = [];
  inputs.forEach((input, i) => {
    if (input.at < state.clock) {
      rejected.push({ index: i, rejection: { code: 'clock-backwards', reason: `input at ${input.at} is before the clock ${state.clock}` } });
      return;
    }
    events.push(...advanceTo(index, state, input.at));
    const result = applyInput(index, state, input);
    if (result.ok) events.push(...result.events);
    else rejected.push({ index: i, rejection: result.rejection });
  });
  events.push(...advanceTo(index, state, until));
  return { state, events, rejected };
}
