import { derivedGenerator, randomInt } from './rng.js';

/**
 * A shuffle of `items` drawn from the drill's seed and a label, never the file's order: the same
 * for every viewer and in a replay. Each label has its own generator, so every team on a seed (a
 * competition) sees the same order whatever they chose before.
 */
export function seededShuffle<T>(seed: number, label: string, items: readonly T[]): T[] {
  const out = [...items];
  const rng = derivedGenerator(seed, `order:${label}`);
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The order in which an interaction's responses are shown the n-th time it opens in a drill.
 * Returns positions in the file's list.
 */
export function shownOrder(seed: number, interaction: string, nth: number, count: number): number[] {
  return seededShuffle(
    seed,
    `${interaction}:${nth}`,
    Array.from({ length: count }, (_, i) => i),
  );
}
