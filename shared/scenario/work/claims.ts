import { z } from 'zod';
import { TextSchema } from '../../i18n/text.js';
import { IdSchema } from '../parts.js';

/**
 * Something a room could say in public about the incident: "the outage began at 08:55", "no
 * funds were lost". The drill decides whether it is confirmed: a room may state it as soon as it
 * has heard it, but only a room that knows `confirmedBy` knows it to be true. A claim that is not
 * `accurate` is a rumour or a guess that sounds like a fact; once any room learns `disprovedBy`, every
 * place it was said is exposed. Claims on one `topic` answer the same question: two rooms saying
 * different claims of a topic contradict each other unless both are accurate.
 */
export const ClaimSchema = z.strictObject({
  id: IdSchema,
  topic: IdSchema,
  text: TextSchema,
  /** Whether it is so: a claim that is not is a rumour or a guess dressed as a fact. */
  accurate: z.boolean(),
  /** The fact that confirms it (a true claim without one can never be confirmed in this drill). */
  confirmedBy: IdSchema.optional(),
  /** The fact that shows it wrong (only for a claim that is not true). */
  disprovedBy: IdSchema.optional(),
  /** The fact a room must know to have heard the claim at all; without it every room has heard it. */
  heardWith: IdSchema.optional(),
  /** Why stating it was right or risky, citing the procedure: the debrief shows it. */
  note: TextSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;
