import { Decoder, Encoder } from '@colyseus/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrillSchema } from '../../server/state/DrillSchema.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const post = (path: string, body: object) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('seats', () => {
  it('list a player who released a post among those without one at once, and acknowledge each move', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage' });
    const trainer = await server.join(code, { trainerKey: trainerKey! });
    const player = await server.join(code, { name: 'Releaser', post: 'agent' });
    const acks = collect<{ post: string | null; ref: number | null }>(player, 'seated');
    await until(() => trainer.state.seats.get('agent')?.holder === 'Releaser', 'the seat');
    player.send('seat', { ref: 7, action: 'release', post: 'agent' });
    await until(() => trainer.state.unseated.length === 1, 'the name among those without a post');
    expect([...trainer.state.unseated]).toEqual(['Releaser']);
    await until(() => acks.length === 1, 'the acknowledgement');
    expect(acks[0]).toEqual({ post: null, ref: 7 });
    player.send('seat', { ref: 8, action: 'take', post: 'pr' });
    await until(() => acks.length === 2, 'the second acknowledgement');
    expect(acks[1]).toEqual({ post: 'pr', ref: 8 });
    // The panel of the post given up is no longer in the player's state: no stale copy is left.
    await until(() => panelsOf(player).get('agent') === undefined && panelsOf(player).get('pr') !== undefined, 'the panels to follow the post');
    await Promise.all([trainer.leave(), player.leave()]);
  });
});

describe('competitions', () => {
  it('take one entry per team whatever the case of its name', async () => {
    const made = (await (await post('/api/competitions', { scenario: 'mini-outage', name: 'Case cup' })).json()) as { id: string };
    expect((await post('/api/drills', { mode: 'team', scenario: 'mini-outage', team: 'T1', competition: made.id })).status).toBe(201);
    for (const team of ['t1', 'T1', ' t1 ']) {
      const res = await post('/api/drills', { mode: 'team', scenario: 'mini-outage', team, competition: made.id });
      expect(res.status, team).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('team-entered');
    }
  });
});

describe('scores on the wire', () => {
  it('carry a fractional total exactly, not rounded to 32 bits', () => {
    const state = new DrillSchema();
    state.scores.total = 64.2;
    state.scores.trust = 61.5;
    const decoded = new DrillSchema();
    new Decoder(decoded).decode(new Encoder(state).encodeAll());
    expect(decoded.scores.total).toBe(64.2);
    expect(decoded.scores.trust).toBe(61.5);
  });

  it('send the total of a real drill exactly as its result states it', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 3600 });
    const trainer = await server.join(code, { trainerKey: trainerKey! });
    const ended = collect<{ total: number; scores: Record<string, number> }>(trainer, 'ended');
    trainer.send('clock', { action: 'start' });
    await until(() => ended.length === 1, 'the end', 30_000);
    await until(() => trainer.state.scores.total === ended[0]!.total, 'the exact total in the state');
    await trainer.leave();
  });
});
