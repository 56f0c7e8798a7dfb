import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('an accepted move', () => {
  it('reaches the players at once, not at the next timed patch', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 600 });
    const trainer = await server.join(code, { trainerKey });
    const player = await server.join(code, { name: '小王', post: 'agent' });
    await until(() => trainer.state.seats?.get('agent')?.holder === '小王', 'the seat to show the player');
    trainer.send('clock', { action: 'start' });
    await until(() => (panelsOf(player).get('agent')?.waiting.length ?? 0) > 0, 'a caller on the phone panel');
    trainer.send('clock', { action: 'pause' });
    await until(() => player.state.phase === 'paused', 'the pause');

    // From here the room sends no timed patches: only a move's own patch can reach the player.
    matchMaker.getLocalRoomById(code)!.patchRate = 0;
    const card = panelsOf(player).get('agent')!.waiting[0]!;
    const option = card.responses.find((o) => o.available)!;
    const before = player.state.scores.total;
    const rejected = collect(player, 'rejected');
    const events = collect(player, 'events');
    trainer.send('clock', { action: 'resume' });
    await until(() => player.state.phase === 'running', 'the resume, sent as its own patch');
    player.send('intent', { intent: { type: 'respond', npc: card.id, response: option.id } });
    await until(() => events.flat().some((e: { type: string }) => e.type === 'response'), 'the response event');
    await until(() => panelsOf(player).get('agent')!.waiting.every((c) => c.id !== card.id || c.interaction !== card.interaction) || player.state.scores.total !== before, 'the answered card to change', 3000);
    expect(rejected).toEqual([]);
    await player.leave();
    await trainer.leave();
  });
});
