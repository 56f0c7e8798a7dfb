import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointSchema, type Checkpoint } from '../../server/checkpoints/Checkpoint.js';
import { restoreCheckpoints } from '../../server/checkpoints/restoreCheckpoints.js';
import { newJoinCode } from '../../server/net/secrets.js';
import type { ChatLine } from '../../shared/protocol/serverMessages.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

// A drill's chat is in its log, so the checkpoint keeps it and a restored drill shows it again.

let server: TestServer;
beforeAll(async () => {
  // A short reconnection window, so that the original drill is wound up soon after everyone leaves.
  server = await startTestServer({ reconnectSeconds: 1 });
});
afterAll(async () => {
  expect(server.errors).toEqual([]);
  await server.close();
});

const seatOf = (room: Room, post: string) => room.state.seats?.get(post)?.toJSON() as { holder: string } | undefined;

async function checkpointOf(code: string): Promise<Checkpoint | undefined> {
  const row = (await server.services.store.listCheckpoints()).find((c) => c.code === code);
  return row && CheckpointSchema.parse(JSON.parse(row.payload));
}

describe('team chat across a restart', () => {
  it('comes back with the restored drill: the same history, to the trainer and to a trainee by their token', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 30 });
    const trainer = await server.join(code, { trainerKey: trainerKey! });
    const li = await server.join(code, { name: 'Li', post: 'agent' });
    const welcome = collect<{ participant: string }>(li, 'welcome');
    const wang = await server.join(code, { name: 'Wang', post: 'pr' });
    const heard = collect<ChatLine>(trainer, 'chat');
    await until(() => seatOf(trainer, 'agent')?.holder === 'Li' && seatOf(trainer, 'pr')?.holder === 'Wang' && welcome.length === 1, 'the trainees to sit');
    trainer.send('clock', { action: 'start' });
    await until(() => trainer.state.phase === 'running', 'the start');
    li.send('chat', { channel: 'team', text: 'before the restart' });
    wang.send('chat', { channel: 'agent', text: 'pair, before the restart' });
    trainer.send('chat', { channel: 'commander~manager', text: 'trainer only' });
    await until(() => heard.length === 3, 'the lines');
    // A pause writes the checkpoint at once.
    trainer.send('clock', { action: 'pause' });
    let live: Checkpoint | undefined;
    await until(() => (void checkpointOf(code).then((x) => (live = x)), live?.phase === 'paused' && live.inputs.filter((i) => 'chat' in i).length === 3), 'a checkpoint with the chat');
    await Promise.all([trainer, li, wang].map((r) => r.leave()));
    let original: Checkpoint | undefined = live;
    await until(() => (void checkpointOf(code).then((x) => (original = x)), original === undefined), 'the original drill to close', 15_000);

    // The same drill comes back under another code, as if this process had just restarted.
    const moved = newJoinCode();
    const again: Checkpoint = { ...live!, code: moved, creation: { ...live!.creation, code: moved, id: crypto.randomUUID() } };
    await server.services.store.saveCheckpoint(moved, JSON.stringify(again), new Date());
    expect((await restoreCheckpoints(server.services)).restored).toEqual([moved]);

    const back = await server.client().joinById(moved, { trainerKey: trainerKey! });
    const trainerHistory = collect<{ lines: ChatLine[] }>(back, 'chatHistory');
    back.onMessage('*', () => {});
    await until(() => trainerHistory.length === 1, 'the trainer’s history');
    expect(trainerHistory[0]!.lines).toEqual(heard);

    const liBack = await server.client().joinById(moved, { name: 'Li', participant: welcome[0]!.participant });
    const liHistory = collect<{ lines: ChatLine[] }>(liBack, 'chatHistory');
    liBack.onMessage('*', () => {});
    await until(() => liHistory.length === 1, 'Li’s history');
    expect(liHistory[0]!.lines.map((l) => l.text)).toEqual(['before the restart', 'pair, before the restart']);
    await Promise.all([back.leave(), liBack.leave()]);
  }, 30_000);
});
