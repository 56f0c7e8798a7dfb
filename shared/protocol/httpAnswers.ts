import { z } from 'zod';
import { DebriefSchema } from '../debrief/schema.js';
import { CompetitionViewSchema } from './competition.js';
import { ModeSchema } from './messages.js';

// The answers of the JSON routes that have no schema of their own elsewhere (the board, the
// competition view, the replay and the scenario list do: leaderboard.ts, competition.ts,
// shared/replay/replayResponse.ts, scenarioList.ts). The server types its answers with these and
// the client checks what it receives against them (client/net/api.ts).

/** 201 of POST /api/drills: the join code, and for a training drill the trainer's key (shown once). */
export const CreatedDrillSchema = z.object({ code: z.string(), mode: ModeSchema, trainerKey: z.string().optional() });
export type CreatedDrill = z.infer<typeof CreatedDrillSchema>;

/** GET /api/competitions: the most recent competitions, without their standings. */
export const CompetitionListSchema = z.array(CompetitionViewSchema.omit({ standings: true }));

/** GET /api/drills/:id/debrief: which drill, and its debrief (whole, or narrowed to one post). */
export const DebriefAnswerSchema = z.object({
  drill: z.object({ id: z.string(), mode: ModeSchema, team: z.string().nullable(), scenarioId: z.string(), startedAt: z.string(), finishedAt: z.string() }),
  debrief: DebriefSchema,
});
export type DebriefAnswer = z.infer<typeof DebriefAnswerSchema>;

/** 201 of POST /api/drills/:id/survey. */
export const SurveyAcceptedSchema = z.object({ ok: z.literal(true) });
