import { z } from 'zod';

// What a replay check finds, as data: the server sends it with a replay and the client compares
// its own replay with it. Apart from verifyReplay.ts (which runs the engine), so that reading a
// replay's answer (client/net/api.ts) does not bring the engine into the page's first download.

const Value = z.union([z.string(), z.number(), z.null()]);

/** One thing the replay did not reproduce: `what` names it ('scores.trust', 'expected.report-regulator'...). */
export const DifferenceSchema = z.strictObject({ what: z.string(), stored: Value, replayed: Value });
export type Difference = z.infer<typeof DifferenceSchema>;

export const VerificationSchema = z.strictObject({ matches: z.boolean(), differences: z.array(DifferenceSchema) });
export type Verification = z.infer<typeof VerificationSchema>;
