import type { z } from 'zod';
import type { Locale } from '../../shared/i18n/text.js';
import { CompetitionViewSchema, type CompetitionView } from '../../shared/protocol/competition.js';
import { CompetitionListSchema, CreatedDrillSchema, DebriefAnswerSchema, SurveyAcceptedSchema, type CreatedDrill } from '../../shared/protocol/httpAnswers.js';
import { BoardPageSchema, type BoardPage } from '../../shared/protocol/leaderboard.js';
import type { CreateDrill } from '../../shared/protocol/messages.js';
import { ScenarioListSchema, type ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import type { SurveySubmission } from '../../shared/protocol/survey.js';
import type { Debrief } from '../../shared/debrief/schema.js';
import { ReplayResponseSchema, type ReplayResponse } from '../../shared/replay/replayResponse.js';
import { DEFAULT_LEVEL, type Level } from '../../shared/scenario/levels.js';

// Every HTTP call the client makes (server/http/*Routes.ts), and each answer checked against its
// schema in shared/ before anything reads it: a malformed answer is an ApiError, never a crash
// half-way through drawing. Plain fetch, no library.

/** `status` 0: no answer at all (the network); `code` is the server's error code, or `http` / `bad-response`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Call<S extends z.ZodType> {
  method?: 'GET' | 'POST';
  path: string;
  /** The answer's schema. */
  schema: S;
  body?: object;
  /** The status a success answers with. */
  expect?: number;
  /** `no-store` for answers that must never come from the browser's cache (the replay). */
  cache?: RequestCache;
}

/** The API lives on the page's own origin (one port serves the client, the API and the rooms). */
function apiUrl(path: string): string {
  return `${location.protocol}//${location.host}${path}`;
}

async function call<S extends z.ZodType>({ method = 'GET', path, schema, body, expect, cache }: Call<S>): Promise<z.infer<S>> {
  const what = `${method} ${path.split('?')[0]}`;
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      ...(cache && { cache }),
      ...(body && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const json: unknown = await res.json().catch(() => null);
  const ok = expect === undefined ? res.ok : res.status === expect;
  if (!ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'http', error?.message ?? `${what}: ${res.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(res.status, 'bad-response', `${what}: ${issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : 'unexpected answer'}`);
  }
  return parsed.data;
}

let scenarios: Promise<ScenarioSummary[]> | null = null;

/** The scenario list, fetched once per page (again after a failure). */
export function fetchScenarios(): Promise<ScenarioSummary[]> {
  scenarios ??= call({ path: '/api/scenarios', schema: ScenarioListSchema });
  scenarios.catch(() => (scenarios = null));
  return scenarios;
}

/** POST /api/drills: the only way a drill comes to exist. */
export function createDrill(body: CreateDrill): Promise<CreatedDrill> {
  return call({ method: 'POST', path: '/api/drills', schema: CreatedDrillSchema, body, expect: 201 });
}

/** One page of a board: the team board, or the solo board of one post, at one level. */
export function fetchBoard(scenario: string, post: string | null, page: number, pageSize: number, level: Level = DEFAULT_LEVEL): Promise<BoardPage> {
  const query = new URLSearchParams({ scenario, mode: post ? 'solo' : 'team', level, page: String(page), pageSize: String(pageSize) });
  if (post) query.set('post', post);
  return call({ path: `/api/leaderboard?${query}`, schema: BoardPageSchema });
}

/** The most recent competition on a scenario, with its standings; null if there is none. */
export async function fetchLatestCompetition(scenario: string): Promise<CompetitionView | null> {
  const list = await call({ path: `/api/competitions?scenario=${encodeURIComponent(scenario)}`, schema: CompetitionListSchema });
  return list[0] ? call({ path: `/api/competitions/${encodeURIComponent(list[0].id)}`, schema: CompetitionViewSchema }) : null;
}

const drillPath = (drill: string) => `/api/drills/${encodeURIComponent(drill)}`;

/** The debrief of a finished drill: the whole team's, or one post's. The report token opens it. */
export async function fetchDebrief(drill: string, token: string, post: string | null): Promise<Debrief> {
  const query = new URLSearchParams({ token, ...(post ? { post } : {}) });
  return (await call({ path: `${drillPath(drill)}/debrief?${query}`, schema: DebriefAnswerSchema })).debrief;
}

export async function submitSurvey(drill: string, body: SurveySubmission): Promise<void> {
  await call({ method: 'POST', path: `${drillPath(drill)}/survey`, schema: SurveyAcceptedSchema, body, expect: 201 });
}

/** A finished drill to step through, checked before anything runs on it. */
export function fetchReplay(drill: string, token: string): Promise<ReplayResponse> {
  return call({ path: `${drillPath(drill)}/replay?${new URLSearchParams({ token })}`, schema: ReplayResponseSchema, cache: 'no-store' });
}

/** The printable after-action report, in the given language (opened in a new tab, not fetched). */
export function reportUrl(drill: string, token: string, locale: Locale): string {
  return apiUrl(`${drillPath(drill)}/report?${new URLSearchParams({ token, lang: locale })}`);
}
