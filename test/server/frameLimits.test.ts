import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/protocol/messages.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 30, limits: { perSecond: 2, burst: 5, maxStrikes: 10 } });
});
afterAll(async () => server.close());

const socket = (room: Room) => (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
const closeCodes = (room: Room) => {
  const codes: number[] = [];
  room.onLeave((code) => codes.push(code));
  return codes;
};

async function seated(name: string, post: string) {
  const { code } = await server.createDrill({ mode: 'team', scenario: 'mini-outage', team: `Team ${name}` });
  const room = await server.join(code, { name, post });
  const welcome = collect<{ participant: string }>(room, 'welcome');
  await until(() => welcome.length === 1, 'the welcome');
  return { code, room, token: welcome[0]!.participant };
}

describe('the message allowance', () => {
  it('counts frames that are not room messages, random bytes and text alike, and cuts a client that floods with them', async () => {
    for (const kind of ['bytes', 'text'] as const) {
      const { code, room, token } = await seated(`Noise ${kind}`, 'agent');
      const quiet = await server.join(code, { name: 'Quiet', post: 'pr' });
      const codes = closeCodes(room);
      const ws = socket(room);
      for (let i = 0; i < 40; i++) ws.send(kind === 'bytes' ? new Uint8Array([0xfe, i, 0x00, 0x7f]) : `frame ${i}`);
      await until(() => codes.length === 1, `a flood of ${kind} to be cut off`);
      expect(codes[0]).toBe(CLOSE_CODES.flood);
      // The same person cannot come straight back with their token: the cut has a cool-down.
      await expect(server.client().joinById(code, { name: 'Noise', participant: token })).rejects.toThrow(/cut off for flooding: try again in \d+ s/);
      // Everyone else carries on.
      quiet.send('ready', { ready: true });
      await until(() => quiet.state.seats.get('pr')?.ready === true, 'the quiet player to be served');
      await quiet.leave();
    }
  });

  it('belongs to the person, not the connection: rejoining by token does not refill it', async () => {
    const { code, room, token } = await seated('Rejoiner', 'manager');
    const refusals = collect<{ code: string }>(room, 'rejected');
    for (let i = 0; i < 8; i++) room.send('ready', { ref: i, ready: i % 2 === 0 });
    await until(() => refusals.filter((r) => r.code === 'rate-limited').length >= 3, 'the allowance to run out');
    room.connection.close();
    const again = await server.join(code, { name: 'Rejoiner', participant: token });
    const after = collect<{ code: string; ref: number | null }>(again, 'rejected');
    again.send('ready', { ref: 100, ready: true });
    await until(() => after.some((r) => r.ref === 100), 'the answer to the first message after the rejoin');
    expect(after.find((r) => r.ref === 100)!.code).toBe('rate-limited');
    await again.leave();
  });
});
