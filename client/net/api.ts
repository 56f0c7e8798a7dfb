import type { ScenarioInfo } from '../view/stateJson.js';

// The two JSON routes the client uses (server/http/apiRoutes.ts). Plain fetch, no library.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The API lives on the page's own origin (one port serves the client, the API and the rooms). */
function apiUrl(path: string): string {
  return `${location.protocol}//${location.host}${path}`;
}

let scenarios: Promise<ScenarioInfo[]> | null = null;

/** The scenario list, fetched once per page. */
export function fetchScenarios(): Promise<ScenarioInfo[]> {
  scenarios ??= fetch(apiUrl('/api/scenarios')).then(async (res) => {
    if (!res.ok) throw new ApiError(res.status, 'http', `GET /api/scenarios: ${res.status}`);
    return (await res.json()) as ScenarioInfo[];
  });
  scenarios.catch(() => (scenarios = null));
  return scenarios;
}

export interface Created {
  code: string;
  mode: string;
  trainerKey?: string;
}

/** POST /api/drills; the body follows CreateDrillSchema in shared/protocol/messages.ts. */
export async function createDrill(body: object): Promise<Created> {
  const res = await fetch(apiUrl('/api/drills'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as Created & { error?: { code: string; message: string } };
  if (res.status !== 201) throw new ApiError(res.status, json.error?.code ?? 'http', json.error?.message ?? `POST /api/drills: ${res.status}`);
  return json;
}
