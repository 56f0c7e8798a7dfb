import type { ExpectedAction } from '../scenario/schema.js';
import type { DrillState, ExpectedState } from './drillState.js';
import { applyEffects } from './effects.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { emit, type Transition } from './transition.js';

// The duties of a drill (the scenario's expected actions): their progress and their deadlines.

const dutiesByDrill = new WeakMap<DrillState, ExpectedState[]>();

/**
 * Each duty's progress in the scenario's order. The engine changes these objects in place and
 * never replaces them, so the list is looked up once per drill state, not at every scan of the
 * deadlines (a few hundred per drill).
 */
export function dutiesOf(index: ScenarioIndex, state: DrillState): ExpectedState[] {
  let duties = dutiesByDrill.get(state);
  if (!duties) dutiesByDrill.set(state, (duties = index.scenario.expected.map((x) => state.expected[x.id]!)));
  return duties;
}

/** A duty's deadline has come and it is not done. */
export function missDeadline(tx: Transition, x: ExpectedAction): void {
  const progress = tx.state.expected[x.id]!;
  progress.status = 'missed';
  emit(tx, { type: 'expected', expected: x.id, status: 'missed', ...(progress.deadline !== undefined && { deadline: progress.deadline }) });
  applyEffects(tx, x.missed, { room: tx.index.postRoom.get(x.post)!, cause: { kind: 'expected', expected: x.id, post: x.post } });
}

