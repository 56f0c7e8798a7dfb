import { z } from 'zod';
import { IdSchema, PlaceSchema } from '../scenario/parts.js';

/** The branch floor's work: where each waiting customer goes, and reading the published line to the queue. */
export const FLOOR_INTENTS = [
  /** Send the customer holding ticket number `ticket` to a place. */
  z.strictObject({ type: z.literal('assign'), ticket: z.number().int().min(1).max(9999), place: PlaceSchema }),
  /** Read a published statement aloud to everyone waiting. */
  z.strictObject({ type: z.literal('readLine'), statement: IdSchema }),
] as const;
