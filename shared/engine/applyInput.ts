import type { DrillInput, Holder } from '../protocol/intents.js';
import { applyControl } from './applyControl.js';
import { applyIntent, type StepResult } from './applyIntent.js';
import type { DrillState, Seat } from './drillState.js';
import type { ScenarioIndex } from './scenarioIndex.js';

/** The roster entry of a holder: the engine keeps who held each post for the debrief. */
export function seatOf(holder: Holder): Seat {
  return holder.kind === 'bot' ? { kind: 'bot', skill: holder.skill } : { kind: 'human', name: holder.name };
}

/**
 * Applies one entry of an input log at the drill's current clock: a move goes to the engine, a
 * line-up or a change of holder updates the roster (the engine plays the same whoever holds a
 * post). Checked before anything is written, like the moves themselves. A line of team chat is
 * outside the drill: accepted and passed by, so that a replay, the debrief and the verifier run a
 * log with chat in it exactly as the same log without.
 */
export function applyInput(index: ScenarioIndex, state: DrillState, input: DrillInput): StepResult {
  if ('chat' in input) return { ok: true, events: [] };
  if ('intent' in input) return applyIntent(index, state, input.post, input.intent);
  if ('control' in input) return applyControl(index, state, input.control);
  if ('start' in input) {
    const unknown = Object.keys(input.start).find((post) => !index.postRoom.has(post));
    if (unknown !== undefined) return { ok: false, rejection: { code: 'unknown-post', reason: `no post "${unknown}" in this drill` } };
    for (const [post, holder] of Object.entries(input.start)) state.roster[post] = seatOf(holder);
    return { ok: true, events: [] };
  }
  if (!index.postRoom.has(input.seat)) return { ok: false, rejection: { code: 'unknown-post', reason: `no post "${input.seat}" in this drill` } };
  state.roster[input.seat] = seatOf(input.holder);
  return { ok: true, events: [] };
}
