import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { IdSchema } from '../scenario/parts.js';
import { LINE_ELEMENTS, TONES } from '../scenario/work/statements.js';
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

export const WorkPanelSchema = z.strictObject({
  claims: z.array(ClaimViewSchema),
  composing: z.array(ComposerViewSchema),
  reviews: z.array(ReviewViewSchema),
  published: z.array(PublishedViewSchema),
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
export type { EscalationView, FloorPanel, PhonePanel, QueuedCallView, TicketView } from './roomWorkPanel.js';
