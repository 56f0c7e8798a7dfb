import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../server/scenarios/loadScenarios.js';
import { replay } from '../../shared/replay/replay.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';
import { drawMorning } from '../../shared/scenario/drawMorning.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, SCENARIO_DIR);
});
afterAll(async () => server.close());

describe('solo practice', () => {
  it('lets one human and bots on every other post finish the flagship at high speed', async () => {
    const { code } = await server.createDrill({ mode: 'solo', scenario: 'huarui-upgrade-outage', post: 'pr-officer', skill: 'expert', speed: 3600 });
    const me = await server.join(code, { name: '练习者' });
    const welcome = collect(me, 'welcome');
    const ended = collect(me, 'ended');
    await until(() => welcome.length === 1, 'the welcome');
    expect(welcome[0].post).toBe('pr-officer');
    await until(() => me.state.seats?.get('pr-officer')?.kind === 'human', 'the seat');
    // Five posts: the player's and four held by bots (legal and compliance among them).
    expect([...me.state.seats.values()].filter((s) => s.kind === 'bot').map((s) => s.post).sort()).toEqual(['branch-manager', 'call-centre-lead', 'incident-commander', 'legal-officer']);
    const play = setInterval(() => {
      const card = panelsOf(me).get('pr-officer')?.waiting.at(0);
      const option = card && (card.responses as { id: string; available: boolean }[]).find((o) => o.available);
      if (card && option) me.send('intent', { intent: { type: 'respond', npc: card.id, response: option.id } });
    }, 30);
    me.send('ready', { ready: true });
    await until(() => ended.length === 1, 'the end of the drill', 30_000);
    clearInterval(play);
    const record = (await server.services.store.getDrill(ended[0].record))!;
    expect(record.mode).toBe('solo');
    expect(record.inputs.filter((i) => 'post' in i && i.post === 'pr-officer').length).toBeGreaterThan(5);
    const scenario = drawMorning(server.services.scenarios.get('huarui-upgrade-outage')!.scenario, record.seed, record.level).scenario;
    const again = replay(scenario, { seed: record.seed, roster: record.roster }, record.inputs, record.untilClock);
    expect(again.state.scores).toEqual(record.scores);
    await me.leave();
  }, 60_000);

  it('lets the solo player pause and resume, and nobody else', async () => {
    const { code } = await server.createDrill({ mode: 'solo', scenario: 'huarui-upgrade-outage', post: 'incident-commander', skill: 'novice', speed: 60 });
    const me = await server.join(code, { name: 'Solo' });
    me.send('ready', { ready: true });
    await until(() => me.state.phase === 'running', 'the start');
    me.send('clock', { action: 'pause' });
    await until(() => me.state.phase === 'paused', 'the pause');
    me.send('clock', { action: 'resume' });
    await until(() => me.state.phase === 'running', 'the resume');
    await me.leave();
  });
});

describe('team drill', () => {
  it('starts when every seated player is ready, and gives every team of a competition the same seed', async () => {
    const a = await server.createDrill({ mode: 'team', scenario: 'huarui-upgrade-outage', team: '一队', seed: 77 });
    const b = await server.createDrill({ mode: 'team', scenario: 'huarui-upgrade-outage', team: '二队', seed: 77 });
    const one = await server.join(a.code, { name: 'A1', post: 'branch-manager' });
    const two = await server.join(a.code, { name: 'A2', post: 'call-centre-lead' });
    const opsA = await server.join(a.code, { name: 'A3', post: 'incident-commander' });
    const opsB = await server.join(b.code, { name: 'B1', post: 'incident-commander' });
    one.send('ready', { ready: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(one.state.phase).toBe('lobby');
    const refused = collect(one, 'rejected');
    one.send('clock', { ref: 9, action: 'start' });
    await until(() => refused.length === 1, 'the refusal');
    expect(refused[0]).toMatchObject({ ref: 9, code: 'not-allowed' });
    two.send('ready', { ready: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(one.state.phase).toBe('lobby');
    opsA.send('ready', { ready: true });
    await until(() => one.state.phase === 'running', 'the start once all are ready');
    expect(one.state.team).toBe('一队');
    // Same seed: both teams meet the same opening (the 09:00 NPC with the same seeded mood and patience).
    const opening = (room: typeof one) => panelsOf(room).get('incident-commander')?.waiting.at(0);
    await until(() => opening(opsA) !== undefined && opening(opsB) !== undefined, 'both ops panels');
    expect([opening(opsB)!.id, opening(opsB)!.interaction, opening(opsB)!.expiresAt]).toEqual([opening(opsA)!.id, opening(opsA)!.interaction, opening(opsA)!.expiresAt]);
    await Promise.all([one, two, opsA, opsB].map((r) => r.leave()));
  });
});
