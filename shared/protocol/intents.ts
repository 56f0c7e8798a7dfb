import { z } from 'zod';
import { SkillSchema } from '../bots/skill.js';
import { IdSchema } from '../scenario/parts.js';
import { STATEMENT_INTENTS } from './statementIntents.js';
import { OPS_INTENTS } from './opsIntents.js';

/** NPC ids are made by the engine ("n42"); the bound keeps hostile strings out of look-ups. */
export const NpcIdSchema = z.string().regex(/^n\d{1,6}$/, 'must be an NPC id such as n12');

/** What a post can do in the drill. Every one is checked by the engine against the post and state. */
export const IntentSchema = z.discriminatedUnion('type', [
  /** Answer the NPC waiting in your room with one of the offered responses. */
  z.strictObject({ type: z.literal('respond'), npc: NpcIdSchema, response: IdSchema }),
  /** Send a memo: share a fact your room knows with other rooms. */
  z.strictObject({ type: z.literal('shareFact'), fact: IdSchema, to: z.array(IdSchema).min(1).max(8) }),
  ...STATEMENT_INTENTS,
  ...OPS_INTENTS,
]);
export type Intent = z.infer<typeof IntentSchema>;
export type IntentOf<T extends Intent['type']> = Extract<Intent, { type: T }>;

/** What the trainer can do that changes the drill itself (pause and speed live in the server's clock). */
export const ControlSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('inject'), inject: IdSchema }),
  z.strictObject({ type: z.literal('extendDeadline'), expected: IdSchema, minutes: z.number().int().min(1).max(120) }),
  z.strictObject({ type: z.literal('end') }),
]);
export type Control = z.infer<typeof ControlSchema>;

/**
 * Who made an input: `bot` for the bot that held the post, otherwise the public id of the
 * participant ("p3"), never a secret token: the log is shown in replays.
 */
export const ByParticipantSchema = z.string().regex(/^p\d{1,4}$/, 'must be a participant id such as p3');
export const BySchema = z.union([z.literal('bot'), ByParticipantSchema]);
export type By = z.infer<typeof BySchema>;

/** Who holds a post from an instant on: a bot of a skill, or a participant by public id and name. */
export const HolderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bot'), skill: SkillSchema }),
  z.strictObject({ kind: z.literal('human'), id: ByParticipantSchema, name: z.string().min(1).max(64) }),
]);
export type Holder = z.infer<typeof HolderSchema>;

/**
 * One entry of a drill's input log: the drill is these entries replayed from its seed. Besides
 * moves (`intent`, `control`), the log keeps who held each post: `start` is the line-up when the
 * clock started and `seat` a change of holder afterwards, so that a verifier can re-run the
 * bots and check that every move came from whoever held the post at that moment. `by` is absent
 * only in logs written before it existed.
 */
export const InputSchema = z.union([
  z.strictObject({ at: z.number().int().nonnegative(), post: IdSchema, intent: IntentSchema, by: BySchema.optional() }),
  z.strictObject({ at: z.number().int().nonnegative(), control: ControlSchema, by: ByParticipantSchema.optional() }),
  z.strictObject({ at: z.number().int().nonnegative(), start: z.record(IdSchema, HolderSchema) }),
  z.strictObject({ at: z.number().int().nonnegative(), seat: IdSchema, holder: HolderSchema }),
]);
export type DrillInput = z.infer<typeof InputSchema>;
export type IntentInput = Extract<DrillInput, { intent: Intent }>;
export type ControlInput = Extract<DrillInput, { control: Control }>;
export type StartInput = Extract<DrillInput, { start: unknown }>;
export type SeatInput = Extract<DrillInput, { seat: string }>;
