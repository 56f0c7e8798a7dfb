import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/protocol/messages.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 1, limits: { perSecond: 5, burst: 5, maxStrikes: 20 } });
});
afterAll(async () => server.close());

const closed = (room: { onLeave: (cb: (code: number) => void) => void }) => {
  const codes: number[] = [];
  room.onLeave((code) => codes.push(code));
  return codes;
};

describe('rate limits and message size', () => {
  it('throttles a client over its limit with an error, then disconnects it if it goes on', async () => {
    const { code } = await server.createDrill({ mode: 'team', scenario: 'mini-outage', team: 'Flood' });
    const quiet = await server.join(code, { name: 'Quiet', post: 'pr' });
    const noisy = await server.join(code, { name: 'Noisy', post: 'agent' });
    const refusals = collect(noisy, 'rejected');
    const noisyClosed = closed(noisy);
    for (let i = 0; i < 40; i++) noisy.send('ready', { ref: i, ready: true });
    await until(() => noisyClosed.length === 1, 'the flooder to be cut off');
    expect(noisyClosed[0]).toBe(CLOSE_CODES.flood);
    expect(refusals.filter((r) => r.code === 'rate-limited').length).toBeGreaterThanOrEqual(20);
    // Everyone else carries on.
    quiet.send('ready', { ref: 1, ready: true });
    await until(() => quiet.state.seats.get('pr')?.ready === true, 'the quiet player to still be served');
    await quiet.leave();
  });

  it('closes a connection that sends a frame over the size limit, and nothing else', async () => {
    const { code } = await server.createDrill({ mode: 'team', scenario: 'mini-outage', team: 'Big' });
    const other = await server.join(code, { name: 'Other', post: 'pr' });
    const big = await server.join(code, { name: 'Big', post: 'agent' });
    const bigClosed = closed(big);
    big.send('hint', { post: 'pr', text: 'x'.repeat(10_000) });
    await until(() => bigClosed.length === 1, 'the oversized frame to close its connection');
    other.send('ready', { ready: true });
    await until(() => other.state.seats.get('pr')?.ready === true, 'the drill to go on');
    expect(server.errors).toEqual([]);
    await other.leave();
  });
});

describe('a failure inside one drill', () => {
  it('stops that drill cleanly, tells its players, and leaves other drills running', async () => {
    const a = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
    const b = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
    const trainerA = await server.join(a.code, { trainerKey: a.trainerKey });
    const playerA = await server.join(a.code, { name: 'A', post: 'pr' });
    const trainerB = await server.join(b.code, { trainerKey: b.trainerKey });
    trainerB.send('clock', { action: 'start' });
    const told = collect(playerA, 'rejected');
    const playerAClosed = closed(playerA);
    playerA.send('__throw', {});
    await until(() => playerAClosed.length === 1, 'the failed drill to close');
    expect(playerAClosed[0]).toBe(CLOSE_CODES.drillFailed);
    expect(told.some((m) => m.type === 'failure')).toBe(true);
    expect(server.errors.some((e) => e.includes(a.code) && e.includes('test hook'))).toBe(true);
    const clockB = trainerB.state.clock;
    await until(() => trainerB.state.clock > clockB, 'the other drill to keep running');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    void trainerA;
    await trainerB.leave();
    server.errors.length = 0;
  });
});

describe('reconnection', () => {
  it('gives a dropped player the same seat and the current state, with a bot covering meanwhile', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 30 });
    const trainer = await server.join(code, { trainerKey });
    const client = server.client();
    const player = await client.joinById(code, { name: 'Drop', post: 'agent' });
    player.onMessage('*', () => {});
    trainer.send('clock', { action: 'start' });
    // The clock has moved before the drop, so the state sent on return is the current one.
    await until(() => trainer.state.phase === 'running' && trainer.state.clock > 9 * 3600, 'the clock to run');
    const token = player.reconnectionToken;
    // Drop the socket without saying goodbye.
    player.connection.close(4999, 'network gone');
    await until(() => trainer.state.seats.get('agent')?.connected === false, 'the seat to show the player away');
    expect(trainer.state.seats.get('agent')!.holder).toBe('Drop');
    const back = await client.reconnect(token);
    back.onMessage('*', () => {});
    // Watched at once, as the client does: the panel comes whole on return, then only its changes.
    panelsOf(back);
    await until(() => trainer.state.seats.get('agent')?.connected === true, 'the seat to show the player back');
    await until(() => panelsOf(back).get('agent') !== undefined, 'the panel to be sent again');
    expect(back.state.clock).toBeGreaterThan(9 * 3600);
    expect(trainer.state.seats.get('agent')!.kind).toBe('human');
    await back.leave();
    await trainer.leave();
  });

  it('returns a page reload to the same seat by its participant token', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 30 });
    const trainer = await server.join(code, { trainerKey });
    const first = await server.join(code, { name: 'Reload', post: 'pr' });
    const welcome = collect(first, 'welcome');
    await until(() => welcome.length === 1, 'the welcome');
    first.connection.close(4999, 'page reload');
    const again = await server.join(code, { name: 'Reload', participant: welcome[0].participant });
    const welcomeAgain = collect(again, 'welcome');
    await until(() => welcomeAgain.length === 1, 'the second welcome');
    expect(welcomeAgain[0]).toMatchObject({ post: 'pr', participant: welcome[0].participant });
    await until(() => trainer.state.seats.get('pr')?.connected === true, 'the seat to be held again');
    await again.leave();
    await trainer.leave();
  });

  it('gives the seat to a bot once the reconnection window has passed', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 30 });
    const trainer = await server.join(code, { trainerKey });
    const player = await server.join(code, { name: 'Gone', post: 'manager' });
    const welcome = collect(player, 'welcome');
    await until(() => welcome.length === 1, 'the welcome');
    trainer.send('clock', { action: 'start' });
    await until(() => trainer.state.seats.get('manager')?.holder === 'Gone', 'the seat to show the player');
    player.connection.close(4999, 'gone for good');
    await until(() => trainer.state.seats.get('manager')?.kind === 'bot' && trainer.state.seats.get('manager')?.holder === '', 'the bot to take the seat', 5000);
    await expect(server.join(code, { name: 'Gone', participant: welcome[0].participant })).rejects.toThrow(/seat is gone/);
    await trainer.leave();
  });
});
