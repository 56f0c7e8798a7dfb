import type { ExpectedStatus } from '../engine/drillState.js';
import type { Rating } from './schema.js';

/** A duty done up to this long after its deadline was done "with some challenges"; later, "major". */
export const LATE_SOME_CHALLENGES = 15 * 60;

/**
 * How a duty was performed, on HSEEP's scale: on time P, a little late S, much later M, not done U;
 * a duty whose trigger never came does not apply.
 */
export function rateDuty(status: ExpectedStatus, deadline: number | null, doneAt: number | null): Rating {
  switch (status) {
    case 'met':
      return 'P';
    case 'late':
      return deadline !== null && doneAt !== null && doneAt - deadline <= LATE_SOME_CHALLENGES ? 'S' : 'M';
    case 'not-applicable':
      return 'N/A';
    default:
      return 'U';
  }
}

/** How a score dimension ended, on the same scale: 75 and up P, 60 S, 40 M, below U. */
export function rateScore(final: number): Rating {
  return final >= 75 ? 'P' : final >= 60 ? 'S' : final >= 40 ? 'M' : 'U';
}
