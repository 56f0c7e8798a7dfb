import type { Transition } from '../transition.js';
import type { WorkTimer, WorkTimerKind } from './workState.js';

/**
 * Puts a timer of the rooms' work into the drill's ordered time loop: the list stays sorted by
 * time, then by the order timers were made, so the loop runs them the same way in every replay.
 */
export function addTimer(tx: Transition, kind: WorkTimerKind, at: number, ref: string): void {
  const timers = tx.state.work!.timers!;
  const timer: WorkTimer = { at, seq: tx.state.seq, kind, ref };
  const i = timers.findIndex((t) => t.at > at);
  timers.splice(i === -1 ? timers.length : i, 0, timer);
}

/** Calls off the timers of a kind about `ref` (a call-back kept before it broke). */
export function cancelTimers(tx: Transition, kind: WorkTimerKind, ref: string): void {
  const work = tx.state.work!;
  work.timers = work.timers!.filter((t) => !(t.kind === kind && t.ref === ref));
}

/** The earliest timer of the rooms' work, if any: the time loop's `Due` of rank 5. */
export function nextWorkTimer(tx: Transition): WorkTimer | undefined {
  return tx.state.work?.timers?.[0];
}
