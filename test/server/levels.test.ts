import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawMorning } from '../../shared/scenario/drawMorning.js';
import { ReplayResponseSchema } from '../../shared/replay/replayResponse.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { answerWhatWaits } from '../helpers/panels.js';
import { varied } from '../helpers/variedFixture.js';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  // The small fixture with a variant of each kind, so that the morning differs from seed to seed.
  dir = mkdtempSync(join(tmpdir(), 'levels-'));
  writeFileSync(join(dir, 'mini-outage.yaml'), stringify(varied()));
  server = await startTestServer({}, dir);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: res.status, json: await res.json() };
};

describe('difficulty levels and variants on the server', () => {
  it('runs a solo drill on the morning of its seed and level, replays it, and ranks it on that level’s board only', async () => {
    const { code } = await server.createDrill({ mode: 'solo', scenario: 'mini-outage', post: 'pr', skill: 'expert', speed: 1200, level: 'advanced' });
    const me = await server.join(code, { name: 'Advanced' });
    const ended = collect<{ record: string; reportToken: string }>(me, 'ended');
    await until(() => me.state.seats?.get('pr')?.kind === 'human', 'the solo seat');
    me.send('ready', { ready: true });
    const stop = answerWhatWaits([me], 40);
    await until(() => ended.length === 1, 'the end', 60_000);
    stop();
    await me.leave();
    const record = (await server.services.store.getDrill(ended[0]!.record))!;
    expect(record.level).toBe('advanced');
    const written = server.services.scenarios.get('mini-outage')!.scenario;
    const replayed = await api('GET', `/api/drills/${record.id}/replay?token=${ended[0]!.reportToken}`);
    const body = ReplayResponseSchema.parse(replayed.json);
    expect(body.verification).toEqual({ matches: true, differences: [] });
    expect(body.record.level).toBe('advanced');
    // The client is given the morning the drill ran on, not the scenario as written.
    expect(body.scenario).toEqual(JSON.parse(JSON.stringify(drawMorning(written, record.seed, 'advanced').scenario)));
    expect(body.scenario.cast[0]!.traits.patience).toBeLessThan(written.cast[0]!.traits.patience);
    const board = async (level?: string) => (await api('GET', `/api/leaderboard?scenario=mini-outage&mode=solo&post=pr${level ? `&level=${level}` : ''}`)).json.rows.map((r: { name: string }) => r.name);
    expect(await board('advanced')).toContain('Advanced');
    expect(await board()).not.toContain('Advanced');
    expect(await board('introductory')).not.toContain('Advanced');
  }, 90_000);

  it('gives a drill without a speed its level’s default speed', async () => {
    const written = server.services.scenarios.get('mini-outage')!.scenario;
    for (const level of ['introductory', 'standard', 'advanced'] as const) {
      const { code } = await server.createDrill({ mode: 'solo', scenario: 'mini-outage', post: 'pr', skill: 'expert', level });
      const me = await server.join(code, { name: `At ${level}` });
      await until(() => me.state.speed > 0, 'the speed');
      expect(me.state.speed).toBe(drawMorning(written, 0, level).scenario.clock.compression);
      await me.leave();
    }
  });

  it('refuses a level that does not exist, and a level sent with a competition entry', async () => {
    const bad = await api('POST', '/api/drills', { mode: 'solo', scenario: 'mini-outage', post: 'pr', skill: 'expert', level: 'nightmare' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^level: /);
    const board = await api('GET', '/api/leaderboard?scenario=mini-outage&mode=team&level=easy');
    expect(board.status).toBe(400);
    const made = await api('POST', '/api/competitions', { scenario: 'mini-outage', name: 'Hard cup', level: 'advanced' });
    expect(made.status).toBe(201);
    const entry = await api('POST', '/api/drills', { mode: 'team', scenario: 'mini-outage', team: 'Sneaky', competition: made.json.id, level: 'introductory' });
    expect([entry.status, entry.json.error.code]).toEqual([400, 'competition-fixed']);
  });

  it('runs every team of a competition at the competition’s level and speed', async () => {
    const made = await api('POST', '/api/competitions', { scenario: 'mini-outage', name: 'Advanced cup', level: 'advanced' });
    const written = server.services.scenarios.get('mini-outage')!.scenario;
    for (const team of ['North', 'South']) {
      const entry = await api('POST', '/api/drills', { mode: 'team', scenario: 'mini-outage', team, competition: made.json.id });
      expect(entry.status).toBe(201);
      const me = await server.join(entry.json.code, { name: `${team} lead` });
      await until(() => me.state.speed > 0, 'the speed');
      expect(me.state.speed).toBe(drawMorning(written, 0, 'advanced').scenario.clock.compression);
      await me.leave();
    }
  });
});
