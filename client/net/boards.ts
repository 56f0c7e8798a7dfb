import type { CompetitionView } from '../../shared/protocol/competition.js';
import type { BoardPage } from '../../shared/protocol/leaderboard.js';
import { ApiError } from './api.js';

// The leaderboard and competition routes (server/http/leaderboardRoutes.ts, competitionRoutes.ts).

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${location.protocol}//${location.host}${path}`);
  const json = (await res.json().catch(() => ({}))) as T & { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, json.error?.code ?? 'http', json.error?.message ?? `GET ${path}: ${res.status}`);
  return json;
}

/** One page of a board: the team board, or the solo board of one post. */
export function fetchBoard(scenario: string, post: string | null, page: number, pageSize: number): Promise<BoardPage> {
  const query = new URLSearchParams({ scenario, mode: post ? 'solo' : 'team', page: String(page), pageSize: String(pageSize) });
  if (post) query.set('post', post);
  return getJson(`/api/leaderboard?${query}`);
}

/** The most recent competition on a scenario, with its standings; null if there is none. */
export async function fetchLatestCompetition(scenario: string): Promise<CompetitionView | null> {
  const list = await getJson<{ id: string }[]>(`/api/competitions?scenario=${encodeURIComponent(scenario)}`);
  return list[0] ? getJson<CompetitionView>(`/api/competitions/${encodeURIComponent(list[0].id)}`) : null;
}
