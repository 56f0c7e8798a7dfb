import express, { type Router } from 'express';
import { boardName, BoardQuerySchema, PersonalBestsQuerySchema, type BoardPage, type PersonalBests } from '../../shared/protocol/leaderboard.js';
import { rankingOf } from '../competitions/rankingOf.js';
import type { ServerServices } from '../services.js';
import { refuseBadRequest } from './zodRefusal.js';

/**
 * GET /api/leaderboard (a board, page by page) and GET /api/personal-bests. Only drills the
 * server verified by replaying their input logs are ranked (server/leaderboard/).
 */
export function leaderboardRoutes(services: ServerServices): Router {
  const router = express.Router();
  const { leaderboard } = rankingOf(services);

  router.get('/leaderboard', async (req, res) => {
    const parsed = BoardQuerySchema.safeParse(req.query);
    if (!parsed.success) return refuseBadRequest(res, parsed.error, 'query');
    const q = parsed.data;
    const loaded = services.scenarios.get(q.scenario);
    if (!loaded) return void res.status(404).json({ error: { code: 'unknown-scenario', message: `no scenario "${q.scenario}"` } });
    if (q.post !== undefined && !loaded.scenario.posts.some((p) => p.id === q.post)) {
      return void res.status(400).json({ error: { code: 'unknown-post', message: `scenario "${q.scenario}" has no post "${q.post}"` } });
    }
    const board = boardName(q.mode, q.post ?? null, q.level);
    const offset = (q.page - 1) * q.pageSize;
    const { rows, count } = await leaderboard.page(q.scenario, board, offset, q.pageSize);
    const page: BoardPage = {
      scenario: q.scenario,
      mode: q.mode,
      post: q.post ?? null,
      page: q.page,
      pageSize: q.pageSize,
      entries: count,
      pages: Math.ceil(count / q.pageSize),
      rows: rows.map((r, i) => ({ rank: offset + i + 1, name: r.name, post: r.post, total: r.total, scores: r.scores, finishedAt: r.finishedAt, durationSeconds: r.durationSeconds })),
    };
    res.json(page);
  });

  router.get('/personal-bests', async (req, res) => {
    const parsed = PersonalBestsQuerySchema.safeParse(req.query);
    if (!parsed.success) return refuseBadRequest(res, parsed.error, 'query');
    const rows = await leaderboard.personalBests(parsed.data.name);
    const reply: PersonalBests = {
      name: parsed.data.name,
      bests: rows.map((r) => ({ scenario: r.scenarioId, name: r.name, post: r.post, total: r.total, scores: r.scores, finishedAt: r.finishedAt, durationSeconds: r.durationSeconds })),
    };
    res.json(reply);
  });

  return router;
}
