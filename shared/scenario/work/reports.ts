import { z } from 'zod';
import { TextSchema } from '../../i18n/text.js';
import { ConditionSchema, EffectSchema, IdSchema } from '../parts.js';

/**
 * A written report to an authority (the regulator's form): each field is answered by choosing one
 * of the claims it offers, or left blank as "still being verified". The engine judges each field
 * by what the reporting room could confirm when it was filed: a confirmed accurate claim, an
 * accurate one not yet confirmed, a wrong one, or a blank.
 */
export const ReportSchema = z.strictObject({
  id: IdSchema,
  /** The post that files it. */
  post: IdSchema,
  title: TextSchema,
  /** From when it can be filed; from the start without it. */
  opens: ConditionSchema.optional(),
  fields: z
    .array(
      z.strictObject({
        id: IdSchema,
        label: TextSchema,
        /** The claims it offers as answers. */
        claims: z.array(IdSchema).min(2, 'needs 2 to 6 claims').max(6, 'needs 2 to 6 claims'),
      }),
    )
    .min(1),
  /** What filing it does (a flag the reporting duty waits on). */
  onFiled: z.array(EffectSchema).min(1),
  /** What follows when a field states something that is not so: the authority finds out. */
  onInaccurate: z.array(EffectSchema).default([]),
  /** What the reporting rules ask, shown in the debrief. */
  procedure: TextSchema,
});
export type Report = z.infer<typeof ReportSchema>;
