import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { IdSchema } from './parts.js';

/** A placeholder written `{{name}}` in any line of the scenario, filled by the seed's draw of a value. */
export const PLACEHOLDER = /\{\{([a-z][a-z0-9-]*)\}\}/g;
const PlaceholderNameSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a placeholder is lower-case letters, digits and dashes');

/**
 * One slot of the morning that the seed fills with one of its alternatives: which customer walks
 * in first, which rumour starts, which outlet calls. The injects of the alternatives not drawn do
 * not fire on their own; the trainer can still fire them from the console.
 */
export const VariantSlotSchema = z.strictObject({
  id: IdSchema,
  choices: z.array(z.strictObject({ id: IdSchema, injects: z.array(IdSchema).min(1) })).min(2, 'a slot needs at least 2 alternatives'),
});

/**
 * Complications the seed draws from a pool (a second outage, a forged screenshot, a VIP customer):
 * `count` of them at the standard level, one fewer at introductory, one more at advanced.
 */
export const ComplicationsSchema = z.strictObject({
  count: z.number().int().min(0),
  pool: z
    .array(z.strictObject({ id: IdSchema, label: TextSchema, injects: z.array(IdSchema).min(1) }))
    .min(1),
});

/** An inject's written time moved by the seed, by whole minutes from `earliest` to `latest` (either may be negative). */
export const TimingSchema = z
  .strictObject({ inject: IdSchema, earliest: z.number().int().min(-240).max(240), latest: z.number().int().min(-240).max(240) })
  .refine((t) => t.latest > t.earliest, { message: '"latest" must be after "earliest"', path: ['latest'] });

/**
 * A value the seed picks (an amount, how many accounts, a customer's name): each choice fills
 * the same placeholders, so a name and the words that go with it are drawn together.
 */
export const VariantValueSchema = z
  .strictObject({ id: IdSchema, choices: z.array(z.record(PlaceholderNameSchema, TextSchema)).min(2, 'a value needs at least 2 choices') })
  .refine((v) => v.choices.every((c) => sameKeys(c, v.choices[0]!) && Object.keys(c).length > 0), {
    message: 'every choice must fill the same placeholders',
    path: ['choices'],
  });

export const VariantsSchema = z.strictObject({
  slots: z.array(VariantSlotSchema).default([]),
  complications: ComplicationsSchema.optional(),
  timing: z.array(TimingSchema).default([]),
  values: z.array(VariantValueSchema).default([]),
});
export type Variants = z.infer<typeof VariantsSchema>;

function sameKeys(a: object, b: object): boolean {
  const x = Object.keys(a).sort();
  const y = Object.keys(b).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}
