import { z } from 'zod';
import { STATEMENT_ELEMENTS, TONES } from '../../scenario/work/statements.js';
import { FEED_ACTIONS } from '../../scenario/work/feed.js';
import type { Cause } from '../drillState.js';

const ClaimVerdictSchema = z.strictObject({ claim: z.string(), status: z.enum(['confirmed', 'unconfirmed', 'disproved']) });

/** Events of the rooms' own work; `base` is the seq, time and room every event carries. */
export const WORK_EVENTS = <B extends z.ZodRawShape>(base: B, CauseSchema: z.ZodType<Cause>) =>
  [
    /** A draft went to its approver (the newsroom's event; the approver sees it in its panel). */
    z.strictObject({ ...base, type: z.literal('draftSubmitted'), post: z.string(), statement: z.string(), approver: z.string() }),
    /** The approver's answer, told to the room that wrote the draft. */
    /** `risky`: the draft stated what its room had not confirmed; `sound`: the procedure would change nothing in it. */
    z.strictObject({ ...base, type: z.literal('draftReviewed'), post: z.string(), statement: z.string(), verdict: z.enum(['approve', 'return']), risky: z.boolean(), sound: z.boolean() }),
    /** A statement went out, public: what it said, which claims (as the room could tell them) and what it left out. */
    z.strictObject({
      ...base,
      type: z.literal('statementPublished'),
      post: z.string(),
      statement: z.string(),
      lines: z.record(z.string(), z.string()),
      claims: z.array(ClaimVerdictSchema),
      missing: z.array(z.enum(STATEMENT_ELEMENTS)),
      open: z.array(z.string()),
      tone: z.enum(TONES),
    }),
    /** Two rooms gave the public different answers to one question. */
    z.strictObject({ ...base, type: z.literal('claimContradicted'), claim: z.string(), other: z.string(), otherRoom: z.string(), topic: z.string() }),
    /** A post appeared in the newsroom's feed. */
    z.strictObject({ ...base, type: z.literal('feedPosted'), item: z.string(), heat: z.number(), cause: CauseSchema }),
    /**
     * The newsroom replied to, rebutted or escalated a post; `heat` is its heat afterwards. A
     * rebuttal names its `claim`, and `backfired` when that was no confirmed fact on the post's question.
     */
    z.strictObject({ ...base, type: z.literal('feedAnswered'), post: z.string(), item: z.string(), action: z.enum(FEED_ACTIONS), heat: z.number(), claim: z.string().optional(), backfired: z.boolean().optional() }),
    /** A post's heat reached its threshold: it blew up. */
    z.strictObject({ ...base, type: z.literal('feedBlewUp'), item: z.string() }),
    /** A report was filed; each field with the claim chosen (null: blank) and how it was judged. */
    z.strictObject({
      ...base,
      type: z.literal('reportFiled'),
      post: z.string(),
      report: z.string(),
      fields: z.array(z.strictObject({ field: z.string(), claim: z.string().nullable(), verdict: z.enum(['accurate', 'unconfirmed', 'wrong', 'blank']) })),
    }),
    /** A claim said in public proved wrong. */
    z.strictObject({ ...base, type: z.literal('claimExposed'), claim: z.string(), rooms: z.array(z.string()) }),
  ] as const;
