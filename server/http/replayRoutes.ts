import express, { type Router } from 'express';
import { ReplayRecordSchema } from '../../shared/replay/replayRecord.js';
import type { ReplayResponseBody } from '../../shared/replay/replayResponse.js';
import { verifyReplay } from '../../shared/replay/verifyReplay.js';
import { sameSecret } from '../net/secrets.js';
import type { ServerServices } from '../services.js';
import { morningOf } from '../scenarios/morningOf.js';

/** Record ids are UUIDs and report tokens 22 characters; anything much longer is not worth a look-up. */
const MAX_PARAM = 128;

/**
 * GET /api/drills/:id/replay?token=… — a finished drill's scenario, inputs and stored result, for
 * a client to replay, with the server's own verification. The token is the drill's report token;
 * an unknown drill and a wrong token get the same 404, so the route tells a guesser nothing.
 */
export function replayRoutes(services: ServerServices): Router {
  const router = express.Router();

  router.get('/drills/:id/replay', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const id = req.params.id;
    const token = req.query.token;
    const record = typeof token === 'string' && token.length <= MAX_PARAM && id.length <= MAX_PARAM ? await services.store.getDrill(id) : undefined;
    // A record stored before report tokens existed has an empty one, which must open nothing.
    if (!record || record.reportToken === '' || !sameSecret(token as string, record.reportToken)) {
      res.status(404).json({ error: { code: 'not-found', message: 'no such drill, or the link is not valid' } });
      return;
    }
    const loaded = services.scenarios.get(record.scenarioId);
    if (!loaded) {
      res.status(409).json({ error: { code: 'scenario-unavailable', message: `the scenario "${record.scenarioId}" is no longer on this server` } });
      return;
    }
    const parsed = ReplayRecordSchema.safeParse({
      scenarioId: record.scenarioId,
      scenarioVersion: record.scenarioVersion,
      scenarioHash: record.scenarioHash,
      seed: record.seed,
      level: record.level,
      roster: record.roster,
      inputs: record.inputs,
      untilClock: record.untilClock,
      scores: record.scores,
      total: record.total,
      ending: record.ending,
      expected: record.expected,
    });
    if (!parsed.success) {
      services.log.error(`drill ${record.id}: stored record cannot be replayed: ${parsed.error.issues[0]?.message}`);
      res.status(500).json({ error: { code: 'bad-record', message: 'this drill was stored in a form that cannot be replayed' } });
      return;
    }
    const replayRecord = parsed.data;
    const morning = morningOf(loaded, replayRecord.seed, replayRecord.level);
    const body: ReplayResponseBody = {
      drill: { id: record.id, mode: record.mode, team: record.team, startedAt: record.startedAt, finishedAt: record.finishedAt },
      scenario: morning,
      scenarioHash: loaded.hash,
      record: replayRecord,
      verification: verifyReplay(morning, loaded.hash, replayRecord),
    };
    res.json(body);
  });

  return router;
}
