import { z } from 'zod';
import { ClockTimeSchema } from './clockTime.js';
import { IdSchema } from './parts.js';

/**
 * A stream of arrivals: of the injects in `pool` (each brings a caller, a walk-in or a post), the
 * drill's seed picks `count` and their order, and spreads them over the window from `from` to
 * `to`, one in each equal slot at a seeded moment. So every morning is busy in the same measure,
 * but no two seeds bring the same people in the same order, and no inject comes twice.
 */
export const ArrivalStreamSchema = z
  .strictObject({
    id: IdSchema,
    from: ClockTimeSchema,
    to: ClockTimeSchema,
    pool: z.array(IdSchema).min(1),
    /** How many of the pool arrive; all of them without it. */
    count: z.number().int().min(1).optional(),
  })
  .refine((s) => s.to > s.from, { message: '"to" must come after "from"', path: ['to'] })
  .refine((s) => s.count === undefined || s.count <= s.pool.length, { message: 'count cannot exceed the pool', path: ['count'] });
export type ArrivalStream = z.infer<typeof ArrivalStreamSchema>;
