import { z } from 'zod';
import { IdSchema } from '../scenario/schema.js';

/** NPC ids are made by the engine ("n42"); the bound keeps hostile strings out of look-ups. */
export const NpcIdSchema = z.string().regex(/^n\d{1,6}$/, 'must be an NPC id such as n12');

/** What a post can do in the drill. Every one is checked by the engine against the post and state. */
export const IntentSchema = z.discriminatedUnion('type', [
  /** Answer the NPC waiting in your room with one of the offered responses. */
  z.strictObject({ type: z.literal('respond'), npc: NpcIdSchema, response: IdSchema }),
  /** Send a memo: share a fact your room knows with other rooms. */
  z.strictObject({ type: z.literal('shareFact'), fact: IdSchema, to: z.array(IdSchema).min(1).max(8) }),
]);
export type Intent = z.infer<typeof IntentSchema>;

/** What the trainer can do that changes the drill itself (pause and speed live in the server's clock). */
export const ControlSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('inject'), inject: IdSchema }),
  z.strictObject({ type: z.literal('extendDeadline'), expected: IdSchema, minutes: z.number().int().min(1).max(120) }),
  z.strictObject({ type: z.literal('end') }),
]);
export type Control = z.infer<typeof ControlSchema>;

/** One entry of a drill's input log: the drill is these entries replayed from its seed. */
export const InputSchema = z.union([
  z.strictObject({ at: z.number().int().nonnegative(), post: IdSchema, intent: IntentSchema }),
  z.strictObject({ at: z.number().int().nonnegative(), control: ControlSchema }),
]);
export type DrillInput = z.infer<typeof InputSchema>;
