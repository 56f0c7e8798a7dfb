import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRILL_ROOM } from '../../shared/protocol/messages.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

// Its own file: Colyseus' matchmaker is one per process, so one server per test file.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ joinLimit: { failures: 10_000, windowSeconds: 60 } });
});
afterAll(async () => server.close());

const drills = async () => (await matchMaker.query({ name: DRILL_ROOM })).length;

/** Every option a client could send to make or enter a drill of its own choosing. */
function hostileOptions(existing: { code: string; trainerKey: string }) {
  const restore = { version: 2, code: 'FAKE2345', inputs: [], players: [], phase: 'paused', trainerKey: 'k'.repeat(22) };
  return [
    {},
    { name: 'x' },
    { name: 'x', post: 'pr' },
    { code: 'FAKE2345', trainerKey: 'chosen-trainer-key-123', seed: 7, create: { mode: 'training', scenario: 'mini-outage' } },
    { create: { mode: 'team', scenario: 'mini-outage', team: 'Ghosts', competition: 'c'.repeat(22) }, code: 'GHST2345', trainerKey: 'k'.repeat(22), seed: 1 },
    { create: { mode: 'solo', scenario: 'mini-outage', post: 'pr', skill: 'expert' }, restore },
    { ticket: 'A'.repeat(22) },
    { ticket: existing.trainerKey },
    { code: existing.code, trainerKey: existing.trainerKey },
    { roomId: existing.code, name: 'x' },
  ];
}

describe("Colyseus's matchmaking routes for drills", () => {
  it('refuse to create or join a drill without its code, whatever the options, and answer JSON without a trace', async () => {
    const existing = await server.createDrill({ mode: 'training', scenario: 'mini-outage' });
    const seen = await server.join(existing.code, { trainerKey: existing.trainerKey! });
    const before = await drills();
    for (const method of ['create', 'join', 'joinOrCreate', 'joinById', 'reconnect', 'remoteRoomCall', 'nosuch']) {
      for (const room of [DRILL_ROOM, 'lobby', '']) {
        for (const body of hostileOptions(existing as { code: string; trainerKey: string })) {
          if (method === 'joinById' || method === 'reconnect') continue; // these two are the doors: tested below
          const res = await fetch(`${server.url}/matchmake/${method}/${room}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          const text = await res.text();
          expect(res.headers.get('content-type'), `${method}/${room}`).toMatch(/application\/json/);
          const answer = JSON.parse(text) as { error?: string; room?: unknown; sessionId?: unknown };
          expect(answer.error, `${method}/${room} ${text}`).toBeTypeOf('string');
          expect(answer.room).toBeUndefined();
          expect(answer.sessionId).toBeUndefined();
          expect(text).not.toMatch(/at .*\.(ts|js):\d+|\/work\/|node_modules|Cannot read properties/);
        }
      }
    }
    // Other verbs and addresses Colyseus would take as its own.
    for (const [verb, path] of [['GET', '/matchmake/create/drill'], ['PUT', '/matchmake/joinById/XXXX'], ['POST', '/api/x/matchmake/create/drill'], ['POST', '/matchmake/']] as const) {
      const res = await fetch(`${server.url}${path}`, { method: verb, ...(verb !== 'GET' && { body: '{}' }) });
      expect(res.status, `${verb} ${path}`).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toMatch(/\/work\/|node_modules/);
    }
    expect(await drills()).toBe(before);

    // colyseus.js's own calls are refused the same way.
    const client = server.client();
    for (const body of hostileOptions(existing as { code: string; trainerKey: string })) {
      await expect(client.create(DRILL_ROOM, body)).rejects.toThrow();
      await expect(client.join(DRILL_ROOM, body)).rejects.toThrow();
      await expect(client.joinOrCreate(DRILL_ROOM, body)).rejects.toThrow();
    }
    expect(await drills()).toBe(before);
    // Nobody got a seat in the existing drill by any of this.
    expect([...seen.state.seats.values()].every((s) => s.kind === 'bot')).toBe(true);
    expect(server.errors).toEqual([]);
    await seen.leave();
  });

  it('create a drill only from a ticket the server issued: server code passing options is refused too', async () => {
    const before = await drills();
    for (const options of [{}, { ticket: 'B'.repeat(22) }, { create: { mode: 'training', scenario: 'mini-outage' }, code: 'FAKE2345', trainerKey: 'k'.repeat(22), seed: 3 }]) {
      await expect(matchMaker.createRoom(DRILL_ROOM, options)).rejects.toThrow(/created by the server/);
    }
    expect(await drills()).toBe(before);
  });

  it('let a drill be joined by its code only: an unknown code or a wrong key gets in nowhere', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage' });
    await expect(server.client().joinById('ZZZZZZZZ', { name: 'x' })).rejects.toThrow(/not found/);
    await expect(server.client().joinById(code, { trainerKey: 'w'.repeat(22) })).rejects.toThrow(/wrong trainer key/);
    await expect(server.client().joinById(code, { trainerKey: trainerKey!, seed: 1 })).rejects.toThrow(/bad join options/);
    const trainer = await server.join(code, { trainerKey: trainerKey! });
    const welcome = collect<{ role: string }>(trainer, 'welcome');
    await until(() => welcome.length === 1, 'the welcome');
    expect(welcome[0]!.role).toBe('trainer');
    await trainer.leave();
  });
});
