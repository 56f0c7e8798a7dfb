import type { ServerServices } from '../services.js';
import type { DrillRecord } from '../store/drillRecord.js';
import type { DrillVerdict } from '../store/verdict.js';
import { judgeDrill } from './judgeDrill.js';

/** Judges a drill that has just finished, logging a refusal: a live drill should never be refused. */
export function verdictFor(services: Pick<ServerServices, 'scenarios' | 'log'>, record: DrillRecord): DrillVerdict {
  const verdict = judgeDrill(services.scenarios, record);
  if (verdict.status === 'refused') services.log.error(`leaderboard: drill ${record.id} (${record.scenarioId}, ${record.mode}) refused: ${verdict.reason}`);
  return verdict;
}
