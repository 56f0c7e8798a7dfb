import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointSchema, type Checkpoint } from '../../server/checkpoints/Checkpoint.js';
import { loadScenarioSet } from '../../server/scenarios/loadScenarioSet.js';
import { botRoster } from '../../shared/session/session.js';
import { DrillStore } from '../../server/store/DrillStore.js';
import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import { roomView } from '../../shared/engine/viewFor.js';
import { replay } from '../../shared/replay/replay.js';
import { collect, until } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/serverProcess.js';
import { drawMorning } from '../../shared/scenario/drawMorning.js';

const SCENARIO = 'huarui-upgrade-outage';
const SPEED = 60;
const dataDir = mkdtempSync(join(tmpdir(), 'crisis-restart-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number): Promise<ServerProcess> {
  const server = await startServerProcess({ DATA_DIR: dataDir, RECONNECT_SECONDS: '60' }, port);
  running.push(server);
  return server;
}

async function enter(server: ServerProcess, code: string, options: object): Promise<Room> {
  const room = await server.join(code, options);
  await until(() => room.state.phase !== undefined, 'the first state');
  return room;
}

/** A training drill the trainer ends at once (or lets run out at top speed): a finished record. */
async function finishedDrill(server: ServerProcess, how: 'end' | 'time-up'): Promise<string> {
  const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: SCENARIO, speed: how === 'end' ? 1 : 3600 });
  const trainer = await enter(server, code, { trainerKey });
  const ended = collect<{ saved: boolean; record: string }>(trainer, 'ended');
  trainer.send('clock', { action: 'start' });
  if (how === 'end') trainer.send('control', { control: { type: 'end' } });
  await until(() => ended.length === 1, `the ${how} of a drill`, 30_000);
  expect(ended[0]!.saved).toBe(true);
  await trainer.leave();
  return ended[0]!.record;
}

/** Trainees answer whatever waits in their own room, until stopped. */
function play(trainees: Room[]): () => void {
  const timer = setInterval(() => {
    for (const room of trainees) {
      if (!room.connection.isOpen) continue;
      const panel = panelsOf(room).values().next().value;
      const npc = panel?.waiting.at(0);
      const option = npc && (npc.responses as { id: string; available: boolean }[]).find((r) => r.available);
      if (npc && option) room.send('intent', { intent: { type: 'respond', npc: npc.id, response: option.id } });
    }
  }, 100);
  return () => clearInterval(timer);
}

describe('a server killed mid-drill and started again', () => {
  it('keeps every finished drill and brings the running one back from its checkpoint', async () => {
    const port = await freePort();
    const first = await start(port);
    const store = await DrillStore.openSqlite(join(dataDir, 'crisis-drill.sqlite'));
    try {
      const finished = [await finishedDrill(first, 'end'), await finishedDrill(first, 'time-up')];

      // A running drill: a trainer and two trainees who play.
      const { code, trainerKey } = await first.createDrill({ mode: 'training', scenario: SCENARIO, speed: SPEED });
      const trainer = await enter(first, code, { trainerKey });
      const posts = ['branch-manager', 'pr-officer'];
      const trainees: Room[] = [];
      const tokens: string[] = [];
      for (const [i, post] of posts.entries()) {
        const room = await first.join(code, { name: `学员${i}`, post });
        const welcome = collect<{ participant: string }>(room, 'welcome');
        trainees.push(room);
        await until(() => welcome.length === 1 && trainer.state.seats.get(post)?.kind === 'human', 'the seat');
        // What a page keeps to get its seat back.
        tokens.push(welcome[0]!.participant);
      }
      const stopPlaying = play(trainees);
      trainer.send('clock', { action: 'start' });
      const checkpoint = async () => {
        const row = (await store.listCheckpoints()).find((c) => c.code === code);
        return row && CheckpointSchema.parse(JSON.parse(row.payload));
      };
      let seen: Checkpoint | undefined;
      await until(() => (void checkpoint().then((c) => (seen = c)), seen?.inputs.some((i) => 'post' in i && posts.includes(i.post)) === true), 'a checkpoint with a trainee\'s move', 60_000);
      // Then on for a few more seconds of play, so the kill lands anywhere between two checkpoints.
      const from = seen!.clock;
      await until(() => trainer.state.clock >= from + 3 * SPEED, 'three more seconds of play', 60_000);
      const lastClock = trainer.state.clock;
      stopPlaying();

      // SIGKILL: no shutdown code runs, nothing more is written.
      const closes = trainees.map((room) => new Promise<number>((resolve) => room.onLeave(resolve)));
      await first.kill();
      expect(await Promise.all(closes)).toEqual([1006, 1006]);
      const kept = (await checkpoint())!;
      console.log(`restart: last clock seen ${lastClock}, checkpoint at ${kept.clock} (${kept.inputs.length} inputs): ${lastClock - kept.clock} scenario s = ${((lastClock - kept.clock) / SPEED).toFixed(1)} s of real time before the kill`);

      const second = await start(port);
      expect(second.output()).toContain(`Drill ${code} (training, ${SCENARIO}) restored from its checkpoint`);
      for (const id of finished) expect(await store.getDrill(id)).toMatchObject({ id, scenarioId: SCENARIO });

      // The trainer's key still opens it: paused, exactly where the checkpointed log replays to.
      const back = await enter(second, code, { trainerKey });
      expect(back.state.phase).toBe('paused');
      expect(back.state.clock).toBe(kept.clock);
      const scenario = drawMorning((await loadScenarioSet()).scenarios.get(SCENARIO)!.scenario, kept.creation.seed, kept.creation.level).scenario;
      const expected = replay(scenario, { seed: kept.creation.seed, roster: botRoster(indexScenario(scenario), 'competent') }, kept.inputs, kept.clock);
      expect(expected.rejected).toEqual([]);
      const { total: _total, ...scores } = back.state.scores.toJSON();
      expect(scores).toEqual(expected.state.scores);
      for (const [id, x] of Object.entries(expected.state.expected)) expect(back.state.expected.get(id)?.status).toBe(x.status);
      const index = indexScenario(scenario);
      for (const post of scenario.posts.map((p) => p.id)) {
        const waiting = panelsOf(back).get(post)!.waiting.map((c: { id: string; interaction: string }) => `${c.id}/${c.interaction}`);
        expect(waiting).toEqual(roomView(index, expected.state, post).waiting.map((n) => `${n.id}/${n.interaction}`));
      }

      // The trainees' pages rejoin by the same code and get their own seats back.
      const rejoined = await Promise.all(
        posts.map(async (post, i) => {
          const room = await new Client(second.url.replace('http', 'ws')).joinById(code, { name: `学员${i}`, participant: tokens[i] });
          const welcome = collect<{ post: string; participant: string }>(room, 'welcome');
          room.onMessage('*', () => {});
          await until(() => back.state.seats.get(post)?.connected === true, `${post} back`);
          return { room, welcome };
        }),
      );
      for (const [i, post] of posts.entries()) expect(back.state.seats.get(post)).toMatchObject({ holder: `学员${i}`, kind: 'human', connected: true });

      // The trainer resumes, then the server is stopped with Ctrl-C: that keeps the drill too.
      back.send('clock', { action: 'resume' });
      await until(() => back.state.phase === 'running' && back.state.clock > kept.clock, 'the resume');
      await until(() => (void checkpoint().then((c) => (seen = c)), seen !== undefined && seen.clock > kept.clock), 'a checkpoint after the resume', 30_000);
      await Promise.all(rejoined.map((r) => r.room.leave()));
      const stoppedAt = back.state.clock;
      expect(await second.stop()).toBe(0);
      const third = await start(port);
      expect(third.output()).toContain(`Drill ${code} (training, ${SCENARIO}) restored from its checkpoint`);
      expect(second.output()).not.toMatch(/could not write its checkpoint|could not delete/);
      const last = await enter(third, code, { trainerKey });
      expect(last.state.phase).toBe('paused');
      // The server ran on a little after the test last looked, so its last checkpoint may be
      // ahead of stoppedAt; what is promised is that at most 5 s of real time are lost.
      expect(last.state.clock).toBeGreaterThan(kept.clock);
      expect(last.state.clock).toBeGreaterThanOrEqual(stoppedAt - 5 * SPEED);

      // It goes on and finishes with one log from start to end.
      last.send('clock', { action: 'resume' });
      await until(() => last.state.phase === 'running', 'the second resume');
      const ended = collect<{ saved: boolean; record: string }>(last, 'ended');
      last.send('control', { control: { type: 'end' } });
      await until(() => ended.length === 1, 'the end');
      const record = (await store.getDrill(ended[0]!.record))!;
      expect(record.inputs.slice(0, kept.inputs.length)).toEqual(kept.inputs);
      const whole = replay(scenario, { seed: record.seed, roster: record.roster }, record.inputs, record.untilClock);
      expect(whole.rejected).toEqual([]);
      expect(whole.state.scores).toEqual(record.scores);
      await until(() => (void checkpoint().then((c) => (seen = c)), seen === undefined), 'the checkpoint to go once the drill is stored');
      await last.leave();
      expect(await third.stop()).toBe(0);
    } finally {
      await store.close();
    }
  }, 300_000);
});
