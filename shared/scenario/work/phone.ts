import { z } from 'zod';
import { TextSchema } from '../../i18n/text.js';
import { ConditionSchema, IdSchema } from '../parts.js';

/** The call-back times a ticket may promise, in scenario minutes (0: no call-back). */
export const CALLBACK_MINUTES = [0, 15, 30, 60] as const;
export type CallbackMinutes = (typeof CALLBACK_MINUTES)[number];
export const CallbackMinutesSchema = z.union(CALLBACK_MINUTES.map((m) => z.literal(m)) as [z.ZodLiteral<0>, z.ZodLiteral<15>, z.ZodLiteral<30>, z.ZodLiteral<60>]);

/**
 * A kind of ticket the hotline logs at the end of a call. `faq`: once it holds (a fact or a flag,
 * usually the published FAQ), the FAQ answers callers of this kind and they need no call-back.
 * `escalate`: calls of this kind go to the incident room's inbox.
 */
export const PhoneCategorySchema = z.strictObject({
  id: IdSchema,
  label: TextSchema,
  faq: ConditionSchema.optional(),
  escalate: z.boolean().default(false),
  /** What the procedure says of such calls, for the debrief. */
  note: TextSchema,
});
export type PhoneCategory = z.infer<typeof PhoneCategorySchema>;

/** A call that queues: the interaction a caller opens with, why they call (shown in the queue), and what the ticket should say. */
export const PhoneCallSchema = z.strictObject({
  interaction: IdSchema,
  /** A few words the queue shows before anyone picks up: "balance shows zero". */
  reason: TextSchema,
  category: IdSchema,
  /** Whether the caller needs a call-back (unless the category's FAQ covers it by the time the ticket is logged). */
  callback: z.boolean().default(false),
  note: TextSchema,
});
export type PhoneCall = z.infer<typeof PhoneCallSchema>;

/**
 * The hotline's queue: callers of `calls` wait in `room` until a post there picks one up; each
 * call ends with a ticket; escalations go to `inbox`, a post in another room.
 */
export const PhoneSchema = z.strictObject({
  room: IdSchema,
  inbox: IdSchema,
  categories: z.array(PhoneCategorySchema).min(2, 'needs 2 to 8 categories').max(8, 'needs 2 to 8 categories'),
  calls: z.array(PhoneCallSchema).min(1),
  /** What the procedure says about tickets and call-backs, for the debrief. */
  procedure: TextSchema,
});
export type Phone = z.infer<typeof PhoneSchema>;
