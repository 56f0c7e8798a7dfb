import { z } from 'zod';
import { IdSchema } from '../scenario/parts.js';

/** The ops room's own work beside the cards. */
export const OPS_INTENTS = [
  /**
   * File a written report: each field's claim, or null to leave it for a follow-up once verified
   * (a field left out is blank too).
   */
  z.strictObject({ type: z.literal('fileReport'), report: IdSchema, fields: z.record(IdSchema, IdSchema.nullable()).refine((f) => Object.keys(f).length <= 12, 'at most 12 fields') }),
] as const;
