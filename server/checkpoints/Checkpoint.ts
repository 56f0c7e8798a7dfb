import { z } from 'zod';
import { SkillSchema } from '../../shared/bots/skill.js';
import { CODE_ALPHABET, CODE_LENGTH } from '../../shared/protocol/joinCode.js';
import { InputSchema } from '../../shared/protocol/intents.js';
import { CreateDrillSchema, DisplayNameSchema, SpeedSchema } from '../../shared/protocol/messages.js';
import { IdSchema } from '../../shared/scenario/schema.js';

/** A running drill is written at most this often (real time), so a restart loses at most this much. */
export const CHECKPOINT_EVERY_MS = 2000;

/**
 * How long a drill brought back after a restart waits for its people before it is closed (and
 * its checkpoint dropped). Players' pages rejoin within seconds; a trainer may take longer.
 */
export const RESTORED_WAIT_MS = 15 * 60_000;

const Secret = z.string().min(16).max(64);

/** A player who held a seat: enough to give the seat back when the same page rejoins. */
const SeatedPlayerSchema = z.strictObject({
  token: Secret,
  name: DisplayNameSchema,
  post: IdSchema.optional(),
  ready: z.boolean(),
});

/**
 * One running drill as the database keeps it between restarts: its inputs, never its state.
 * The engine is deterministic, so replaying `inputs` from `seed` up to `clock` rebuilds the
 * drill exactly (shared/sim/replay.ts).
 *
 * The trainer key and the players' seat tokens are stored so that the trainer's link and the
 * players' pages keep working across a restart. That is acceptable because they only open this
 * one drill, they live no longer than it (the checkpoint is deleted when the drill finishes,
 * fails or is abandoned), and whoever can read this database can already read every result.
 */
export const CheckpointSchema = z.strictObject({
  version: z.literal(1),
  /** The process that runs the drill (its public address, or "single"): only it restores it. */
  owner: z.string().min(1).max(200),
  code: z.string().length(CODE_LENGTH).refine((c) => [...c].every((ch) => CODE_ALPHABET.includes(ch)), 'not a join code'),
  scenario: z.strictObject({ id: IdSchema, hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  seed: z.number().int().min(0).max(0xffffffff),
  create: CreateDrillSchema,
  trainerKey: Secret,
  roster: z.record(IdSchema, z.strictObject({ kind: z.enum(['human', 'bot']), name: z.string().max(64).optional(), skill: SkillSchema.optional() })),
  phase: z.enum(['lobby', 'running', 'paused']),
  speed: SpeedSchema,
  /** Scenario time of the last step, in whole seconds: the replay runs on to it. */
  clock: z.number().int().nonnegative(),
  inputs: z.array(InputSchema).max(100_000),
  players: z.array(SeatedPlayerSchema).max(100),
  startedAt: z.iso.datetime(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;
