import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointSchema, type Checkpoint } from '../../server/checkpoints/Checkpoint.js';
import { Checkpointer } from '../../server/checkpoints/Checkpointer.js';
import { restoreCheckpoints } from '../../server/checkpoints/restoreCheckpoints.js';
import { botRoster, createSession, restoreSession } from '../../shared/session/session.js';
import { stepSession } from '../../shared/session/stepSession.js';
import { newJoinCode } from '../../server/net/secrets.js';
import type { Roster } from '../../shared/engine/drillState.js';
import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import type { DrillInput } from '../../shared/protocol/intents.js';
import { replay } from '../../shared/replay/replay.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 5 });
});
afterAll(async () => {
  await server.close();
});

const scenario = () => server.services.scenarios.get('mini-outage')!.scenario;
const index = () => indexScenario(scenario());
const allBots = (): Roster => botRoster(index(), 'competent');
const botLineup = () => Object.fromEntries(scenario().posts.map((p) => [p.id, { kind: 'bot' as const, skill: 'competent' as const }]));

async function checkpointOf(code: string): Promise<Checkpoint | undefined> {
  const row = (await server.services.store.listCheckpoints()).find((c) => c.code === code);
  return row && CheckpointSchema.parse(JSON.parse(row.payload));
}

describe('a drill session rebuilt from its log', () => {
  const terms = { code: 'CODE2345', mode: 'training' as const, soloPost: null, botSkill: 'competent' as const, trainerKey: 'k'.repeat(22) };
  const times = { reconnectSeconds: 60, abandonSeconds: 900, floodCoolDownSeconds: 30 };

  it('equals the session it was taken from, paused, with its bots exactly where they were', () => {
    const live = createSession(index(), 42, terms, times, 60, 0);
    stepSession(live, { type: 'join', now: 0, role: 'trainer', name: 'trainer', newToken: 't'.repeat(22) });
    stepSession(live, { type: 'message', now: 0, token: 't'.repeat(22), messageType: 'clock', raw: { action: 'start' }, throttled: false });
    for (let i = 0; i < 40; i++) stepSession(live, { type: 'tick', now: i * 1000, ms: 1000 });
    expect(live.driver.log.length).toBeGreaterThan(1);
    const back = restoreSession(index(), 42, terms, times, 60, live.driver.log, live.driver.state.clock, 0);
    expect(back.driver.state).toEqual(live.driver.state);
    expect(back.driver.log).toEqual(live.driver.log);
    expect(back.phase).toBe('paused');
    expect(back.driver.crew).toEqual(live.driver.crew);
    // It goes on from there like any drill, and its whole log still replays.
    back.phase = 'running';
    for (let i = 0; i < 20; i++) stepSession(back, { type: 'tick', now: i * 1000, ms: 1000 });
    expect(replay(scenario(), { seed: 42, roster: allBots() }, back.driver.log, back.driver.state.clock).rejected).toEqual([]);
  });

  it('refuses a log that does not re-run to itself', () => {
    const start = scenario().clock.start;
    const inputs: DrillInput[] = [
      { at: start, start: { ...botLineup(), agent: { kind: 'human', id: 'p1', name: 'Li' } } },
      { at: start, post: 'agent', intent: { type: 'respond', npc: 'n999', response: 'x' }, by: 'p1' },
    ];
    expect(() => restoreSession(index(), 1, terms, times, 60, inputs, start + 60, 0)).toThrow(/does not re-run/);
    // A bot move that its bot would not have made, the same.
    const forged: DrillInput[] = [{ at: start, start: botLineup() }, { at: start, post: 'agent', intent: { type: 'shareFact', fact: 'x', to: ['y'] }, by: 'bot' }];
    expect(() => restoreSession(index(), 1, terms, times, 60, forged, start + 60, 0)).toThrow(/does not re-run/);
  });
});

describe('the checkpoint writer', () => {
  function fakeStore() {
    const calls: string[] = [];
    let failNext = 0;
    let release: (() => void) | undefined;
    return {
      calls,
      failTimes: (n: number) => (failNext = n),
      hold: () => new Promise<void>((r) => (release = r)),
      release: () => release?.(),
      store: {
        async saveCheckpoint(code: string, payload: string) {
          calls.push(`save ${code} ${JSON.parse(payload).clock}`);
          if (failNext-- > 0) throw new Error('disk full');
        },
        async deleteCheckpoint(code: string) {
          calls.push(`delete ${code}`);
        },
      },
    };
  }
  const at = (clock: number) => ({ clock, inputs: [], players: [], phase: 'running', speed: 1 }) as unknown as Checkpoint;

  it('writes only what changed, one write at a time, and deletes after the last write', async () => {
    const fake = fakeStore();
    const logs: string[] = [];
    let clock = 1;
    const writer = new Checkpointer(fake.store, { info: (m) => logs.push(m), error: (m) => logs.push(m) }, 'CODE2345', () => at(clock));
    writer.offer();
    writer.offer(); // in flight: skipped
    await writer.settle();
    writer.offer(); // unchanged: skipped
    clock = 2;
    writer.offer();
    writer.writeNow(); // asked for explicitly: chained after the one in flight
    void writer.discard();
    writer.offer(); // closed
    await writer.settle();
    expect(fake.calls).toEqual(['save CODE2345 1', 'save CODE2345 2', 'save CODE2345 2', 'delete CODE2345']);
    expect(logs).toEqual([]);
  });

  it('logs a failing database once, keeps the drill going, and retries at the next offer', async () => {
    const fake = fakeStore();
    const errors: string[] = [];
    const infos: string[] = [];
    const writer = new Checkpointer(fake.store, { info: (m) => infos.push(m), error: (m) => errors.push(m) }, 'CODE2345', () => at(7));
    fake.failTimes(2);
    writer.offer();
    await writer.settle();
    writer.offer();
    await writer.settle();
    writer.offer();
    await writer.settle();
    expect(fake.calls).toEqual(['save CODE2345 7', 'save CODE2345 7', 'save CODE2345 7']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/could not write its checkpoint.*disk full/);
    expect(infos).toEqual(['drill CODE2345: checkpoints are being written again']);
  });

  it('survives a checkpoint that cannot be taken', async () => {
    const fake = fakeStore();
    const errors: string[] = [];
    const writer = new Checkpointer(fake.store, { info: () => {}, error: (m) => errors.push(m) }, 'CODE2345', () => {
      throw new Error('boom');
    });
    expect(() => writer.offer()).not.toThrow();
    await writer.settle();
    expect(fake.calls).toEqual([]);
    expect(errors[0]).toMatch(/could not take a checkpoint/);
  });
});

describe('checkpoints of a running server', () => {
  it('keeps a running drill as its log, deletes it when the drill ends', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 120 });
    const trainer = await server.join(code, { trainerKey });
    const player = await server.join(code, { name: '小李', post: 'agent' });
    await until(() => trainer.state.seats.get('agent')?.kind === 'human', 'the player seated');
    trainer.send('clock', { action: 'start' });
    let c: Checkpoint | undefined;
    await until(() => (void checkpointOf(code).then((x) => (c = x)), (c?.inputs.length ?? 0) > 0), 'a checkpoint with inputs', 15_000);
    expect(c).toMatchObject({ version: 2, owner: 'single', code, trainerKey, creation: { code, mode: 'training', scenarioId: 'mini-outage', seed: expect.any(Number) } });
    expect(c!.players).toEqual([{ id: expect.stringMatching(/^p\d+$/), token: expect.any(String), name: '小李', post: 'agent', ready: false }]);
    // What it holds replays without a refusal.
    expect(replay(scenario(), { seed: c!.creation.seed, roster: allBots() }, c!.inputs, c!.clock).rejected).toEqual([]);

    const ended = collect(trainer, 'ended');
    trainer.send('control', { control: { type: 'end' } });
    await until(() => ended.length === 1, 'the end');
    await until(() => (void checkpointOf(code).then((x) => (c = x)), c === undefined), 'the checkpoint to go');
    await Promise.all([trainer, player].map((r) => r.leave()));
  });

  it('drops the checkpoint of a drill that everyone left', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage' });
    const trainer = await server.join(code, { trainerKey });
    let c: Checkpoint | undefined;
    await until(() => (void checkpointOf(code).then((x) => (c = x)), c !== undefined), 'the lobby checkpoint');
    expect(c!.phase).toBe('lobby');
    await trainer.leave();
    await until(() => (void checkpointOf(code).then((x) => (c = x)), c === undefined), 'the checkpoint to go');
  });

  it('restores its own drills paused by the same code, refuses what it cannot restore, and leaves other processes their own', async () => {
    // A running drill with a player, taken as it stands...
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 120 });
    const trainer = await server.join(code, { trainerKey });
    const player = await server.join(code, { name: 'Ana', post: 'pr' });
    const welcome = collect<{ participant: string }>(player, 'welcome');
    trainer.send('clock', { action: 'start' });
    let live: Checkpoint | undefined;
    await until(() => (void checkpointOf(code).then((x) => (live = x)), (live?.inputs.length ?? 0) > 2), 'a checkpoint with inputs', 15_000);
    await until(() => welcome.length === 1, 'the welcome');
    await Promise.all([trainer, player].map((r) => r.leave()));
    // Everyone left the running drill: after the grace it is stored as abandoned and its checkpoint goes.
    let original: Checkpoint | undefined = live;
    await until(() => (void checkpointOf(code).then((x) => (original = x)), original === undefined), 'the abandoned drill to close', 15_000);
    const abandoned = (await server.services.store.listDrills(5)).find((d) => d.id === live!.creation.id);
    expect(abandoned?.ending.reason).toBe('abandoned');

    // ...comes back under another code, as if this process had just restarted.
    const store = server.services.store;
    const moved = newJoinCode();
    const again = { ...live!, code: moved, creation: { ...live!.creation, code: moved, id: crypto.randomUUID() } };
    const hash = live!.scenario.hash;
    const put = (c: Checkpoint | string, code: string) => store.saveCheckpoint(code, typeof c === 'string' ? c : JSON.stringify(c), new Date());
    const gone = newJoinCode();
    const changed = newJoinCode();
    const unreadable = newJoinCode();
    const theirs = newJoinCode();
    await put(again, again.code);
    await put({ ...again, code: gone, scenario: { id: 'no-such-drill', hash }, creation: { ...again.creation, code: gone } }, gone);
    await put({ ...again, code: changed, scenario: { id: 'mini-outage', hash: 'f'.repeat(64) }, creation: { ...again.creation, code: changed } }, changed);
    await put('{"version":1,', unreadable);
    await put({ ...again, code: theirs, owner: '10.0.0.9:2567', creation: { ...again.creation, code: theirs } }, theirs);
    server.errors.length = 0;

    const report = await restoreCheckpoints(server.services);
    expect(report.restored).toEqual([again.code]);
    expect(report.refused.map((r) => r.code).sort()).toEqual([gone, changed, unreadable].sort());
    expect(report.others).toBeGreaterThanOrEqual(1);
    expect(server.errors.find((e) => e.includes(gone))).toMatch(/scenario "no-such-drill" is not loaded/);
    expect(server.errors.find((e) => e.includes(changed))).toMatch(/scenario "mini-outage" changed since the drill started/);
    expect(server.errors.find((e) => e.includes(unreadable))).toMatch(/not JSON/);
    // Refused and foreign checkpoints stay where they are.
    const left = (await store.listCheckpoints()).map((c) => c.code);
    for (const c of [gone, changed, unreadable, theirs]) expect(left).toContain(c);

    // The trainer's key still works; the drill is paused where its log ends.
    const back = await server.join(again.code, { trainerKey });
    await until(() => back.state.phase !== undefined, 'the first state');
    expect(back.state.phase).toBe('paused');
    expect(back.state.clock).toBe(again.clock);
    const expected = replay(scenario(), { seed: again.creation.seed, roster: allBots() }, again.inputs, again.clock).state;
    expect({ ...back.state.scores.toJSON(), total: undefined }).toEqual({ ...expected.scores, total: undefined });
    // The player's page gets the same seat back by its token.
    const rejoined = await server.join(again.code, { name: 'Ana', participant: welcome[0]!.participant });
    const rewelcome = collect<{ post: string; participant: string }>(rejoined, 'welcome');
    await until(() => rewelcome.length === 1 || back.state.seats.get('pr')?.connected === true, 'the rejoin');
    await until(() => back.state.seats.get('pr')?.connected === true, 'the seat back');
    expect(back.state.seats.get('pr')!.holder).toBe('Ana');
    back.send('clock', { action: 'resume' });
    await until(() => back.state.phase === 'running' && back.state.clock > again.clock, 'the resume');
    await Promise.all([back, rejoined].map((r) => r.leave()));
    for (const c of [gone, changed, unreadable, theirs]) await store.deleteCheckpoint(c);
  });
});
