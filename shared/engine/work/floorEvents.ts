import { z } from 'zod';
import { PLACES, QUALITIES } from '../../scenario/parts.js';

/** Events of the branch floor; `base` is the seq, time and room every event carries; `cause` the engine's cause schema. */
export const FLOOR_EVENTS = <B extends z.ZodRawShape, C extends z.ZodTypeAny>(base: B, cause: C) =>
  [
    /** A customer walked in and took ticket number `number`. */
    z.strictObject({ ...base, type: z.literal('floorTicket'), npc: z.string(), number: z.number().int().positive() }),
    /** The lobby sent a waiting customer to a place, busy until `until`; `quality`: how well it serves them. */
    z.strictObject({ ...base, type: z.literal('customerAssigned'), post: z.string(), npc: z.string(), number: z.number().int().positive(), place: z.enum(PLACES), quality: z.enum(QUALITIES), until: z.number().int().nonnegative() }),
    z.strictObject({ ...base, type: z.literal('placeFreed'), number: z.number().int().positive(), place: z.enum(PLACES) }),
    /** A published statement was read aloud to the queue. */
    z.strictObject({ ...base, type: z.literal('lineRead'), post: z.string(), statement: z.string() }),
    /** The crowd meter passed its threshold: `inject` (the newsroom's) fired. */
    z.strictObject({ ...base, type: z.literal('crowdMeter'), value: z.number().int(), threshold: z.number().int(), inject: z.string() }),
    z.strictObject({ ...base, type: z.literal('floorCapacity'), place: z.enum(PLACES), capacity: z.number().int().nonnegative(), cause }),
  ] as const;
