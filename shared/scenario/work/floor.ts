import { z } from 'zod';
import { TextSchema } from '../../i18n/text.js';
import { EffectSchema, IdSchema, PlaceSchema, QualitySchema } from '../parts.js';

export { PLACES, PlaceSchema, type Place } from '../parts.js';

/** How a place serves a customer of an archetype: judged by the procedure, with what follows and how long it takes. */
export const ServiceSchema = z.strictObject({
  quality: QualitySchema,
  /** Scenario minutes the place is busy with the customer. */
  minutes: z.number().int().min(1).max(60),
  effects: z.array(EffectSchema).default([]),
  note: TextSchema,
});
export type Service = z.infer<typeof ServiceSchema>;

/**
 * The branch floor: customers of the archetypes in `customers` who walk into `room` take a ticket
 * number and wait; the lobby's post assigns each to a place. A place not listed for an archetype
 * serves it poorly. The crowd meter (waiting customers plus twice those filming) past `meter.threshold`
 * fires `meter.inject` once: the newsroom hears of the crowd.
 */
export const FloorSchema = z.strictObject({
  room: IdSchema,
  capacity: z.strictObject({
    counter: z.number().int().min(1).max(8),
    'private-room': z.number().int().min(0).max(4).default(1),
    security: z.number().int().min(0).max(4).default(1),
  }),
  customers: z
    .array(
      z.strictObject({
        archetype: IdSchema,
        /** Shown on the floor: this customer disrupts the queue. */
        disruptive: z.boolean().default(false),
        places: z.partialRecord(PlaceSchema, ServiceSchema),
      }),
    )
    .min(1),
  meter: z.strictObject({ threshold: z.number().int().min(1).max(50), inject: IdSchema }),
  /** What reading a published statement to the queue does: the waiting crowd's mood, continuity. */
  line: z.strictObject({ crowd: z.number().int().min(1).max(50).default(15), continuity: z.number().int().min(1).max(10).default(2), note: TextSchema }),
  procedure: TextSchema,
});
export type Floor = z.infer<typeof FloorSchema>;
