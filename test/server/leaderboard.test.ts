import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardPage } from '../../shared/protocol/leaderboard.js';
import { playedRecord, saveJudged } from '../helpers/drillRecords.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const get = async (query: string) => {
  const res = await fetch(`${server.url}/api/leaderboard?${query}`);
  return { status: res.status, json: (await res.json()) as any };
};

describe('GET /api/leaderboard', () => {
  it('ranks a solo drill played on the server, verified when it was stored', async () => {
    const { code } = await server.createDrill({ mode: 'solo', scenario: 'mini-outage', post: 'pr', skill: 'expert', speed: 3600 });
    const me = await server.join(code, { name: '练习者' });
    const ended = collect(me, 'ended');
    await until(() => me.state.seats?.get('pr')?.kind === 'human', 'the seat');
    me.send('ready', { ready: true });
    await until(() => ended.length === 1, 'the end of the drill', 30_000);
    await me.leave();
    const { status, json } = await get('scenario=mini-outage&mode=solo&post=pr');
    expect(status).toBe(200);
    expect(json.rows).toEqual([expect.objectContaining({ rank: 1, name: '练习者', post: 'pr', total: ended[0].total, scores: ended[0].scores })]);
    expect(json.rows[0].durationSeconds).toBeGreaterThan(0);
    const bests = await (await fetch(`${server.url}/api/personal-bests?name=${encodeURIComponent('练习者')}`)).json();
    expect(bests.bests).toEqual([expect.objectContaining({ scenario: 'mini-outage', post: 'pr', total: ended[0].total })]);
  }, 60_000);

  it('pages through the team board, each team once, best first', async () => {
    const loaded = server.services.scenarios.get('mini-outage')!;
    const log = { info: () => {}, error: () => {} };
    for (let i = 0; i < 7; i++) {
      const r = playedRecord(loaded, { seed: 100 + i, team: `Team ${i}`, skill: i % 3 === 0 ? 'expert' : 'novice', finishedAt: `2026-11-24T10:0${i}:00.000Z` });
      await saveJudged(server.services.store, { scenarios: server.services.scenarios, log }, r);
    }
    const first = (await get('scenario=mini-outage&mode=team&pageSize=3')).json as BoardPage;
    const third = (await get('scenario=mini-outage&mode=team&pageSize=3&page=3')).json as BoardPage;
    expect([first.entries, first.pages, first.rows.length, third.rows.length]).toEqual([7, 3, 3, 1]);
    expect(first.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(third.rows[0]!.rank).toBe(7);
    expect(first.rows[0]!.total).toBeGreaterThanOrEqual(first.rows[2]!.total);
    expect(third.rows[0]!.total).toBeLessThanOrEqual(first.rows[2]!.total);
    expect((await get('scenario=mini-outage&mode=team&page=9')).json.rows).toEqual([]);
  });

  it('answers a bad query with a clear error', async () => {
    expect((await get('scenario=mini-outage&mode=solo')).json.error.message).toMatch(/^post: solo boards are per post/);
    expect((await get('scenario=mini-outage&mode=team&post=pr')).status).toBe(400);
    expect((await get('scenario=mini-outage&mode=relay')).status).toBe(400);
    expect((await get('scenario=mini-outage&mode=team&page=0')).status).toBe(400);
    expect((await get('scenario=mini-outage&mode=team&pageSize=500')).status).toBe(400);
    expect((await get('scenario=mini-outage&mode=team&page=1&page=2')).status).toBe(400);
    expect((await get('scenario=mini-outage&mode=solo&post=nobody')).json.error.code).toBe('unknown-post');
    expect((await get('scenario=no-such&mode=team')).status).toBe(404);
    expect((await fetch(`${server.url}/api/personal-bests`)).status).toBe(400);
  });
});
