import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../server/scenarios/loadScenarios.js';
import type { DrillRecord } from '../../server/store/drillRecord.js';
import { ReplayCursor } from '../../shared/replay/ReplayCursor.js';
import { ReplayResponseSchema } from '../../shared/replay/replayResponse.js';
import { verifyReplay } from '../../shared/replay/verifyReplay.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

let server: TestServer;
let ended: { record: string; reportToken: string; scores: Record<string, number>; total: number; ending: unknown };
let stored: DrillRecord;

const get = (path: string) => fetch(`${server.url}${path}`);
const replayPath = (id: string, token: string) => `/api/drills/${encodeURIComponent(id)}/replay?token=${encodeURIComponent(token)}`;

/** A solo drill of the flagship played at high speed to its end through colyseus.js, as in modes.test.ts. */
beforeAll(async () => {
  server = await startTestServer({}, SCENARIO_DIR);
  const { code } = await server.createDrill({ mode: 'solo', scenario: 'huarui-upgrade-outage', post: 'call-centre-lead', skill: 'competent', speed: 3600 });
  const me = await server.join(code, { name: '回放者' });
  const endedMessages = collect(me, 'ended');
  await until(() => me.state.seats?.get('call-centre-lead')?.kind === 'human', 'the seat');
  // The hotline's calls queue: pick one up, answer its card, file its ticket.
  const play = setInterval(() => {
    const panel = panelsOf(me).get('call-centre-lead');
    const phone = panel?.work?.phone;
    if (phone?.line?.phase === 'wrapUp') return me.send('intent', { intent: { type: 'logTicket', category: phone.categories[0]!.id, callback: 0 } });
    const card = panel?.waiting.at(0);
    const option = card && (card.responses as { id: string; available: boolean }[]).find((o) => o.available);
    if (card && option) return me.send('intent', { intent: { type: 'respond', npc: card.id, response: option.id } });
    if (phone && !phone.line && phone.queue[0]) me.send('intent', { intent: { type: 'pickUp', npc: phone.queue[0].npc } });
  }, 30);
  me.send('ready', { ready: true });
  await until(() => endedMessages.length === 1, 'the end of the drill', 30_000);
  clearInterval(play);
  ended = endedMessages[0];
  stored = (await server.services.store.getDrill(ended.record))!;
  await me.leave();
}, 60_000);
afterAll(async () => server.close());

describe('GET /api/drills/:id/replay', () => {
  it('gives the drill’s people everything needed to replay it, and the server’s verdict', async () => {
    expect(ended.reportToken).toEqual(expect.any(String));
    const res = await get(replayPath(ended.record, ended.reportToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = ReplayResponseSchema.parse(await res.json());
    expect(body.verification).toEqual({ matches: true, differences: [] });
    expect(body.drill).toMatchObject({ id: ended.record, mode: 'solo' });
    expect(body.record.scores).toEqual(ended.scores);
    expect(body.record.total).toBe(ended.total);
    expect(body.record.ending).toEqual(ended.ending);
    expect(body.record.inputs.filter((i) => 'post' in i && i.post === 'call-centre-lead').length).toBeGreaterThan(3);
    expect(body.scenarioHash).toBe(server.services.scenarios.get('huarui-upgrade-outage')!.hash);
    // What the client does with it: replay in full and step to the end, to the stored result.
    expect(verifyReplay(body.scenario, body.scenarioHash, body.record)).toEqual({ matches: true, differences: [] });
    const cursor = new ReplayCursor(body.scenario, body.record);
    cursor.seek(cursor.last);
    expect(cursor.state.scores).toEqual(ended.scores);
    expect(cursor.state.ending).toEqual(ended.ending);
  });

  it('answers a wrong token, an unknown drill and a missing token with the same 404', async () => {
    const answers = await Promise.all(
      [
        replayPath(ended.record, 'x'.repeat(ended.reportToken.length)),
        replayPath(ended.record, `${ended.reportToken}x`),
        replayPath('00000000-0000-0000-0000-000000000000', ended.reportToken),
        replayPath('y'.repeat(5000), ended.reportToken),
        `/api/drills/${ended.record}/replay`,
        `/api/drills/${ended.record}/replay?token=${ended.reportToken}&token=${ended.reportToken}`,
        `/api/drills/${ended.record}/replay?token[a]=1`,
        replayPath(ended.record, ''),
      ].map(async (path) => {
        const res = await get(path);
        return { status: res.status, body: await res.text() };
      }),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(404);
    expect(answers[0]!.body).not.toContain(ended.record);
  });

  it('opens nothing for a record stored without a token, even with an empty one', async () => {
    await server.services.store.saveDrill({ ...stored, id: 'no-token-drill', reportToken: '' });
    const res = await get(replayPath('no-token-drill', ''));
    expect(res.status).toBe(404);
  });

  it('says when a stored result does not match its replay, naming what differs', async () => {
    const forgedTrust = stored.scores.trust <= 90 ? stored.scores.trust + 9 : stored.scores.trust - 9;
    await server.services.store.saveDrill({ ...stored, id: 'forged-drill', reportToken: 'forged-token', scores: { ...stored.scores, trust: forgedTrust } });
    const body = ReplayResponseSchema.parse(await (await get(replayPath('forged-drill', 'forged-token'))).json());
    expect(body.verification).toEqual({ matches: false, differences: [{ what: 'scores.trust', stored: forgedTrust, replayed: stored.scores.trust }] });
  });

  it('refuses to replay a drill whose scenario the server no longer has, once the token is right', async () => {
    await server.services.store.saveDrill({ ...stored, id: 'orphan-drill', reportToken: 'orphan-token', scenarioId: 'retired-scenario' });
    expect((await get(replayPath('orphan-drill', 'wrong'))).status).toBe(404);
    const res = await get(replayPath('orphan-drill', 'orphan-token'));
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('scenario-unavailable');
  });
});
