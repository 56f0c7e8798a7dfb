import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveDrill as DrillConnection } from '../../client/drill/LiveDrill.js';
import { JoinError } from '../../client/net/DrillConnection.js';
import { startTestServer, until, type TestServer } from '../helpers/server.js';

// The network service (with the view it feeds) against the real server (test fixtures), in Node: joining, seats, the
// reconnection after a dropped socket, the rejoin after a reload, and the seat-gone refusal.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // The service connects to the page's own origin; here that is the test server.
  (globalThis as { location?: unknown }).location = { protocol: 'http:', host: server.url.replace('http://', '') };
});
afterAll(async () => {
  delete (globalThis as { location?: unknown }).location;
  await server.close();
});

async function training(): Promise<{ code: string; trainerKey: string }> {
  const created = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
  return { code: created.code, trainerKey: created.trainerKey! };
}

describe('DrillConnection', () => {
  it('joins by code, learns its post from the server and follows a change of post', async () => {
    const { code } = await training();
    const player = await DrillConnection.join(code, { name: 'Ana', post: 'pr' });
    await until(() => player.view?.me.post === 'pr', 'the welcome');
    // Names come from GET /api/scenarios, matched to the drill's own scenario.
    expect(player.view?.scenario.title).not.toBeNull();
    expect(player.view?.me.postName).toEqual(player.scenario?.posts.find((p) => p.id === 'pr')?.name);
    expect(player.view?.seats.find((s) => s.post === 'pr')).toMatchObject({ kind: 'human', holder: 'Ana', mine: true });
    player.takeSeat('agent');
    await until(() => player.view?.me.post === 'agent', 'the new post');
    expect(player.view?.seats.find((s) => s.post === 'pr')?.kind).toBe('bot');
    player.releaseSeat('agent');
    await until(() => player.view?.me.post === null, 'the release');
    await player.leave();
  });

  it('gives the trainer every panel and lets it choose which to watch', async () => {
    const { code, trainerKey } = await training();
    const trainer = await DrillConnection.join(code, { trainerKey });
    await until(() => trainer.view?.me.isTrainer === true && trainer.view.panel !== null, 'the trainer view');
    trainer.watchPost('agent');
    expect(trainer.view?.panel?.post).toBe('agent');
    expect(trainer.view?.me.canAct).toBe(false);
    await trainer.leave();
  });

  it('reconnects to the same seat by itself after the socket drops, saying so on the way', async () => {
    const { code, trainerKey } = await training();
    const trainer = await DrillConnection.join(code, { trainerKey });
    const player = await DrillConnection.join(code, { name: 'Bo', post: 'agent' });
    await until(() => player.view?.me.post === 'agent', 'the seat');
    const statuses: string[] = [];
    player.on('status', (s) => statuses.push(s));
    trainer.clock('start');
    player.dropForTest();
    await until(() => statuses.includes('connected'), 'the reconnection');
    expect(statuses).toEqual(['reconnecting', 'connected']);
    await until(() => player.view?.phase === 'running', 'state after reconnecting');
    expect(player.view?.me.post).toBe('agent');
    await until(() => trainer.view?.seats.find((s) => s.post === 'agent')?.connected === true, 'the seat connected again');
    expect(trainer.view?.seats.find((s) => s.post === 'agent')).toMatchObject({ kind: 'human', holder: 'Bo' });
    await Promise.all([player.leave(), trainer.leave()]);
  });

  it('rejoins the same seat with the participant token, as a reloaded page does', async () => {
    const { code } = await training();
    const first = await DrillConnection.join(code, { name: 'Cy', post: 'manager' });
    const welcome = await new Promise<string>((resolve) => {
      const check = () => (first as unknown as { connection: { seat: { participant?: string } } }).connection.seat.participant;
      const wait = () => (check() ? resolve(check()!) : setTimeout(wait, 20));
      wait();
    });
    const again = await DrillConnection.rejoin({ code, name: 'Cy', participant: welcome });
    await until(() => again.view?.me.post === 'manager', 'the same post');
    await again.leave();
  });

  it('carries team chat: a line reaches the pair and the trainer, a refusal comes back as a chat refusal, history fills a page that comes back', async () => {
    const { code, trainerKey } = await training();
    const trainer = await DrillConnection.join(code, { trainerKey });
    const ana = await DrillConnection.join(code, { name: 'Ana', post: 'pr' });
    const bo = await DrillConnection.join(code, { name: 'Bo', post: 'agent' });
    await until(() => ana.view?.me.post === 'pr' && bo.view?.me.post === 'agent', 'the seats');
    trainer.clock('start');
    await until(() => ana.view?.phase === 'running', 'the start');
    const pair = 'agent~pr';
    const added: string[] = [];
    bo.on('chat', (c) => c.added && added.push(c.added.text));
    ana.sendChat(pair, '  is the cause known?  ');
    await until(() => bo.chatLines.length === 1 && trainer.chatLines.length === 1 && ana.chatLines.length === 1, 'the line');
    expect(bo.chatLines[0]).toMatchObject({ seq: 1, channel: pair, from: { post: 'pr', name: 'Ana' }, text: 'is the cause known?' });
    expect(added).toEqual(['is the cause known?']);
    const refusals: { code: string; type?: string }[] = [];
    ana.on('rejected', (r) => refusals.push(r));
    ana.sendChat(pair, 'x'.repeat(281));
    await until(() => refusals.length === 1, 'the refusal');
    expect(refusals[0]).toMatchObject({ code: 'chat-too-long', type: 'chat' });
    // A page that comes back gets what its post may read.
    const seat = (bo as unknown as { connection: { seat: { participant?: string } } }).connection.seat;
    await until(() => seat.participant !== undefined, 'the participant token');
    const again = await DrillConnection.rejoin({ code, name: 'Bo', participant: seat.participant! });
    await until(() => again.chatLines.length === 1, 'the history');
    expect(again.chatLines[0]!.text).toBe('is the cause known?');
    await Promise.all([trainer.leave(), ana.leave(), again.leave()]);
  });

  it('is told plainly when the seat is gone (4803)', async () => {
    const { code } = await training();
    const refusal = await DrillConnection.rejoin({ code, name: 'Dee', participant: 'x'.repeat(22) }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(JoinError);
    expect((refusal as JoinError).code).toBe(4803);
  });

  it('reports a drill that failed on the server as failed, not as a network problem', async () => {
    const { code, trainerKey } = await training();
    const trainer = await DrillConnection.join(code, { trainerKey });
    const player = await DrillConnection.join(code, { name: 'Ed', post: 'pr' });
    const closed: string[] = [];
    player.on('closed', (r) => closed.push(r));
    (trainer as unknown as { connection: { room: { send(type: string): void } } }).connection.room.send('__throw');
    await until(() => closed.length > 0, 'the close', 5000);
    expect(closed).toEqual(['failed']);
    server.errors.splice(0);
  });
});
