import type { Control } from '../protocol/intents.js';
import type { DrillState } from './drillState.js';
import { fireInject } from './injects.js';
import { finish } from './endings.js';
import { settle } from './settle.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import type { StepResult } from './applyIntent.js';
import { beginTransition, emit } from './transition.js';

/** Applies a trainer's command at the current clock; checked in full before anything changes. */
export function applyControl(index: ScenarioIndex, state: DrillState, control: Control): StepResult {
  if (state.phase !== 'running') return { ok: false, rejection: { code: 'drill-ended', reason: 'the drill has ended' } };
  const tx = beginTransition(index, state);
  switch (control.type) {
    case 'inject': {
      const inject = index.injects.get(control.inject);
      if (!inject) return { ok: false, rejection: { code: 'unknown-inject', reason: `no inject "${control.inject}"` } };
      if (!inject.optional) {
        return { ok: false, rejection: { code: 'inject-not-optional', reason: `"${inject.id}" is part of the script and fires by itself` } };
      }
      fireInject(tx, inject, { kind: 'control' });
      break;
    }
    case 'extendDeadline': {
      const progress = state.expected[control.expected];
      if (!progress) return { ok: false, rejection: { code: 'unknown-expected', reason: `no expected action "${control.expected}"` } };
      if (progress.status !== 'pending' || progress.deadline === undefined) {
        return { ok: false, rejection: { code: 'deadline-not-open', reason: `"${control.expected}" has no open deadline to extend` } };
      }
      progress.deadline += control.minutes * 60;
      emit(tx, { type: 'deadlineExtended', expected: control.expected, deadline: progress.deadline });
      break;
    }
    case 'end':
      finish(tx, { id: null, at: state.clock, reason: 'trainer' });
      return { ok: true, events: tx.events };
  }
  settle(tx);
  return { ok: true, events: tx.events };
}
