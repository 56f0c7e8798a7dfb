import { ReplayCursor } from '../../shared/replay/ReplayCursor.js';
import type { ReplayResponse } from '../../shared/replay/replayResponse.js';
import type { Verification } from '../../shared/replay/verification.js';
import { verifyReplay } from '../../shared/replay/verifyReplay.js';
import { fetchReplay } from '../net/api.js';

export interface LoadedReplay {
  response: ReplayResponse;
  cursor: ReplayCursor;
  /** This browser's own replay of the record against the stored result. */
  verification: Verification;
}

/**
 * Fetches a finished drill and re-runs it here with the shared engine. Loaded on demand (the
 * Replay scene imports it dynamically), so the engine and zod stay out of the first download.
 */
export async function loadReplay(drillId: string, token: string): Promise<LoadedReplay> {
  const response = await fetchReplay(drillId, token);
  const verification = verifyReplay(response.scenario, response.scenarioHash, response.record);
  const cursor = new ReplayCursor(response.scenario, response.record);
  return { response, cursor, verification };
}
