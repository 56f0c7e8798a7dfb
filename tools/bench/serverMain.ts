// Child process of `npm run bench:server`: runs one server (the real app, or the bare counter
// room) on a free 127.0.0.1 port and reports its CPU, memory and event-loop delay over IPC.
//   tsx tools/bench/serverMain.ts drill|bare [encoder-buffer-kb] [redis-url]
// With a Redis URL (drill only) it is one process of a cluster, as server/main.ts runs with REDIS_URL.
import { createHash } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { matchMaker } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { createApp, type App } from '../../server/app.js';
import { scaleOutFromEnv } from '../../server/scale/scaleOut.js';
import { loadScenarios } from '../../server/scenarios/loadScenarios.js';
import { loadScenarioSet } from '../../server/scenarios/loadScenarioSet.js';
import type { LoadedScenario } from '../../server/services.js';
import { DrillStore } from '../../server/store/DrillStore.js';
import { createBareApp, type BareApp } from './bareRoom.js';
import { sendToParent, type FromServer, type ServerSnapshot, type Target, type ToServer } from './common.js';
import { freePort } from '../../server/net/freePort.js';

/** Failed joins per address the bench's drill server allows (see server/net/joinGuard.ts). */
export const BENCH_JOIN_LIMIT = { failures: 1_000_000, windowSeconds: 60 };

const FLAGSHIP = 'huarui-upgrade-outage';
const target = process.argv[2] as Target;
if (target !== 'drill' && target !== 'bare') throw new Error(`usage: serverMain.ts drill|bare [encoder-buffer-kb] (got ${String(target)})`);
// An experiment, off by default: a larger per-room encoder buffer than @colyseus/schema's 8 KB.
const encoderKb = Number(process.argv[3] ?? 0);
if (encoderKb > 0) Encoder.BUFFER_SIZE = encoderKb * 1024;
const redisUrl = process.argv[4];
if (redisUrl && target !== 'drill') throw new Error('serverMain.ts: only the drill server runs over Redis');

const errors: string[] = [];
const log = {
  info: () => {},
  error: (message: string) => {
    errors.push(message);
  },
};
/**
 * Warnings Colyseus and @colyseus/schema print, counted by their first line and where they came
 * from (the encoder method that hit it), instead of being printed once per room.
 */
const warnings = new Map<string, number>();
const originalWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const first = typeof args[0] === 'string' ? args[0].split('\n')[0]!.slice(0, 160) : String(args[0]);
  if (!first.startsWith('@colyseus/schema')) return originalWarn(...args);
  const frames = (new Error().stack ?? '')
    .split('\n')
    .slice(2)
    .map((l) => /at (?:\S+ )?([A-Za-z_$][\w$.]*) \(/.exec(l.trim())?.[1])
    .filter((name): name is string => name !== undefined && !name.startsWith('console.'))
    .slice(0, 4);
  const key = `${first} [in ${frames.join(' < ')}]`;
  warnings.set(key, (warnings.get(key) ?? 0) + 1);
};

/**
 * The scenarios as the server loads them. Should the server's checks refuse the flagship, the
 * bench still loads it directly (to measure something) and says so loudly in its output.
 */
async function drillScenarios(): Promise<Map<string, LoadedScenario>> {
  const { scenarios, refused } = await loadScenarioSet();
  if (scenarios.has(FLAGSHIP)) return scenarios;
  const why = refused.map((r) => `${r.file}: ${r.reasons.join('; ')}`).join(' | ');
  console.log(`WARNING: the server refuses the flagship scenario (${why.slice(0, 1500)}); the bench loads it directly instead.`);
  const scenario = (await loadScenarios()).get(FLAGSHIP);
  if (!scenario) throw new Error(`scenario ${FLAGSHIP} not found`);
  return new Map([[FLAGSHIP, { scenario, hash: createHash('sha256').update(JSON.stringify(scenario)).digest('hex') }]]);
}

const wantedPort = redisUrl ? await freePort() : 0;

async function boot(): Promise<App | BareApp> {
  if (target === 'bare') return createBareApp();
  return createApp({
    scaleOut: redisUrl ? await scaleOutFromEnv({ REDIS_URL: redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${wantedPort}` }) : undefined,
    scenarios: await drillScenarios(),
    store: await DrillStore.openSqlite(':memory:'),
    // As in server/main.ts.
    reconnectSeconds: 60,
    abandonSeconds: 900,
    limits: { perSecond: 10, burst: 20, maxStrikes: 50 },
    // Every simulated person connects from 127.0.0.1, where real ones come from many
    // addresses: the per-address guard on failed joins is opened up.
    joinLimit: BENCH_JOIN_LIMIT,
    testHooks: false,
    log,
  });
}

let app: App | BareApp;
let port: number;
try {
  app = await boot();
  port = await app.listen(wantedPort, '127.0.0.1');
} catch (err) {
  const message = `the ${target} server did not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  if (process.send) process.send({ type: 'fatal', message } satisfies FromServer, () => process.exit(1));
  else {
    console.error(message);
    process.exit(1);
  }
  await new Promise(() => {}); // until the message is out and the process exits
  throw err;
}
process.on('uncaughtException', (err) => {
  errors.push(`uncaughtException: ${err.stack ?? String(err)}`);
});
process.on('unhandledRejection', (err) => {
  errors.push(`unhandledRejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
});

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let peakRss = process.memoryUsage().rss;
// Bounded by the process's life: the orchestrator stops it (and the IPC channel closing stops it too).
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);

async function snapshot(gc: boolean): Promise<ServerSnapshot> {
  if (gc && typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  const at = performance.now();
  // matchMaker.stats.local did not track the live rooms reliably here; the room listing does.
  // Over Redis the listing is the cluster's: count this process's rooms only.
  const rooms = (await matchMaker.query({})).filter((r) => r.processId === matchMaker.processId);
  peakRss = Math.max(peakRss, mem.rss);
  const out: ServerSnapshot = {
    at,
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    peakRss,
    rooms: rooms.length,
    clients: rooms.reduce((n, r) => n + r.clients, 0),
    loopP50: loop.percentile(50) / 1e6,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
    errors: errors.length,
    firstErrors: errors.slice(0, 5).map((e) => e.slice(0, 600)),
    warnings: Object.fromEntries(warnings),
  };
  loop.reset();
  peakRss = mem.rss;
  return out;
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(sampler);
  loop.disable();
  const quit = setTimeout(() => process.exit(0), 5000);
  quit.unref();
  try {
    await app.close();
  } catch {
    // Shutting down anyway.
  }
  process.exit(0);
}

process.on('message', (message: ToServer) => {
  if (message.cmd === 'snapshot') void snapshot(message.gc === true).then((taken) => sendToParent({ type: 'snapshot', id: message.id, snapshot: taken }));
  else if (message.cmd === 'stop') void stop();
});
process.on('disconnect', () => void stop());

sendToParent({ type: 'ready', port, target });
