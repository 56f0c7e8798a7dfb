import { holds } from './conditions.js';
import { dutiesOf } from './duties.js';
import { applyEffects } from './effects.js';
import { finish } from './endings.js';
import { fireInject } from './injects.js';
import { emit, type Transition } from './transition.js';

/**
 * After every change: fire conditional injects that now hold, mark duties done, and end the
 * drill if an ending holds. Repeats until nothing more happens (each inject fires once, so it
 * stops). Only conditions marked stale are checked: the others read nothing that changed since
 * they last failed, so they still fail. The order of checking is the same as checking them all.
 */
export function settle(tx: Transition): void {
  const { state, index } = tx;
  const { conditionalInjects } = index;
  const { expected, endings } = index.scenario;
  const { firstExpected, firstEnding } = index.watchers;
  for (let changed = true; changed && tx.stale !== undefined && state.phase === 'running'; ) {
    const stale = tx.stale;
    changed = false;
    for (let i = 0; i < conditionalInjects.length; i++) {
      if (stale[i] === 0) continue;
      stale[i] = 0;
      const inject = conditionalInjects[i]!;
      if (state.fired[inject.id] === undefined && holds(tx, inject.when!, {})) {
        fireInject(tx, inject);
        changed = true;
      }
    }
    for (let i = 0; i < expected.length; i++) {
      if (stale[firstExpected + i] === 0) continue;
      stale[firstExpected + i] = 0;
      const x = expected[i]!;
      const progress = dutiesOf(index, state)[i]!;
      if (progress.status !== 'pending' && progress.status !== 'missed') continue;
      if (!holds(tx, x.done, {})) continue;
      progress.doneAt = state.clock;
      if (progress.status === 'missed') {
        progress.status = 'late';
        emit(tx, { type: 'expected', expected: x.id, status: 'late' });
      } else {
        progress.status = 'met';
        emit(tx, { type: 'expected', expected: x.id, status: 'met' });
        applyEffects(tx, x.onTime, { room: index.postRoom.get(x.post)!, cause: { kind: 'expected', expected: x.id, post: x.post } });
        changed = true;
      }
    }
    for (let i = 0; i < endings.length; i++) {
      if (stale[firstEnding + i] === 0) continue;
      stale[firstEnding + i] = 0;
      const ending = endings[i]!;
      if (ending.when !== undefined && holds(tx, ending.when, {})) {
        finish(tx, { id: ending.id, at: state.clock, reason: 'condition' });
        break;
      }
    }
  }
}

