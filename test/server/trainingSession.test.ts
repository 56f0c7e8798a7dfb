import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJoinCode, normalizeJoinCode } from '../../shared/protocol/joinCode.js';
import { replay } from '../../shared/replay/replay.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { answerWhatWaits, panelsOf } from '../helpers/panels.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  expect(server.errors).toEqual([]);
  await server.close();
});

const scoresOf = (room: Room) => JSON.stringify(room.state.scores.toJSON());

describe('a training session', () => {
  it('runs end to end: trainer, three trainees by code, one bot, stored record', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 1800 });
    const trainer = await server.join(code, { trainerKey });
    const trainees = await Promise.all(
      [['王芳', 'agent'], ['李雷', 'pr'], ['Sam', 'commander']].map(([name, post]) => server.join(normalizeJoinCode(formatJoinCode(code).toLowerCase()), { name, post })),
    );
    const ended = [trainer, ...trainees].map((r) => collect(r, 'ended'));
    await until(() => trainer.state.seats.get('commander')?.holder === 'Sam', 'all seats taken');
    expect([...trainer.state.seats.values()].map((s) => s.kind).sort()).toEqual(['bot', 'human', 'human', 'human']);
    expect(trainer.state.seats.get('manager')!.kind).toBe('bot');

    // The trainees play what they see in their own room, quickly, until the drill ends.
    const stopPlaying = answerWhatWaits(trainees);
    trainer.send('clock', { action: 'start' });
    await until(() => ended.every((e) => e.length === 1), 'the drill to end for everyone', 15_000);
    stopPlaying();

    const scores = scoresOf(trainer);
    for (const room of trainees) expect(scoresOf(room)).toBe(scores);
    const result = ended[0]![0];
    expect(result.saved).toBe(true);
    const record = await server.services.store.getDrill(result.record);
    expect(record).toMatchObject({ mode: 'training', scenarioId: 'mini-outage', total: result.total });
    expect(record!.inputs.some((i) => 'post' in i && i.post === 'agent')).toBe(true);
    expect(record!.inputs.some((i) => 'post' in i && i.post === 'manager')).toBe(true);
    // The stored log replays to the stored result.
    const scenario = server.services.scenarios.get('mini-outage')!.scenario;
    const again = replay(scenario, { seed: record!.seed, roster: record!.roster }, record!.inputs, record!.untilClock);
    expect(again.rejected).toEqual([]);
    expect(again.state.scores).toEqual(record!.scores);
    await Promise.all([trainer, ...trainees].map((r) => r.leave()));
  });

  it('gives the trainer the controls: pause stops the clock, injects reach the right room', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
    const trainer = await server.join(code, { trainerKey });
    const manager = await server.join(code, { name: 'Lobby', post: 'manager' });
    const agent = await server.join(code, { name: 'Phone', post: 'agent' });
    const lobbyEvents = collect(manager, 'events');
    const phoneEvents = collect(agent, 'events');
    trainer.send('clock', { action: 'start' });
    await until(() => trainer.state.phase === 'running' && trainer.state.clock > 9 * 3600 + 10, 'the clock to start');
    trainer.send('clock', { action: 'pause' });
    await until(() => trainer.state.phase === 'paused', 'the pause');
    const pausedAt = trainer.state.clock;
    await new Promise((r) => setTimeout(r, 400));
    expect(trainer.state.clock).toBe(pausedAt);

    trainer.send('control', { control: { type: 'inject', inject: 'power-cut' } });
    await until(() => lobbyEvents.flat().some((e) => e.type === 'inject' && e.inject === 'power-cut'), 'the inject in the lobby');
    expect(phoneEvents.flat().some((e) => e.type === 'inject' && e.inject === 'power-cut')).toBe(false);

    trainer.send('clock', { action: 'speed', speed: 120 });
    trainer.send('clock', { action: 'resume' });
    await until(() => trainer.state.clock > pausedAt && trainer.state.speed === 120, 'the resume at the new speed');
    await Promise.all([trainer, manager, agent].map((r) => r.leave()));
  });

  it('refuses trainer commands from a trainee and changes nothing', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
    const trainer = await server.join(code, { trainerKey });
    const trainee = await server.join(code, { name: 'Eve', post: 'pr' });
    const refusals = collect(trainee, 'rejected');
    trainer.send('clock', { action: 'start' });
    trainer.send('clock', { action: 'pause' });
    await until(() => trainer.state.phase === 'paused', 'the pause');
    const before = JSON.stringify(trainer.state.toJSON());
    trainee.send('clock', { ref: 1, action: 'resume' });
    trainee.send('control', { ref: 2, control: { type: 'inject', inject: 'power-cut' } });
    trainee.send('control', { ref: 3, control: { type: 'end' } });
    trainee.send('hint', { ref: 4, post: 'pr', text: 'cheat' });
    await until(() => refusals.length === 4, 'four refusals');
    expect(refusals.map((r) => [r.ref, r.code])).toEqual([[1, 'not-allowed'], [2, 'not-allowed'], [3, 'not-allowed'], [4, 'not-allowed']]);
    expect(JSON.stringify(trainer.state.toJSON())).toBe(before);
    await expect(server.join(code, { trainerKey: 'x'.repeat(22) })).rejects.toThrow(/wrong trainer key/);
    await Promise.all([trainer, trainee].map((r) => r.leave()));
  });

  it('sends a hint to one post only', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 60 });
    const trainer = await server.join(code, { trainerKey });
    const pr = await server.join(code, { name: 'PR', post: 'pr' });
    const agent = await server.join(code, { name: 'Agent', post: 'agent' });
    const prHints = collect(pr, 'hint');
    const agentHints = collect(agent, 'hint');
    trainer.send('hint', { post: 'pr', text: '先核实再发声' });
    await until(() => prHints.length === 1, 'the hint');
    expect(prHints[0]).toMatchObject({ post: 'pr', text: '先核实再发声' });
    expect(agentHints).toEqual([]);
    await Promise.all([trainer, pr, agent].map((r) => r.leave()));
  });
});

describe('visibility', () => {
  it('never sends a phone-queue client the branch lobby NPCs, in panels or in events', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 1800 });
    const trainer = await server.join(code, { trainerKey });
    const phone = await server.join(code, { name: 'Phone', post: 'agent' });
    const events = collect(phone, 'events');
    const seenPanels = new Set<string>();
    phone.onMessage('panel', (p: { post: string }) => seenPanels.add(p.post));
    const ended = collect(phone, 'ended');
    trainer.send('clock', { action: 'start' });
    await until(() => ended.length === 1, 'the end', 15_000);
    expect([...seenPanels]).toEqual(['agent']);
    expect(panelsOf(trainer).size).toBe(4);
    const all = events.flat();
    expect(all.some((e) => e.room === 'phone')).toBe(true);
    expect(all.filter((e) => e.room === 'lobby')).toEqual([]);
    expect(all.filter((e) => e.type === 'npcArrived' && e.room !== 'phone')).toEqual([]);
    await Promise.all([trainer, phone].map((r) => r.leave()));
  });
});
