import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { DimensionSchema, DIMENSIONS } from '../scores/dimensions.js';
import { ClockTimeSchema, MinutesSchema } from './clockTime.js';

/* The building blocks every part of a scenario file uses: ids, qualities, conditions and effects. */

/** Ids are lowercase kebab-case so that they read well in YAML, logs and URLs. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case, for example angry-depositor');

export const ROOM_TYPES = ['lobby', 'phone', 'newsroom', 'ops'] as const;
export const RoomTypeSchema = z.enum(ROOM_TYPES);

export const NPC_KINDS = ['customer', 'caller', 'reporter', 'blogger', 'official', 'executive', 'staff', 'system'] as const;

/**
 * What a response does, as the NPC perceives it. Archetypes list the tags that calm or anger
 * them, so the same answer lands differently on an elderly customer and on a blogger.
 */
export const RESPONSE_TAGS = [
  'empathy', 'apology', 'facts', 'script', 'private-room', 'security', 'escalate', 'data-check',
  'callback', 'compensation', 'promise', 'brush-off', 'jargon', 'speculation', 'no-comment', 'blame',
] as const;
export const ResponseTagSchema = z.enum(RESPONSE_TAGS);

/** How good a response is against the procedure; bots of each skill and the debrief read it. */
export const QUALITIES = ['best', 'good', 'poor', 'bad'] as const;
export const QualitySchema = z.enum(QUALITIES);
export type Quality = z.infer<typeof QualitySchema>;

export const MoodValueSchema = z.number().int().min(0).max(100);

/**
 * Conditions on the drill's state. `fact` asks whether the acting room knows a fact (inside an
 * interaction) or whether any room does (elsewhere, unless `room` is given). `mood` only makes
 * sense inside an interaction, where it reads the speaking NPC's mood.
 */
export const ConditionSchema: z.ZodType<Condition, ConditionInput> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: IdSchema }),
    z.strictObject({ fact: IdSchema, room: IdSchema.optional() }),
    z.strictObject({ mood: z.strictObject({ atLeast: MoodValueSchema.optional(), below: MoodValueSchema.optional() }) }),
    z.strictObject({ score: DimensionSchema, atLeast: z.number().optional(), below: z.number().optional() }),
    z.strictObject({ after: ClockTimeSchema }),
    z.strictObject({ before: ClockTimeSchema }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);
export type Condition =
  | { flag: string }
  | { fact: string; room?: string }
  | { mood: { atLeast?: number; below?: number } }
  | { score: (typeof DIMENSIONS)[number]; atLeast?: number; below?: number }
  | { after: number }
  | { before: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
type ConditionInput =
  | { flag: string }
  | { fact: string; room?: string }
  | { mood: { atLeast?: number; below?: number } }
  | { score: (typeof DIMENSIONS)[number]; atLeast?: number; below?: number }
  | { after: string }
  | { before: string }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };

export const EffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('score'),
    dim: DimensionSchema,
    delta: z.number().int().min(-30).max(30).refine((d) => d !== 0, 'a score effect must move the score'),
    reason: TextSchema,
  }),
  /** Moves the mood of the NPC the interaction is with. */
  z.strictObject({ type: z.literal('mood'), delta: z.number().int().min(-100).max(100) }),
  /** Moves the mood of everyone still waiting in a room, except those already calm. */
  z.strictObject({ type: z.literal('crowd'), room: IdSchema, delta: z.number().int().min(-100).max(100) }),
  z.strictObject({ type: z.literal('setFlag'), flag: IdSchema }),
  z.strictObject({ type: z.literal('clearFlag'), flag: IdSchema }),
  /** The acting room (or the inject's room, or `room`) now knows the fact. */
  z.strictObject({ type: z.literal('learnFact'), fact: IdSchema, room: IdSchema.optional() }),
  /** Fires an inject later: "the customer posts online in ten minutes". */
  z.strictObject({ type: z.literal('followUp'), inject: IdSchema, after: MinutesSchema }),
  /** Calls off pending follow-ups of an inject: a rebuttal that stops a story before it runs. */
  z.strictObject({ type: z.literal('cancelFollowUp'), inject: IdSchema }),
  /** A post appears in the newsroom's feed (once). */
  z.strictObject({ type: z.literal('feedPost'), item: IdSchema }),
]);
export type Effect = z.infer<typeof EffectSchema>;

/**
 * One option a player picks from a list (a line of a statement, a field of a report): like a
 * response, it is shown in an order drawn from the seed and judged by the procedure.
 */
export const ChoiceSchema = z.strictObject({
  id: IdSchema,
  text: TextSchema,
  quality: QualitySchema,
  /** Why it is good or poor, citing the procedure: the debrief shows it. */
  note: TextSchema,
});
export type Choice = z.infer<typeof ChoiceSchema>;
