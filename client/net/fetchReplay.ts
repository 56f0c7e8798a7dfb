import { ReplayResponseSchema, type ReplayResponse } from '../../shared/replay/replayResponse.js';
import { ApiError } from './api.js';

/**
 * GET /api/drills/:id/replay?token=… (server/http/replayRoutes.ts), checked against the shared
 * schema before anything runs on it: a malformed answer is an error, not a half-drawn replay.
 */
export async function fetchReplay(drillId: string, token: string): Promise<ReplayResponse> {
  const url = `${location.protocol}//${location.host}/api/drills/${encodeURIComponent(drillId)}/replay?token=${encodeURIComponent(token)}`;
  const res = await fetch(url, { cache: 'no-store' });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'http', error?.message ?? `GET replay: ${res.status}`);
  }
  const parsed = ReplayResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(res.status, 'bad-response', `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
