import type { Transition } from '../transition.js';
import { serviceDone } from './floor.js';
import { playFaqMessage, runPhoneTimer } from './phone.js';
import type { WorkTimer } from './workState.js';

/** One timer of the rooms' work, taken off the list by the time loop. */
export function runWorkTimer(tx: Transition, timer: WorkTimer): void {
  if (timer.kind === 'serviceDone') serviceDone(tx, timer.ref);
  else if (timer.kind === 'faqMessage') playFaqMessage(tx, timer.ref);
  else runPhoneTimer(tx, timer.kind, timer.ref);
}
