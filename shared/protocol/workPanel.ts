import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { IdSchema } from '../scenario/parts.js';
import { LINE_ELEMENTS, TONES } from '../scenario/work/statements.js';
import { FEED_ACTIONS } from '../scenario/work/feed.js';
import { BOARD_KINDS } from '../scenario/work/opsBoard.js';
import { EscalationViewSchema, FloorPanelSchema, PhonePanelSchema } from './roomWorkPanel.js';

/**
 * The rooms' own work as one post sees it: the `work` part of its panel. The engine builds it
 * (shared/engine/work/workView.ts) with every list in an order drawn from the seed.
 */
const Clock = z.number().int().nonnegative();
const ToneSchema = z.enum(TONES);
const LineElementSchema = z.enum(LINE_ELEMENTS);
const OptionSchema = z.strictObject({ id: IdSchema, text: TextSchema });
const LineTextSchema = z.strictObject({ element: LineElementSchema, text: TextSchema });

/** A claim the room has heard and could state, with what it can tell of it. */
export const ClaimViewSchema = z.strictObject({ id: IdSchema, topic: IdSchema, text: TextSchema, status: z.enum(['confirmed', 'unconfirmed', 'disproved']) });

/** A statement this post writes; `questions` are what the public asks that its facts should answer. */
export const ComposerViewSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  approver: IdSchema.optional(),
  status: z.enum(['drafting', 'pending', 'published']),
  returned: z.number().int().nonnegative(),
  lines: z.partialRecord(LineElementSchema, z.array(OptionSchema)),
  questions: z.array(z.strictObject({ topic: IdSchema, question: TextSchema })),
  tones: z.array(ToneSchema),
});

/** A draft waiting for this post's approval, its claims as this post's room can tell them. */
export const ReviewViewSchema = z.strictObject({
  statement: IdSchema,
  title: TextSchema,
  author: IdSchema,
  since: Clock,
  lines: z.array(LineTextSchema),
  claims: z.array(ClaimViewSchema),
  tone: ToneSchema,
});

/** A statement that went out: every room reads it. */
export const PublishedViewSchema = z.strictObject({
  statement: IdSchema,
  title: TextSchema,
  at: Clock,
  lines: z.array(LineTextSchema),
  claims: z.array(OptionSchema),
  tone: ToneSchema,
});

/** A post in the newsroom's feed, with its heat now and the actions on offer (in an order drawn from the seed). */
export const FeedItemViewSchema = z.strictObject({
  id: IdSchema,
  author: TextSchema,
  text: TextSchema,
  postedAt: Clock,
  heat: z.number().int().min(0).max(100),
  threshold: z.number().int(),
  /** Whether its heat is still rising (it stops once its question was answered with a confirmed fact). */
  rising: z.boolean(),
  blewUp: z.boolean(),
  done: z.array(z.enum(FEED_ACTIONS)),
  actions: z.array(z.enum(FEED_ACTIONS)),
  /** The actions that cannot be taken now, with the engine's reason (its refusal code). */
  blocked: z.partialRecord(z.enum(FEED_ACTIONS), z.string()),
});

/** A report this post files: each field offers claims (in an order drawn from the seed) with what the room can tell of each. */
export const ReportViewSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  filedAt: Clock.nullable(),
  fields: z.array(
    z.strictObject({
      id: IdSchema,
      label: TextSchema,
      options: z.array(ClaimViewSchema),
      /** Once filed: the claim chosen, or null when left blank. */
      filed: IdSchema.nullable(),
    }),
  ),
});

const BoardKindSchema = z.enum(BOARD_KINDS);

/** An option of the incident board as offered: what it takes, and whether it can be started now. */
const BoardOptionSchema = z.strictObject({
  kind: BoardKindSchema,
  id: IdSchema,
  text: TextSchema,
  /** Scenario minutes it runs (investigations, fixes, units on their way). */
  minutes: z.number().int().optional(),
  staff: z.number().int(),
  /** Null when it can be started now; otherwise the refusal code it would get. */
  blocked: z.string().nullable(),
});

/** The ops room's incident board: people, what runs, what is done, and the options in an order drawn from the seed. */
export const BoardViewSchema = z.strictObject({
  staff: z.number().int(),
  free: z.number().int(),
  running: z.array(z.strictObject({ kind: BoardKindSchema, id: IdSchema, text: TextSchema, startedAt: Clock, doneAt: Clock, staff: z.number().int() })),
  done: z.array(z.strictObject({ kind: BoardKindSchema, id: IdSchema, text: TextSchema, at: Clock, ok: z.boolean().optional() })),
  level: IdSchema.nullable(),
  groups: z.array(IdSchema),
  options: z.array(BoardOptionSchema),
});

export const WorkPanelSchema = z.strictObject({
  claims: z.array(ClaimViewSchema),
  composing: z.array(ComposerViewSchema),
  reviews: z.array(ReviewViewSchema),
  published: z.array(PublishedViewSchema),
  /** The newsroom's feed, newest first; empty for other rooms. */
  feed: z.array(FeedItemViewSchema),
  /** Reports this post files, once they can be filed. */
  reports: z.array(ReportViewSchema),
  /** The incident board, for the ops room in a scenario that has one. */
  board: BoardViewSchema.nullable(),
  /** The hotline's queue, line, wrap-up and tickets: for the posts that answer it. */
  phone: PhonePanelSchema.optional(),
  /** Escalations from the hotline: for the post whose inbox they go to. */
  inbox: z.array(EscalationViewSchema).optional(),
  /** The branch floor: for the posts that run it. */
  floor: FloorPanelSchema.optional(),
});

export type ClaimView = z.infer<typeof ClaimViewSchema>;
export type ComposerView = z.infer<typeof ComposerViewSchema>;
export type ReviewView = z.infer<typeof ReviewViewSchema>;
export type PublishedView = z.infer<typeof PublishedViewSchema>;
export type WorkView = z.infer<typeof WorkPanelSchema>;
export type FeedItemView = z.infer<typeof FeedItemViewSchema>;
export type ReportView = z.infer<typeof ReportViewSchema>;
export type BoardView = z.infer<typeof BoardViewSchema>;
export type { EscalationView, FloorPanel, PhonePanel, QueuedCallView, TicketView } from './roomWorkPanel.js';
