import { z } from 'zod';
import { SkillSchema } from '../bots/skill.js';
import { InputSchema } from '../protocol/intents.js';
import { IdSchema } from '../scenario/schema.js';
import { DimensionSchema } from '../scores/dimensions.js';
import { LevelSchema } from '../scenario/levels.js';

/** Who held a post when the drill ended (the engine plays the same whoever holds it). */
export const SeatSchema = z.strictObject({
  kind: z.enum(['human', 'bot']),
  name: z.string().max(200).optional(),
  skill: SkillSchema.optional(),
});

export const RosterSchema = z.record(IdSchema, SeatSchema);

export const ExpectedStatusSchema = z.enum(['pending', 'met', 'late', 'missed', 'not-applicable']);

export const StoredEndingSchema = z.strictObject({
  id: z.string().nullable(),
  at: z.number().int().nonnegative(),
  reason: z.enum(['condition', 'time-up', 'trainer', 'abandoned']),
});

/**
 * What a replay needs of a stored drill: its inputs (seed, roster, the input log, the clock it
 * stopped at) and the result stored when it was played, which the replay must reproduce.
 * The server's DrillRecord (server/store/drillRecord.ts) carries all of these fields.
 */
export const ReplayRecordSchema = z.strictObject({
  scenarioId: IdSchema,
  scenarioVersion: z.number().int(),
  /** The hash of the scenario the drill ran on: a different file must be reported, not replayed silently. */
  scenarioHash: z.string().min(1).max(128),
  seed: z.number().int().min(0).max(0xffffffff),
  /** With the seed, which morning of the scenario it was (shared/scenario/drawMorning.ts). */
  level: LevelSchema.default('standard'),
  roster: RosterSchema,
  // A flagship drill logs a few hundred inputs; the bound keeps a hostile body from tying up a replay.
  inputs: z.array(InputSchema).max(20_000),
  untilClock: z.number().int().nonnegative(),
  scores: z.record(DimensionSchema, z.number()),
  total: z.number(),
  ending: StoredEndingSchema,
  expected: z.record(IdSchema, ExpectedStatusSchema),
});
export type ReplayRecord = z.infer<typeof ReplayRecordSchema>;
