/**
 * The engine's only source of chance: a 32-bit generator (mulberry32) whose whole state is one
 * integer kept inside the drill state, so a drill can be saved, copied and replayed exactly.
 */
export function nextRandom(holder: { rng: number }): number {
  let t = (holder.rng = (holder.rng + 0x6d2b79f5) >>> 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Turns any seed (a number, or the hash of a string) into a generator state. */
export function seedState(seed: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ (seed >>> 13)) >>> 0;
}

/** A fresh generator for a side purpose (a bot, a simulator run) derived from a seed and a label. */
export function derivedGenerator(seed: number, label: string): { rng: number } {
  let h = seedState(seed);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return { rng: h };
}

export function randomInt(holder: { rng: number }, maxExclusive: number): number {
  return Math.floor(nextRandom(holder) * maxExclusive);
}
