import { randomUUID } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import express, { type Router } from 'express';
import type { CreatedDrill } from '../../shared/protocol/httpAnswers.js';
import { CreateDrillSchema, DRILL_ROOM } from '../../shared/protocol/messages.js';
import { scenarioSummary } from '../../shared/protocol/scenarioList.js';
import { competitionTerms } from '../competitions/competitionTerms.js';
import { newJoinCode, newSecret } from '../net/secrets.js';
import { issueTicket } from '../rooms/creationTickets.js';
import type { ServerServices } from '../services.js';
import type { DrillCreation } from '../store/drillCreation.js';
import { DEFAULT_LEVEL } from '../../shared/scenario/levels.js';
import { morningOf } from '../scenarios/morningOf.js';

/** JSON routes: the scenario list and drill creation. Errors are `{ error: { code, message } }`. */
export function apiRoutes(services: ServerServices): Router {
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));

  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  router.get('/scenarios', (_req, res) => {
    res.json([...services.scenarios.values()].map(({ scenario, levels }) => scenarioSummary(scenario, levels ?? null)));
  });

  router.post('/drills', async (req, res) => {
    const parsed = CreateDrillSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      res.status(400).json({ error: { code: 'bad-request', message: `${issue.path.join('.') || 'body'}: ${issue.message}` } });
      return;
    }
    const create = parsed.data;
    const loaded = services.scenarios.get(create.scenario);
    if (!loaded) {
      res.status(404).json({ error: { code: 'unknown-scenario', message: `no scenario "${create.scenario}"` } });
      return;
    }
    if (create.mode === 'solo' && !loaded.scenario.posts.some((p) => p.id === create.post)) {
      res.status(400).json({ error: { code: 'unknown-post', message: `scenario "${create.scenario}" has no post "${create.post}"` } });
      return;
    }
    let code = newJoinCode();
    while ((await matchMaker.query({ roomId: code })).length > 0) code = newJoinCode();
    // A team entering a competition gets the competition's seed and speed, never its own.
    const terms = await competitionTerms(services, create, code, new Date());
    if (!terms.ok) {
      res.status(terms.refusal.status).json({ error: { code: terms.refusal.code, message: terms.refusal.message } });
      return;
    }
    const seed = terms.seed ?? (create.mode === 'team' && create.seed !== undefined ? create.seed : Math.floor(Math.random() * 0x100000000));
    const made = terms.create;
    const level = terms.level ?? made.level ?? DEFAULT_LEVEL;
    // Everything the drill runs on is decided here, by the server, and recorded before anyone joins.
    const creation: DrillCreation = {
      id: randomUUID(),
      code,
      mode: made.mode,
      scenarioId: loaded.scenario.id,
      scenarioHash: loaded.hash,
      seed,
      // The level's default speed: the morning of any seed has the same clock.
      speed: made.speed ?? morningOf(loaded, seed, level).clock.compression,
      team: made.mode === 'team' ? made.team : null,
      competitionId: terms.competitionId ?? null,
      soloPost: made.mode === 'solo' ? made.post : null,
      botSkill: made.mode === 'solo' ? made.skill : 'competent',
      level,
      createdAt: new Date().toISOString(),
    };
    const trainerKey = newSecret();
    await matchMaker.createRoom(DRILL_ROOM, await issueTicket(matchMaker.presence, { kind: 'new', creation, trainerKey })).catch(async (err: unknown) => {
      await terms.undo?.();
      throw err;
    });
    const created: CreatedDrill = { code, mode: create.mode, ...(create.mode === 'training' && { trainerKey }) };
    res.status(201).json(created);
  });

  return router;
}
