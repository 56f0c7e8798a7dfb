import express, { type Router } from 'express';
import { CloseCompetitionSchema, CompetitionIdSchema, CreateCompetitionSchema } from '../../shared/protocol/competition.js';
import { IdSchema } from '../../shared/scenario/schema.js';
import { rankingOf } from '../competitions/rankingOf.js';
import type { ServerServices } from '../services.js';
import { refuseBadRequest } from './zodRefusal.js';

/**
 * Team competitions: create (answers the organiser key once), list, standings, close. Teams
 * enter through POST /api/drills {mode:"team", scenario, team, competition}.
 */
export function competitionRoutes(services: ServerServices): Router {
  const router = express.Router();
  const { competitions } = rankingOf(services);
  router.use('/competitions', express.json({ limit: '4kb' }));

  router.post('/competitions', async (req, res) => {
    const parsed = CreateCompetitionSchema.safeParse(req.body);
    if (!parsed.success) return refuseBadRequest(res, parsed.error);
    const made = await competitions.create(parsed.data, new Date());
    if (!made.ok) return void res.status(made.refusal.status).json({ error: { code: made.refusal.code, message: made.refusal.message } });
    res.status(201).json({ ...made.view, organiserKey: made.organiserKey });
  });

  router.get('/competitions', async (req, res) => {
    const scenario = req.query.scenario;
    if (scenario !== undefined && !IdSchema.safeParse(scenario).success) {
      return void res.status(400).json({ error: { code: 'bad-request', message: 'scenario: not a scenario id' } });
    }
    res.json(await competitions.list(scenario as string | undefined, new Date()));
  });

  router.get('/competitions/:id', async (req, res) => {
    const id = CompetitionIdSchema.safeParse(req.params.id);
    if (!id.success) return refuseBadRequest(res, id.error, 'id');
    const view = await competitions.get(id.data, new Date());
    if (!view) return void res.status(404).json({ error: { code: 'unknown-competition', message: `no competition "${id.data}"` } });
    res.json(view);
  });

  router.post('/competitions/:id/close', async (req, res) => {
    const id = CompetitionIdSchema.safeParse(req.params.id);
    if (!id.success) return refuseBadRequest(res, id.error, 'id');
    const parsed = CloseCompetitionSchema.safeParse(req.body);
    if (!parsed.success) return refuseBadRequest(res, parsed.error);
    const closed = await competitions.close(id.data, parsed.data.organiserKey, new Date());
    if (!closed.ok) return void res.status(closed.refusal.status).json({ error: { code: closed.refusal.code, message: closed.refusal.message } });
    res.json(closed.view);
  });

  return router;
}
