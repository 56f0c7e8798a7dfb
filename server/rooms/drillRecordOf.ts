import { teamTotal } from '../../shared/scores/dimensions.js';
import type { Session } from '../../shared/session/session.js';
import { newSecret } from '../net/secrets.js';
import type { DrillCreation } from '../store/drillCreation.js';
import type { DrillRecord } from '../store/drillRecord.js';

/** A finished (or abandoned) drill as the store keeps it, under the id its creation record gave it. */
export function drillRecordOf(session: Session, creation: DrillCreation, startedAt: Date, abandoned: boolean): DrillRecord {
  const state = session.driver.state;
  return {
    id: creation.id,
    mode: creation.mode,
    scenarioId: state.scenarioId,
    scenarioVersion: state.scenarioVersion,
    scenarioHash: creation.scenarioHash,
    seed: creation.seed,
    team: creation.team,
    roster: state.roster,
    inputs: [...session.driver.log],
    untilClock: state.clock,
    scores: state.scores,
    total: teamTotal(state.scores),
    ending: abandoned ? { id: null, at: state.clock, reason: 'abandoned' } : state.ending!,
    expected: Object.fromEntries(Object.entries(state.expected).map(([id, x]) => [id, x.status])),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    reportToken: newSecret(),
    competitionId: creation.competitionId,
    level: creation.level,
  };
}
