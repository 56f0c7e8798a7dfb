import type { ServerServices } from '../services.js';
import type { DrillCreation } from '../store/drillCreation.js';
import type { DrillRecord } from '../store/drillRecord.js';
import type { DrillVerdict } from '../store/verdict.js';
import { judgeDrill } from './judgeDrill.js';

/** Judges a drill that has just finished, logging a refusal: a live drill should never be refused (an abandoned one is simply on no board). */
export function verdictFor(services: Pick<ServerServices, 'scenarios' | 'log'>, record: DrillRecord, creation: DrillCreation): DrillVerdict {
  const verdict = judgeDrill(services.scenarios, record, creation);
  if (verdict.status === 'refused' && record.ending.reason !== 'abandoned') services.log.error(`leaderboard: drill ${record.id} (${record.scenarioId}, ${record.mode}) refused: ${verdict.reason}`);
  return verdict;
}
