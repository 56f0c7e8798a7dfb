import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrillStore } from '../../server/store/DrillStore.js';
import { HAS_REDIS, startRedis, warnNoRedis, type TestRedis } from '../helpers/redis.js';
import { collect, until } from '../helpers/server.js';
import { answerWhatWaits } from '../helpers/panels.js';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/serverProcess.js';

const SUITE = 'two server processes sharing matchmaking over Redis (test/server/redisScaleOut.test.ts)';
warnNoRedis(SUITE);

const SCENARIO = 'huarui-upgrade-outage';
let redis: TestRedis;
const servers: ServerProcess[] = [];
const dataDirs = new Map<ServerProcess | undefined, string>();
const envs = new Map<ServerProcess | undefined, Record<string, string>>();
const tempDirs: string[] = [];

/** Each process keeps its own SQLite file (see README, "Running several processes"). */
async function startNode(): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crisis-node-'));
  tempDirs.push(dataDir);
  const port = await freePort();
  const env = { REDIS_URL: redis.url, PUBLIC_ADDRESS: `127.0.0.1:${port}`, DATA_DIR: dataDir };
  const server = await startServerProcess(env, port);
  servers.push(server);
  dataDirs.set(server, dataDir);
  envs.set(server, env);
  return server;
}

beforeAll(async () => {
  if (!HAS_REDIS) return;
  redis = await startRedis();
  // Started together: on a busy machine each start takes a while (scenarios are checked first).
  await Promise.all([startNode(), startNode()]);
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await redis?.stop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** Where Colyseus' Redis driver says the drill lives. */
function listing(code: string): { publicAddress: string; processId: string } {
  return JSON.parse(redis.cli('HGET', 'roomcaches', code));
}

describe.skipIf(!HAS_REDIS)('two processes, one Redis', () => {
  it.each([
    [0, 1],
    [1, 0],
  ])('a trainer creates a drill on process %i, trainees join by its code through process %i, and the drill completes', async (creator, other) => {
    const [a, b] = [servers[creator]!, servers[other]!];
    const { code, trainerKey } = await a.createDrill({ mode: 'training', scenario: SCENARIO, speed: 1800 });
    // The drill lives on whichever process the cluster chose; the listing says where.
    const host = servers.find((s) => listing(code).publicAddress === `127.0.0.1:${s.port}`);
    expect(host).toBeDefined();
    console.log(`drill ${code}: created through :${a.port}, held by :${host!.port}, trainees joined through :${b.port}`);

    const trainer = await a.join(code, { trainerKey });
    const posts = ['branch-manager', 'call-centre-lead', 'pr-officer'];
    const trainees = await Promise.all(posts.map((post, i) => b.join(code, { name: `学员${i}`, post })));
    const ended = [trainer, ...trainees].map((room) => collect(room, 'ended'));
    const events = collect<{ type: string; post?: string }[]>(trainees[0]!, 'events');
    await until(() => posts.every((p) => trainer.state.seats.get(p)?.kind === 'human'), 'the trainer to see every trainee seated');
    // Whoever joined through the process that does not hold the drill was reserved a seat there
    // and sent on to the holder's public address: everyone shares one room.
    for (const room of [trainer, ...trainees]) expect(room.roomId).toBe(code);

    const stop = answerWhatWaits(trainees);
    trainer.send('clock', { action: 'start' });
    await until(() => ended.every((e) => e.length === 1), 'the drill to end for everyone', 30_000);
    stop();
    expect(events.flat().some((e) => e.type === 'response' && e.post === 'branch-manager')).toBe(true);
    const result = ended[0]![0] as { saved: boolean; record: string; total: number };
    expect(result.saved).toBe(true);
    for (const e of ended) expect(e[0]).toEqual(result);
    await Promise.all([trainer, ...trainees].map((r) => r.leave()));

    // The record is in the database of the process that ran the drill.
    const store = await DrillStore.openSqlite(join(dataDirs.get(host)!, 'crisis-drill.sqlite'));
    try {
      const record = await store.getDrill(result.record);
      expect(record).toMatchObject({ mode: 'training', scenarioId: SCENARIO, total: result.total });
      expect(record!.inputs.some((i) => 'post' in i && posts.includes(i.post))).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('brings a drill back on the process that held it after a crash, reachable by its code through the other', async () => {
    const { code, trainerKey } = await servers[0]!.createDrill({ mode: 'training', scenario: SCENARIO, speed: 60 });
    const host = servers.find((s) => listing(code).publicAddress === `127.0.0.1:${s.port}`)!;
    const other = servers.find((s) => s !== host)!;
    const trainer = await other.join(code, { trainerKey });
    trainer.send('clock', { action: 'start' });
    const store = await DrillStore.openSqlite(join(dataDirs.get(host)!, 'crisis-drill.sqlite'));
    try {
      let phase: string | undefined;
      const poll = () => void store.listCheckpoints().then((rows) => (phase = rows.find((r) => r.code === code) && JSON.parse(rows.find((r) => r.code === code)!.payload).phase));
      await until(() => (poll(), phase === 'running'), 'a checkpoint of the running drill', 30_000);
      const oldProcess = listing(code).processId;
      await host.kill();
      const again = await startServerProcess(envs.get(host)!, host.port);
      servers[servers.indexOf(host)] = again;
      dataDirs.set(again, dataDirs.get(host)!);
      envs.set(again, envs.get(host)!);
      expect(again.output()).toContain(`Drill ${code} (training, ${SCENARIO}) restored from its checkpoint`);
      // The listing now names the new process at the same address.
      expect(listing(code)).toMatchObject({ publicAddress: `127.0.0.1:${host.port}` });
      expect(listing(code).processId).not.toBe(oldProcess);

      const back = await other.join(code, { trainerKey });
      await until(() => back.state.phase !== undefined, 'the first state');
      expect(back.state.phase).toBe('paused');
      const ended = collect<{ saved: boolean }>(back, 'ended');
      back.send('clock', { action: 'resume' });
      await until(() => back.state.phase === 'running', 'the resume');
      back.send('control', { control: { type: 'end' } });
      await until(() => ended.length === 1, 'the end');
      expect(ended[0]!.saved).toBe(true);
      await back.leave();
    } finally {
      await store.close();
    }
  }, 240_000);

  it('knows a join code on every process: one that exists nowhere is refused by both', async () => {
    for (const s of servers) {
      await expect(s.join('ZZZZ2222', { name: 'guess' })).rejects.toThrow(/not found/);
    }
  });
});
