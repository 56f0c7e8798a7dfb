import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { DimensionSchema } from '../scores/dimensions.js';
import type { Cause } from './drillState.js';
import { WORK_EVENTS } from './work/workEvents.js';

/**
 * What the engine reports as it runs: the server forwards them (each to whoever may see it), the
 * debrief is built from them. The schema is the wire contract of the `events` message too; the
 * engine's own code uses the type only.
 */

const Clock = z.number().int().nonnegative();

export const CauseSchema: z.ZodType<Cause> = z.lazy(() =>
  z.strictObject({
    kind: z.enum(['response', 'timeout', 'inject', 'share', 'expected', 'control', 'statement', 'feed', 'report']),
    post: z.string().optional(),
    npc: z.string().optional(),
    archetype: z.string().optional(),
    interaction: z.string().optional(),
    response: z.string().optional(),
    inject: z.string().optional(),
    expected: z.string().optional(),
    fact: z.string().optional(),
    statement: z.string().optional(),
    item: z.string().optional(),
    report: z.string().optional(),
    origin: CauseSchema.optional(),
  }),
);

const EndingSchema = z.strictObject({ id: z.string().nullable(), at: Clock, reason: z.enum(['condition', 'time-up', 'trainer', 'abandoned']) });
const ExpectedStatusSchema = z.enum(['pending', 'met', 'late', 'missed', 'not-applicable']);

/** Fields of every event: its place in the drill's sequence, its time, and the room it happens in (absent: everyone may see it). */
const base = { seq: z.number().int().nonnegative(), at: Clock, room: z.string().optional() };

export const DrillEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('inject'), inject: z.string(), title: TextSchema, message: TextSchema, origin: CauseSchema.optional() }),
  z.strictObject({ ...base, type: z.literal('npcArrived'), npc: z.string(), archetype: z.string(), interaction: z.string() }),
  /** `order`: the responses' ids in the order shown. */
  z.strictObject({ ...base, type: z.literal('interactionOpened'), npc: z.string(), interaction: z.string(), expiresAt: Clock, order: z.array(z.string()) }),
  /** `position`: where the chosen response was shown (1 = first), of `shown` in all. */
  z.strictObject({ ...base, type: z.literal('response'), post: z.string(), npc: z.string(), interaction: z.string(), response: z.string(), quality: z.string(), position: z.number().int(), shown: z.number().int() }),
  z.strictObject({ ...base, type: z.literal('timeout'), npc: z.string(), interaction: z.string(), outcome: TextSchema }),
  z.strictObject({ ...base, type: z.literal('npcLeft'), npc: z.string(), satisfied: z.boolean(), mood: z.number() }),
  z.strictObject({ ...base, type: z.literal('mood'), npc: z.string(), from: z.number(), to: z.number(), cause: CauseSchema }),
  z.strictObject({ ...base, type: z.literal('score'), dim: DimensionSchema, delta: z.number(), value: z.number(), reason: TextSchema, cause: CauseSchema }),
  z.strictObject({ ...base, type: z.literal('flag'), flag: z.string(), set: z.boolean(), cause: CauseSchema }),
  z.strictObject({ ...base, type: z.literal('factLearned'), fact: z.string(), cause: CauseSchema }),
  z.strictObject({ ...base, type: z.literal('factShared'), fact: z.string(), from: z.string(), to: z.array(z.string()), post: z.string() }),
  z.strictObject({ ...base, type: z.literal('followUpScheduled'), inject: z.string(), due: Clock, cause: CauseSchema }),
  z.strictObject({ ...base, type: z.literal('followUpCancelled'), inject: z.string(), count: z.number().int(), cause: CauseSchema }),
  z.strictObject({ ...base, type: z.literal('expected'), expected: z.string(), status: ExpectedStatusSchema, deadline: Clock.optional() }),
  z.strictObject({ ...base, type: z.literal('deadlineExtended'), expected: z.string(), deadline: Clock }),
  z.strictObject({ ...base, type: z.literal('ended'), ending: EndingSchema }),
  ...WORK_EVENTS(base, CauseSchema),
]);

export type DrillEvent = z.infer<typeof DrillEventSchema>;
export type DrillEventType = DrillEvent['type'];
