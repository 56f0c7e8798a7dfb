import { Client, type Room } from 'colyseus.js';
import { createApp, type App } from '../../server/app.js';
import { loadScenarioSet } from '../../server/scenarios/loadScenarioSet.js';
import type { ServerServices } from '../../server/services.js';
import { DrillStore } from '../../server/store/DrillStore.js';
import type { CreateDrill } from '../../shared/protocol/messages.js';
import { TEST_CLIENT_DIR } from './clientBuilds.js';
import { panelsOf } from './panels.js';

export const FIXTURE_DIR = new URL('../fixtures/', import.meta.url).pathname;

export interface TestServer {
  app: App;
  services: ServerServices;
  url: string;
  errors: string[];
  client(): Client;
  /** Joins a drill by code; every message type is accepted so colyseus.js does not warn. */
  join(code: string, options: object): Promise<Room>;
  createDrill(body: CreateDrill): Promise<{ code: string; trainerKey?: string }>;
  close(): Promise<void>;
}

/** The real app on a free loopback port, with an in-memory database and the test fixtures. */
export async function startTestServer(overrides: Partial<ServerServices> = {}, scenarioDir = FIXTURE_DIR): Promise<TestServer> {
  const errors: string[] = [];
  const services: ServerServices = {
    scenarios: (await loadScenarioSet(scenarioDir)).scenarios,
    store: await DrillStore.openSqlite(':memory:'),
    reconnectSeconds: 60,
    abandonSeconds: 900,
    limits: { perSecond: 10, burst: 20, maxStrikes: 50 },
    testHooks: true,
    log: { info: () => {}, error: (m) => errors.push(m) },
    clientDir: TEST_CLIENT_DIR,
    ...overrides,
  };
  const app = createApp(services);
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    services,
    url,
    errors,
    client: () => new Client(url.replace('http', 'ws')),
    async join(code, options) {
      const room = await new Client(url.replace('http', 'ws')).joinById(code, options);
      room.onMessage('*', () => {});
      panelsOf(room);
      return room;
    },
    async createDrill(body) {
      const res = await fetch(`${url}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return res.json();
    },
    close: () => app.close(),
  };
}

/** Collects the messages of one type that a room receives. */
export function collect<T = any>(room: Room, type: string): T[] {
  const out: T[] = [];
  room.onMessage(type, (m: T) => out.push(m));
  return out;
}

export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
