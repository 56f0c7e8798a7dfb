import { z } from 'zod';
import { IdSchema } from '../scenario/schema.js';
import { SpeedSchema } from './messages.js';
import { BoardRowSchema } from './leaderboard.js';
import { LevelSchema } from '../scenario/levels.js';

export const CompetitionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'not a competition id');

/**
 * HTTP body of POST /api/competitions. The window defaults to "from now, for 24 hours"; the
 * server picks the seed, and every team that enters plays on it at the given speed.
 */
export const CreateCompetitionSchema = z.strictObject({
  scenario: IdSchema,
  name: z
    .string()
    .trim()
    .min(1, 'name the competition')
    .max(60, 'use at most 60 characters')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters'),
  speed: SpeedSchema.optional(),
  /** Every team's drill runs at this level (standard when left out). */
  level: LevelSchema.optional(),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateCompetition = z.infer<typeof CreateCompetitionSchema>;

/** HTTP body of POST /api/competitions/:id/close. */
export const CloseCompetitionSchema = z.strictObject({ organiserKey: z.string().min(16).max(64) });

export const COMPETITION_PHASES = ['upcoming', 'open', 'closed'] as const;

/** A team in the standings: ranked once it has a verified result, else still playing (or without one). */
export const StandingSchema = z.object({
  team: z.string(),
  status: z.enum(['finished', 'playing', 'no-result']),
  /** Rank by verified total, ties to the earlier finish; null without a result. */
  rank: z.number().int().nullable(),
  result: BoardRowSchema.omit({ rank: true, name: true }).nullable(),
});
export type Standing = z.infer<typeof StandingSchema>;

/** Reply of GET /api/competitions/:id: live standings while open, the final ranking once closed. */
export const CompetitionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scenario: z.string(),
  speed: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  phase: z.enum(COMPETITION_PHASES),
  final: z.boolean(),
  standings: z.array(StandingSchema),
});
export type CompetitionView = z.infer<typeof CompetitionViewSchema>;

/** Reply of POST /api/competitions: the organiser key is shown once and closes the competition. */
export const CreatedCompetitionSchema = CompetitionViewSchema.extend({ organiserKey: z.string() });
