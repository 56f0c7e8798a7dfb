import { nextRandom } from '../engine/rng.js';

/** Picks a position by weight with the holder's generator; -1 when no option has any weight. */
export function weightedIndex(holder: { rng: number }, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return -1;
  let roll = nextRandom(holder) * total;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i]!;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}
