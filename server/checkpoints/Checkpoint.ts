import { z } from 'zod';
import { SkillSchema } from '../../shared/bots/skill.js';
import { CODE_ALPHABET, CODE_LENGTH } from '../../shared/protocol/joinCode.js';
import { ByParticipantSchema, InputSchema } from '../../shared/protocol/intents.js';
import { DisplayNameSchema, ModeSchema, SpeedSchema } from '../../shared/protocol/messages.js';
import { IdSchema } from '../../shared/scenario/schema.js';
import { LevelSchema } from '../../shared/scenario/levels.js';

/** A running drill is written at most this often (real time), so a restart loses at most this much. */
export const CHECKPOINT_EVERY_MS = 2000;


const Secret = z.string().min(16).max(64);

/** A player who held a seat: enough to give the seat back when the same page rejoins. */
const SeatedPlayerSchema = z.strictObject({
  id: ByParticipantSchema,
  token: Secret,
  name: DisplayNameSchema,
  post: IdSchema.optional(),
  ready: z.boolean(),
});

/** The server's creation record of the drill (server/store/drillCreation.ts), which the result is verified against. */
export const CreationSchema = z.strictObject({
  id: z.uuid(),
  code: z.string().length(CODE_LENGTH),
  mode: ModeSchema,
  scenarioId: IdSchema,
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
  seed: z.number().int().min(0).max(0xffffffff),
  speed: SpeedSchema,
  team: DisplayNameSchema.nullable(),
  competitionId: z.string().max(64).nullable(),
  soloPost: IdSchema.nullable(),
  botSkill: SkillSchema,
  // Checkpoints written before levels existed ran at the standard level.
  level: LevelSchema.default('standard'),
  createdAt: z.iso.datetime(),
});

/**
 * One running drill as the database keeps it between restarts: its inputs, never its state.
 * The engine is deterministic, so re-running `inputs` from the creation's seed up to `clock`
 * rebuilds the drill exactly, bots included (shared/session/regenerateLog.ts).
 *
 * The trainer key and the players' seat tokens are stored so that the trainer's link and the
 * players' pages keep working across a restart. That is acceptable because they only open this
 * one drill, they live no longer than it (the checkpoint is deleted when the drill finishes,
 * fails or is abandoned), and whoever can read this database can already read every result.
 */
export const CheckpointSchema = z.strictObject({
  /** 2: logs that name who made each move and who held each post (version 1 logs cannot be verified). */
  version: z.literal(2),
  /** The process that runs the drill (its public address, or "single"): only it restores it. */
  owner: z.string().min(1).max(200),
  code: z.string().length(CODE_LENGTH).refine((c) => [...c].every((ch) => CODE_ALPHABET.includes(ch)), 'not a join code'),
  scenario: z.strictObject({ id: IdSchema, hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  creation: CreationSchema,
  trainerKey: Secret,
  /** The trainer's public id in the log, when the trainer has joined. */
  trainerId: ByParticipantSchema.optional(),
  phase: z.enum(['lobby', 'running', 'paused']),
  /** The last participant id handed out, so that ids stay unique across the restart. */
  lastParticipant: z.number().int().nonnegative().max(10_000),
  speed: SpeedSchema,
  /** Scenario time of the last step, in whole seconds: the replay runs on to it. */
  clock: z.number().int().nonnegative(),
  inputs: z.array(InputSchema).max(100_000),
  players: z.array(SeatedPlayerSchema).max(100),
  startedAt: z.iso.datetime(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;
