import { drawMorning } from '../../shared/scenario/drawMorning.js';
import type { Level } from '../../shared/scenario/levels.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import type { LoadedScenario } from '../services.js';

const KEPT = 64;
const drawn = new WeakMap<LoadedScenario, Map<string, Scenario>>();

/**
 * The scenario as the drill of this seed and level plays it (shared/scenario/drawMorning.ts):
 * what a room runs, a replay re-runs and a debrief explains. The latest few are kept, since a
 * finished drill's record, its verdict and its report all draw the same morning again.
 */
export function morningOf(loaded: LoadedScenario, seed: number, level: Level): Scenario {
  let kept = drawn.get(loaded);
  if (!kept) drawn.set(loaded, (kept = new Map()));
  const key = `${seed}:${level}`;
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const scenario = drawMorning(loaded.scenario, seed, level).scenario;
  kept.set(key, scenario);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return scenario;
}
