import { derivedGenerator, randomInt } from './rng.js';

/**
 * The order in which an interaction's responses are shown the n-th time it opens in a drill:
 * a shuffle drawn from the drill's seed, the interaction and n, never the file's order. It has its
 * own generator, so every team on a seed (a competition) sees the same order at the same card
 * whatever they chose before, and a replay shows it again. Returns positions in the file's list.
 */
export function shownOrder(seed: number, interaction: string, nth: number, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const rng = derivedGenerator(seed, `order:${interaction}:${nth}`);
  for (let i = count - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
