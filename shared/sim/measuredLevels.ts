import { z } from 'zod';
import { LEVELS } from '../scenario/levels.js';

const Medians = z.strictObject({ novice: z.number(), expert: z.number() });

/**
 * scenarios/measured/levels.json: for each scenario, the simulator's novice and expert medians at
 * each level, as `npm run scenario:check` last measured them, with the hash of the scenario they
 * were measured on. Written by the checker, never by hand; an entry whose hash is not the
 * scenario's own is stale and is not shown.
 */
export const MeasuredLevelsSchema = z.record(
  z.string(),
  z.strictObject({
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    seeds: z.number().int().positive(),
    earliestFailureMinutes: z.number().nullable(),
    levels: z.strictObject(Object.fromEntries(LEVELS.map((l) => [l, Medians])) as Record<(typeof LEVELS)[number], typeof Medians>),
  }),
);
export type MeasuredLevels = z.infer<typeof MeasuredLevelsSchema>;
export const MEASURED_LEVELS_FILE = 'measured/levels.json';
