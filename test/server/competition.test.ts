import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../shared/replay/replay.js';
import type { CompetitionView } from '../../shared/protocol/competition.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const api = async (method: string, path: string, body?: object) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
};
const newCompetition = (extra: object = {}) => api('POST', '/api/competitions', { scenario: 'mini-outage', name: 'Branch cup', speed: 3600, ...extra });

describe('team competitions', () => {
  it('gives three teams the same seed and speed, and ranks them by the totals the server recomputes', async () => {
    const created = await newCompetition();
    expect(created.status).toBe(201);
    const { id, organiserKey } = created.json;
    expect(organiserKey).toMatch(/^[\w-]{16,}$/);
    // Team A leaves three posts to bots, B two, C one: humans who never answer score differently.
    const teams = [
      { team: 'Alpha', posts: ['manager'] },
      { team: 'Bravo', posts: ['manager', 'agent'] },
      { team: 'Charlie', posts: ['manager', 'agent', 'pr'] },
    ];
    const records: string[] = [];
    for (const t of teams) {
      const entered = await api('POST', '/api/drills', { mode: 'team', scenario: 'mini-outage', team: t.team, competition: id });
      expect(entered.status).toBe(201);
      const rooms = await Promise.all(t.posts.map((post, i) => server.join(entered.json.code, { name: `${t.team}${i}`, post })));
      const ended = collect(rooms[0]!, 'ended');
      await until(() => rooms.every((r, i) => r.state.seats?.get(t.posts[i]!)?.kind === 'human'), 'the seats');
      const live = await api('GET', `/api/competitions/${id}`);
      expect(live.json.standings.find((s: any) => s.team === t.team)?.status).toBe('playing');
      rooms.forEach((r) => r.send('ready', { ready: true }));
      await until(() => ended.length === 1, `the end of ${t.team}'s drill`, 30_000);
      expect(ended[0].saved).toBe(true);
      records.push(ended[0].record);
      await Promise.all(rooms.map((r) => r.leave()));
    }
    const stored = await Promise.all(records.map(async (r) => (await server.services.store.getDrill(r))!));
    expect(new Set(stored.map((r) => r.seed)).size).toBe(1);
    expect(stored.every((r) => r.competitionId === id)).toBe(true);
    const scenario = server.services.scenarios.get('mini-outage')!.scenario;
    const recomputed = new Map(stored.map((r) => [r.team!, replay(scenario, { seed: r.seed, roster: r.roster }, r.inputs, r.untilClock).state.scores]));
    const totalOf = (team: string) => Object.values(recomputed.get(team)!).reduce((a, b) => a + b, 0);
    const expected = [...recomputed.keys()].sort((a, b) => totalOf(b) - totalOf(a) || stored.find((r) => r.team === a)!.finishedAt.localeCompare(stored.find((r) => r.team === b)!.finishedAt));

    const standings = (await api('GET', `/api/competitions/${id}`)).json as CompetitionView;
    expect(standings.phase).toBe('open');
    expect(standings.final).toBe(false);
    expect(standings.standings.map((s) => [s.rank, s.team, s.status])).toEqual(expected.map((team, i) => [i + 1, team, 'finished']));
    for (const s of standings.standings) expect(s.result!.scores).toEqual(recomputed.get(s.team));
    console.log(`competition totals: ${standings.standings.map((s) => `${s.team} ${s.result!.total}`).join(', ')}`);

    expect((await api('POST', `/api/competitions/${id}/close`, { organiserKey: 'x'.repeat(22) })).status).toBe(403);
    const closed = await api('POST', `/api/competitions/${id}/close`, { organiserKey });
    expect(closed.status).toBe(200);
    expect(closed.json.final).toBe(true);
    expect(closed.json.standings.map((s: any) => s.team)).toEqual(expected);
    const late = await api('POST', '/api/drills', { mode: 'team', scenario: 'mini-outage', team: 'Delta', competition: id });
    expect([late.status, late.json.error.code]).toEqual([409, 'competition-closed']);
  }, 120_000);

  it('refuses entries that would break the terms: own seed or speed, a team twice, the wrong scenario, unknown ids', async () => {
    const { json } = await newCompetition();
    const enter = (body: object) => api('POST', '/api/drills', { mode: 'team', scenario: 'mini-outage', team: 'Echo', competition: json.id, ...body });
    expect((await enter({ seed: 5 })).json.error.code).toBe('competition-fixed');
    expect((await enter({ speed: 1 })).json.error.code).toBe('competition-fixed');
    expect((await enter({})).status).toBe(201);
    const twice = await enter({});
    expect([twice.status, twice.json.error.code]).toEqual([409, 'team-entered']);
    const unknown = await api('POST', '/api/drills', { mode: 'team', scenario: 'mini-outage', team: 'Echo', competition: 'nosuchcompetition' });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'unknown-competition']);
    expect((await api('GET', '/api/competitions/nosuchcompetition')).status).toBe(404);
    expect((await api('GET', '/api/competitions/..%2F..')).status).toBe(400);
  });

  it('refuses a team outside the window, and a window that is not one', async () => {
    const later = await newCompetition({ opensAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(later.json.phase).toBe('upcoming');
    const early = await api('POST', '/api/drills', { mode: 'team', scenario: 'mini-outage', team: 'Foxtrot', competition: later.json.id });
    expect([early.status, early.json.error.code]).toEqual([409, 'competition-not-open']);
    const backwards = await newCompetition({ opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' });
    expect([backwards.status, backwards.json.error.message]).toEqual([400, 'closesAt: the window must end after it opens']);
    const past = await newCompetition({ closesAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    const bad = await api('POST', '/api/competitions', { scenario: 'mini-outage', name: '', extra: 1 });
    expect(bad.status).toBe(400);
    expect((await newCompetition({ scenario: 'no-such-scenario' })).status).toBe(404);
  });
});
