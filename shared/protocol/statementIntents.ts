import { z } from 'zod';
import { IdSchema } from '../scenario/parts.js';
import { LINE_ELEMENTS, ToneSchema, type LineElement } from '../scenario/work/statements.js';
import { FeedActionSchema } from '../scenario/work/feed.js';

/**
 * A statement as composed: the line chosen for each element written by lines (an element left
 * out is absent), the claims stated as its facts, and the tone.
 */
export const DraftSchema = z.strictObject({
  lines: z.strictObject(
    Object.fromEntries(LINE_ELEMENTS.map((e) => [e, IdSchema.optional()])) as Record<LineElement, z.ZodOptional<typeof IdSchema>>,
  ),
  claims: z.array(IdSchema).max(8),
  tone: ToneSchema,
});
export type Draft = z.infer<typeof DraftSchema>;

/** The newsroom's work on statements and its feed, and the approver's answer to a draft. */
export const STATEMENT_INTENTS = [
  /** Publish a statement that needs no approval. */
  z.strictObject({ type: z.literal('publish'), statement: IdSchema, draft: DraftSchema }),
  /** Send a draft to the statement's approver. */
  z.strictObject({ type: z.literal('submitDraft'), statement: IdSchema, draft: DraftSchema }),
  /** The approver's verdict on the draft waiting for it: approved drafts go out at once. */
  z.strictObject({ type: z.literal('review'), statement: IdSchema, verdict: z.enum(['approve', 'return']) }),
  /** Act on a post in the feed: reply with the published statement, rebut it with a claim, or escalate it to ops. */
  z.strictObject({ type: z.literal('feed'), item: IdSchema, action: FeedActionSchema, claim: IdSchema.optional() }),
] as const;
