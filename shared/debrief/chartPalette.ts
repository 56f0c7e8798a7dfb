import type { Dimension } from '../scores/dimensions.js';

/** One colour per dimension, shared by the debrief scene's chart and the printed report's. */
export const DIMENSION_COLORS: Record<Dimension, string> = {
  trust: '#0e7c7b',
  reputation: '#d64545',
  compliance: '#5b4bb7',
  continuity: '#e08e0b',
  timeliness: '#2f6fb0',
  coordination: '#3a9d5d',
};

/**
 * A score holds its value until the next change, so the chart draws steps: for each point,
 * across to its time at the old value, then up or down to the new one.
 */
export function stepPoints(points: readonly { at: number; value: number }[]): { at: number; value: number }[] {
  const out: { at: number; value: number }[] = [];
  for (const p of points) {
    const previous = out.at(-1);
    if (previous && previous.value !== p.value) out.push({ at: p.at, value: previous.value });
    out.push(p);
  }
  return out;
}
