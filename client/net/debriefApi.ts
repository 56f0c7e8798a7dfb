import { DebriefSchema, type Debrief } from '../../shared/debrief/schema.js';
import type { Locale } from '../../shared/i18n/text.js';
import type { SurveySubmission } from '../../shared/protocol/survey.js';
import { ApiError } from './api.js';

// The report routes (server/http/reportRoutes.ts). The report token from the `ended` message opens them.

const origin = () => `${location.protocol}//${location.host}`;
const drillPath = (drill: string) => `/api/drills/${encodeURIComponent(drill)}`;

/** GET /api/drills/:id/debrief: the whole team's, or one post's. Checked against the shared schema. */
export async function fetchDebrief(drill: string, token: string, post: string | null): Promise<Debrief> {
  const query = new URLSearchParams({ token, ...(post ? { post } : {}) });
  const res = await fetch(`${origin()}${drillPath(drill)}/debrief?${query}`);
  const json = (await res.json().catch(() => ({}))) as { debrief?: unknown; error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, json.error?.code ?? 'http', json.error?.message ?? `GET debrief: ${res.status}`);
  const parsed = DebriefSchema.safeParse(json.debrief);
  if (!parsed.success) throw new ApiError(res.status, 'bad-debrief', parsed.error.issues[0]?.message ?? 'unexpected debrief');
  return parsed.data;
}

/** POST /api/drills/:id/survey; the body follows SurveySubmissionSchema. */
export async function submitSurvey(drill: string, body: SurveySubmission): Promise<void> {
  const res = await fetch(`${origin()}${drillPath(drill)}/survey`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status === 201) return;
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  throw new ApiError(res.status, json.error?.code ?? 'http', json.error?.message ?? `POST survey: ${res.status}`);
}

/** The printable after-action report, in the given language. */
export function reportUrl(drill: string, token: string, locale: Locale): string {
  return `${origin()}${drillPath(drill)}/report?${new URLSearchParams({ token, lang: locale })}`;
}
