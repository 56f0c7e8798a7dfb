import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

// The trainer's `post` message: free a trainee's post, take a post over, hand it back.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  expect(server.errors).toEqual([]);
  await server.close();
});

const seat = (room: Room, post: string) => room.state.seats.get(post)?.toJSON() as { holder: string; kind: string; connected: boolean } | undefined;

/** A running drill at a slow clock, paused, with a trainer and one trainee at "pr". */
async function pausedDrill(): Promise<{ code: string; trainerKey: string; trainer: Room; trainee: Room }> {
  const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
  const trainer = await server.join(code, { trainerKey: trainerKey! });
  const trainee = await server.join(code, { name: '王芳', post: 'pr' });
  await until(() => seat(trainer, 'pr')?.holder === '王芳', 'the trainee to sit');
  trainer.send('clock', { action: 'start' });
  trainer.send('clock', { action: 'pause' });
  await until(() => trainer.state.phase === 'paused', 'the pause');
  return { code, trainerKey: trainerKey!, trainer, trainee };
}

describe('the trainer frees and takes over posts', () => {
  it('frees a trainee’s post: a bot holds it, the trainee stays unseated and is told why', async () => {
    const { trainer, trainee } = await pausedDrill();
    const freed = collect(trainee, 'freed');
    const refusals = collect(trainer, 'rejected');
    trainer.send('post', { ref: 7, action: 'free', post: 'pr' });
    await until(() => seat(trainer, 'pr')?.kind === 'bot', 'a bot at pr');
    await until(() => freed.length === 1, 'the trainee to be told');
    expect(freed[0]).toMatchObject({ post: 'pr' });
    expect(seat(trainer, 'pr')).toMatchObject({ holder: '', kind: 'bot' });
    await until(() => trainer.state.unseated.length === 1, 'the trainee listed without a post', 3000);
    expect([...trainer.state.unseated]).toEqual(['王芳']);
    // The trainee is still in the drill, without a post: its intents are refused for that reason.
    const traineeRefusals = collect(trainee, 'rejected');
    trainee.send('intent', { ref: 1, intent: { type: 'shareFact', fact: 'root-cause', to: ['ops'] } });
    await until(() => traineeRefusals.length === 1, 'the refusal');
    expect(traineeRefusals[0]).toMatchObject({ ref: 1, code: 'no-post' });
    // Nothing left to free.
    trainer.send('post', { ref: 8, action: 'free', post: 'pr' });
    await until(() => refusals.length === 1, 'the second free refused');
    expect(refusals[0]).toMatchObject({ ref: 8, code: 'post-not-held', type: 'post' });
    await Promise.all([trainer, trainee].map((r) => r.leave()));
  });

  it('tells a trainee freed while away, once back on the same seat', async () => {
    const { trainer, trainee } = await pausedDrill();
    const token = trainee.reconnectionToken;
    trainee.connection.close(4999, 'network gone');
    await until(() => seat(trainer, 'pr')?.connected === false, 'the trainee to be away');
    trainer.send('post', { action: 'free', post: 'pr' });
    await until(() => seat(trainer, 'pr')?.kind === 'bot', 'a bot at pr');
    const back = await server.client().reconnect(token);
    const freed = collect(back, 'freed');
    await until(() => freed.length === 1, 'the returning trainee to be told');
    expect(freed[0]).toMatchObject({ post: 'pr' });
    await Promise.all([trainer, back].map((r) => r.leave()));
  });

  it('takes a post over: the trainer’s intents act for it, and release gives it back to a bot', async () => {
    const { trainer, trainee } = await pausedDrill();
    const refusals = collect(trainer, 'rejected');
    const events = collect(trainer, 'events');
    trainer.send('post', { ref: 1, action: 'takeOver', post: 'pr' });
    await until(() => refusals.length === 1, 'the refusal of a post a trainee holds');
    expect(refusals[0]).toMatchObject({ ref: 1, code: 'seat-taken' });

    trainer.send('post', { ref: 2, action: 'takeOver', post: 'commander' });
    await until(() => seat(trainer, 'commander')?.kind === 'trainer', 'the trainer at commander');
    expect(seat(trainer, 'commander')).toMatchObject({ kind: 'trainer', connected: true });
    trainer.send('clock', { action: 'resume' });
    await until(() => (panelsOf(trainer).get('commander')?.waiting.length ?? 0) > 0, 'someone waiting in the ops room', 15_000);
    const npc = panelsOf(trainer).get('commander')!.waiting.at(0)!;
    const option = (npc.responses as { id: string; available: boolean }[]).find((r) => r.available)!;
    trainer.send('intent', { ref: 3, intent: { type: 'respond', npc: npc.id, response: option.id } });
    await until(() => events.flat().some((e) => e.type === 'response' && e.post === 'commander' && e.response === option.id), 'the trainer’s answer');
    expect(refusals.filter((r) => r.ref === 3)).toEqual([]);

    trainer.send('post', { ref: 4, action: 'release', post: 'commander' });
    await until(() => seat(trainer, 'commander')?.kind === 'bot', 'a bot back at commander');
    trainer.send('post', { ref: 5, action: 'release', post: 'commander' });
    await until(() => refusals.some((r) => r.ref === 5), 'releasing a post not held');
    expect(refusals.find((r) => r.ref === 5)).toMatchObject({ code: 'no-post' });
    trainer.send('post', { ref: 6, action: 'takeOver', post: 'nowhere' });
    await until(() => refusals.some((r) => r.ref === 6), 'an unknown post');
    expect(refusals.find((r) => r.ref === 6)).toMatchObject({ code: 'unknown-post' });
    await Promise.all([trainer, trainee].map((r) => r.leave()));
  });

  it('refuses the message from a trainee and a spectator, and nothing changes', async () => {
    const { code, trainerKey, trainer, trainee } = await pausedDrill();
    const spectator = await server.join(code, { spectate: true, trainerKey });
    const before = JSON.stringify(trainer.state.toJSON());
    const refusals = collect(trainee, 'rejected');
    const spectatorRefusals = collect(spectator, 'rejected');
    trainee.send('post', { ref: 1, action: 'takeOver', post: 'commander' });
    trainee.send('post', { ref: 2, action: 'free', post: 'pr' });
    trainee.send('post', { ref: 3, action: 'release', post: 'pr' });
    spectator.send('post', { ref: 4, action: 'takeOver', post: 'commander' });
    await until(() => refusals.length === 3 && spectatorRefusals.length === 1, 'four refusals');
    expect(refusals.map((r) => [r.ref, r.code])).toEqual([[1, 'not-allowed'], [2, 'not-allowed'], [3, 'not-allowed']]);
    expect(spectatorRefusals[0]).toMatchObject({ ref: 4, code: 'not-allowed' });
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(trainer.state.toJSON())).toBe(before);
    await Promise.all([trainer, trainee, spectator].map((r) => r.leave()));
  });

  it('tells the trainer and spectators the optional injects, and players nothing of them', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
    const trainerClient = server.client();
    const trainerWelcome = new Promise<any>((resolve) => {
      void trainerClient.joinById(code, { trainerKey }).then((room) => room.onMessage('welcome', resolve));
    });
    const playerClient = server.client();
    const playerWelcome = new Promise<any>((resolve) => {
      void playerClient.joinById(code, { name: 'Sam' }).then((room) => room.onMessage('welcome', resolve));
    });
    expect((await trainerWelcome).injects).toEqual([{ id: 'power-cut', room: 'lobby', title: { 'zh-CN': '停电', en: 'Power cut' } }]);
    expect((await playerWelcome).injects).toBeUndefined();
  });
});
