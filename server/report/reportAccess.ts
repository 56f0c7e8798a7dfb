import type { Scenario } from '../../shared/scenario/schema.js';
import { sameSecret } from '../net/secrets.js';
import type { ServerServices } from '../services.js';
import { morningOf } from '../scenarios/morningOf.js';
import type { DrillRecord } from '../store/drillRecord.js';

/** Drill ids are UUIDs; anything else is not looked up at all. */
const DRILL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface OpenedDrill {
  record: DrillRecord;
  /** The morning it ran on: the scenario as the drill's seed and level drew it. */
  scenario: Scenario;
  /** The scenario file has changed since the drill ran: the replay may not match the stored result. */
  scenarioChanged: boolean;
}

/**
 * A stored drill, if and only if the token is its report token. Unknown id, missing or wrong
 * token, and a drill stored without a token all give null, so the caller answers them alike.
 * The token is compared in constant time.
 */
export async function openDrill(services: ServerServices, id: string, token: unknown): Promise<OpenedDrill | null> {
  if (!DRILL_ID.test(id) || typeof token !== 'string' || token.length === 0 || token.length > 64) return null;
  const record = await services.store.getDrill(id);
  if (!record || record.reportToken === '' || !sameSecret(record.reportToken, token)) return null;
  const loaded = services.scenarios.get(record.scenarioId);
  if (!loaded) return null;
  return { record, scenario: morningOf(loaded, record.seed, record.level), scenarioChanged: loaded.hash !== record.scenarioHash };
}
