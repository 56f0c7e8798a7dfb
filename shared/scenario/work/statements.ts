import { z } from 'zod';
import { TextSchema } from '../../i18n/text.js';
import { ChoiceSchema, ConditionSchema, EffectSchema, IdSchema } from '../parts.js';

/** What a public statement is made of, after the procedure's template (seed 004). */
export const STATEMENT_ELEMENTS = ['acknowledge', 'apologise', 'facts', 'actions', 'commitments', 'channel'] as const;
export const StatementElementSchema = z.enum(STATEMENT_ELEMENTS);
export type StatementElement = z.infer<typeof StatementElementSchema>;
/** The elements written by choosing a line; `facts` is written by choosing claims instead. */
export const LINE_ELEMENTS = ['acknowledge', 'apologise', 'actions', 'commitments', 'channel'] as const;
export type LineElement = (typeof LINE_ELEMENTS)[number];

export const TONES = ['plain', 'formal', 'defensive'] as const;
export const ToneSchema = z.enum(TONES);
export type Tone = z.infer<typeof ToneSchema>;

/**
 * A line on offer for one element. `effects`: what publishing it does besides its score, for a
 * line whose harm outlasts the moment (naming a customer is a privacy breach a complaint follows).
 */
export const StatementLineSchema = ChoiceSchema.extend({ effects: z.array(EffectSchema).default([]) });

const LinesSchema = z.strictObject(
  Object.fromEntries(LINE_ELEMENTS.map((e) => [e, z.array(StatementLineSchema).min(2, 'needs 2 to 4 lines').max(4, 'needs 2 to 4 lines').optional()])) as Record<
    LineElement,
    z.ZodOptional<z.ZodArray<typeof StatementLineSchema>>
  >,
);

/**
 * A statement the newsroom composes from parts and publishes: a holding statement, a later
 * update. Each is published once; it is scored by the engine from this data (which lines, which
 * claims, which tone) at the moment it goes out, not picked whole from a list.
 */
export const StatementSchema = z.strictObject({
  id: IdSchema,
  /** The post that writes and publishes it. */
  post: IdSchema,
  title: TextSchema,
  /** From when it can be composed; from the start without it. */
  opens: ConditionSchema.optional(),
  /** A post (in another room) that must approve the draft before it goes out. */
  approver: IdSchema.optional(),
  /** The elements the procedure requires; a statement without one of them is incomplete. */
  elements: z.array(StatementElementSchema).min(1),
  /** The lines on offer for each element written by choosing a line. */
  lines: LinesSchema,
  /** The public's questions its facts should answer: each a claim topic, and how the public asks it. */
  topics: z.array(z.strictObject({ topic: IdSchema, question: TextSchema })).default([]),
  tone: z.strictObject({ best: ToneSchema, note: TextSchema }),
  /** What publishing it does besides its score: a flag a duty waits on, a follow-up. */
  onPublish: z.array(EffectSchema).default([]),
  /** What follows besides when it states anything its room had not confirmed: a flag a later story waits on. */
  onRisky: z.array(EffectSchema).default([]),
  /** What the procedure asks of such a statement, shown in the debrief. */
  procedure: TextSchema,
});
export type Statement = z.infer<typeof StatementSchema>;
