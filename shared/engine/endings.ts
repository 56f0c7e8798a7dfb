import type { DrillState, Ending } from './drillState.js';
import { missDeadline } from './duties.js';
import type { Transition } from './transition.js';
import { emit } from './transition.js';

/** The drill ends: an ending's condition held, its clock ran out, or the trainer ended it. */
export function finish(tx: Transition, ending: Ending): void {
  const state: DrillState = tx.state;
  // Duties still open when the drill ends were never done; duties whose trigger never came do not apply.
  for (const [id, progress] of Object.entries(state.expected)) {
    if (progress.status !== 'pending') continue;
    if (progress.deadline === undefined) {
      progress.status = 'not-applicable';
      emit(tx, { type: 'expected', expected: id, status: 'not-applicable' });
    } else missDeadline(tx, tx.index.expected.get(id)!);
  }
  state.phase = 'ended';
  state.ending = ending;
  emit(tx, { type: 'ended', ending });
}
