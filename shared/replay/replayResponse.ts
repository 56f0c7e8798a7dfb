import { z } from 'zod';
import { ModeSchema } from '../protocol/messages.js';
import { IdSchema, type Scenario } from '../scenario/schema.js';
import { ReplayRecordSchema } from './replayRecord.js';
import { VerificationSchema } from './verification.js';

/**
 * The scenario as the server loaded it. Its schema turns the file's "HH:MM" and minutes into
 * seconds, so the loaded form cannot be parsed by ScenarioSchema again; the client checks its
 * outline here and trusts the rest to the hash that the verification compares.
 */
const LoadedScenarioSchema = z.looseObject({
  id: IdSchema,
  version: z.number().int(),
  clock: z.looseObject({ start: z.number().int(), end: z.number().int() }),
  rooms: z.array(z.looseObject({ id: IdSchema, type: z.string() })).min(1),
  posts: z.array(z.looseObject({ id: IdSchema, room: IdSchema })).min(1),
}).transform((s) => s as unknown as Scenario);

/** GET /api/drills/:id/replay?token=… (server/http/replayRoutes.ts): everything a client needs to replay a finished drill. */
export const ReplayResponseSchema = z.strictObject({
  drill: z.strictObject({
    id: z.string(),
    mode: ModeSchema,
    team: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string(),
  }),
  scenario: LoadedScenarioSchema,
  /** The hash of the scenario as loaded now; the record holds the one it was played on. */
  scenarioHash: z.string(),
  record: ReplayRecordSchema,
  /** The server's own replay of the record. */
  verification: VerificationSchema,
});
export type ReplayResponse = z.infer<typeof ReplayResponseSchema>;
export type ReplayResponseBody = z.input<typeof ReplayResponseSchema>;
