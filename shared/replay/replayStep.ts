import { advanceToNext } from '../engine/advanceTo.js';
import { applyInput } from '../engine/applyInput.js';
import type { DrillState } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { DrillInput } from '../protocol/intents.js';
import type { Rejection } from '../protocol/rejections.js';

/** One step of a replay: one logged input, or one clock instant at which something happened. */
export interface ReplayStep {
  kind: 'start' | 'input' | 'time';
  /** The drill clock once the step is done. */
  clock: number;
  /** For an input step: its position in the log. */
  input?: number;
  events: DrillEvent[];
  /** For an input the engine refused (a faithful log has none). */
  rejection?: Rejection;
}

/** Where a replay is: the drill state and the next input of the log to apply. */
export interface ReplayPosition {
  state: DrillState;
  nextInput: number;
}

/**
 * Does the next step of a replay, mutating `at`; null once the log and the clock are used up.
 * It applies exactly what shared/sim/replay.ts does (everything due up to an input's time, then
 * the input; then the clock on to `until`), only stopping at every instant where something
 * happened. The engine gives the same result however the clock is sliced, so the last step
 * leaves the same state as a replay in one go.
 */
export function takeStep(index: ScenarioIndex, at: ReplayPosition, inputs: readonly DrillInput[], until: number): ReplayStep | null {
  const { state } = at;
  const input = inputs[at.nextInput];
  if (input) {
    if (input.at < state.clock) {
      const rejection: Rejection = { code: 'clock-backwards', reason: `input at ${input.at} is before the clock ${state.clock}` };
      return { kind: 'input', clock: state.clock, input: at.nextInput++, events: [], rejection };
    }
    const happened = advanceToNextEvents(index, state, input.at);
    if (happened.length > 0) return { kind: 'time', clock: state.clock, events: happened };
    const result = applyInput(index, state, input);
    const step: ReplayStep = { kind: 'input', clock: state.clock, input: at.nextInput++, events: result.ok ? result.events : [] };
    if (!result.ok) step.rejection = result.rejection;
    return step;
  }
  const before = state.clock;
  const happened = advanceToNextEvents(index, state, until);
  // A clock that ran on with nothing to show is still a step, so that no change of state falls between two steps.
  if (happened.length > 0 || state.clock !== before) return { kind: 'time', clock: state.clock, events: happened };
  return null;
}

/**
 * Moves the clock on until something happens or the clock reaches `limit` with nothing more due
 * by then. Instants where the engine only re-checked a condition (no events) are passed over.
 */
function advanceToNextEvents(index: ScenarioIndex, state: DrillState, limit: number): DrillEvent[] {
  while (state.phase === 'running') {
    const before = state.clock;
    const events = advanceToNext(index, state, limit);
    if (events.length > 0) return events;
    // At (or past) the limit already, a further call found nothing due: everything up to it is done.
    if (before >= limit) break;
  }
  return [];
}
