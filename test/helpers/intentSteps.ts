import { expect } from 'vitest';
import { applyIntent } from '../../shared/engine/applyIntent.js';
import type { DrillState } from '../../shared/engine/drillState.js';
import type { ScenarioIndex } from '../../shared/engine/scenarioIndex.js';
import type { Intent } from '../../shared/protocol/intents.js';
import type { RejectionCode } from '../../shared/protocol/rejections.js';

/** A post's moves on one scenario: `act` as the engine answers, `must` when it must be accepted, `refused` when it must be refused and change nothing. */
export function intentSteps(index: ScenarioIndex) {
  const act = (state: DrillState, post: string, intent: Intent) => applyIntent(index, state, post, intent);
  const must = (state: DrillState, post: string, intent: Intent) => {
    const result = act(state, post, intent);
    if (!result.ok) throw new Error(`refused: ${result.rejection.reason}`);
    return result.events;
  };
  const refused = (state: DrillState, post: string, intent: Intent, code: RejectionCode) => {
    const before = structuredClone(state);
    expect(act(state, post, intent)).toMatchObject({ ok: false, rejection: { code } });
    expect(state).toEqual(before);
  };
  return { act, must, refused };
}
