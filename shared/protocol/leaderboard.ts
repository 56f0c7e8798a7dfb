import { z } from 'zod';
import { IdSchema } from '../scenario/schema.js';
import { DisplayNameSchema } from './messages.js';
import { LevelSchema, type Level } from '../scenario/levels.js';

/** Boards a scenario has: one for team drills, one per post for solo practice. */
export const BOARD_MODES = ['team', 'solo'] as const;

const PageNumber = z.coerce.number().int('a whole page number').min(1, 'pages start at 1').max(100_000);

/** Query of GET /api/leaderboard (query-string values arrive as text, hence the coercion). */
export const BoardQuerySchema = z
  .strictObject({
    scenario: IdSchema,
    mode: z.enum(BOARD_MODES),
    post: IdSchema.optional(),
    /** Each level has its own boards: an introductory morning is not ranked against an advanced one. */
    level: LevelSchema.default('standard'),
    page: PageNumber.default(1),
    pageSize: z.coerce.number().int().min(1).max(50, 'at most 50 a page').default(10),
  })
  .refine((q) => (q.mode === 'solo') === (q.post !== undefined), { message: 'solo boards are per post (give post); the team board has none', path: ['post'] });
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const BoardRowSchema = z.object({
  rank: z.number().int(),
  /** The team, or the solo player's display name. */
  name: z.string(),
  post: z.string().nullable(),
  total: z.number(),
  scores: z.record(z.string(), z.number()),
  finishedAt: z.string(),
  /** Scenario seconds from the start of the drill clock to the ending. */
  durationSeconds: z.number().int(),
});
export type BoardRow = z.infer<typeof BoardRowSchema>;

/** Reply of GET /api/leaderboard: one page of the board, each name once with its best verified drill. */
export const BoardPageSchema = z.object({
  scenario: z.string(),
  mode: z.enum(BOARD_MODES),
  post: z.string().nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many names the board holds, over all its pages. */
  entries: z.number().int(),
  pages: z.number().int(),
  rows: z.array(BoardRowSchema),
});
export type BoardPage = z.infer<typeof BoardPageSchema>;

/** Query of GET /api/personal-bests. */
export const PersonalBestsQuerySchema = z.strictObject({ name: DisplayNameSchema });

export const PersonalBestsSchema = z.object({
  name: z.string(),
  bests: z.array(BoardRowSchema.omit({ rank: true }).extend({ scenario: z.string() })),
});
export type PersonalBests = z.infer<typeof PersonalBestsSchema>;

/**
 * The board a drill is ranked on: the team board or a solo post's, per level. Standard keeps the
 * names boards had before levels existed.
 */
export function boardName(mode: 'team' | 'solo', post: string | null, level: Level): string {
  const base = mode === 'team' ? 'team' : `solo:${post}`;
  return level === 'standard' ? base : `${base}@${level}`;
}
