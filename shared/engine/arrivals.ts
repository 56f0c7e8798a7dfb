import type { ArrivalStream } from '../scenario/arrivals.js';
import type { DrillState, FollowUp } from './drillState.js';
import { derivedGenerator, randomInt } from './rng.js';

/**
 * The arrivals of one stream, drawn once when the drill is created: which injects of the pool
 * come, in what order, and at what second. Each stream draws from its own generator, derived from
 * the seed and the stream's id, so adding or changing one stream leaves every other draw of the
 * drill as it was.
 */
export function drawArrivals(stream: ArrivalStream, seed: number): { at: number; inject: string }[] {
  const rng = derivedGenerator(seed, `arrivals:${stream.id}`);
  const bag = [...stream.pool];
  for (let i = bag.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [bag[i], bag[j]] = [bag[j]!, bag[i]!];
  }
  const count = stream.count ?? bag.length;
  const slot = (stream.to - stream.from) / count;
  return bag.slice(0, count).map((inject, k) => ({ inject, at: Math.floor(stream.from + k * slot + randomInt(rng, Math.max(1, Math.floor(slot)))) }));
}

/** Puts every stream's arrivals among the drill's follow-ups, in time order (then stream order). */
export function scheduleArrivals(state: DrillState, streams: readonly ArrivalStream[]): void {
  const drawn: FollowUp[] = [];
  for (const stream of streams) for (const a of drawArrivals(stream, state.seed)) drawn.push({ at: a.at, seq: drawn.length, inject: a.inject });
  drawn.sort((a, b) => a.at - b.at || a.seq - b.seq);
  state.followUps.push(...drawn);
}
