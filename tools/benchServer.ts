// Server benchmark: how many concurrent drills one server process carries.
//   npm run bench:server [-- --sizes 25,50,100,200,300] [--seconds 20] [--warmup 5] [--speed 12]
//                           [--stop-p99 300] [--encoder-buffer-kb 0] [--quick] [--no-redis]
//
// Three processes: this one (the orchestrator, which prints), a server child (the real app from
// server/app.ts, or a bare Colyseus room that only echoes a counter) that reports its own CPU,
// memory and event-loop delay over IPC, and a load child with the colyseus.js clients. For each
// size N it opens N training drills of four simulated humans (a trainer fast-forwards each to
// 09:30, sets --speed and leaves), has every human send an intent every 2 s, measures for
// --seconds after --warmup, then closes them all. Then the same sizes against the bare room, in
// a fresh server process (the Colyseus matchMaker is a per-process singleton), and the ratios.
// Sizes stop early when clients fail to connect or the state p99 passes --stop-p99 (unless other
// processes were loading the machine). --quick: sizes 5,10 with a 6 s window.
// Where Debian's redis-server is installed (and unless --no-redis), the drill server then runs
// again as two processes sharing one Redis (REDIS_URL, as in the README's "Running several
// processes"): drills are created through each process in turn and their players join by code
// through the other, and the same figures are printed, summed over both processes.
// --encoder-buffer-kb is an experiment: @colyseus/schema's per-room encoder buffer in both servers.
// Traffic goes to 127.0.0.1 only. Every wait is bounded, and a watchdog ends the run.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FromLoad, FromServer, LoadResult, RunSpec, ServerSnapshot, Target, ToLoad, ToServer } from './bench/common.js';
import { REDIS_SERVER, startBenchRedis, type BenchRedis } from './bench/redis.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    speed: { type: 'string', default: '12' },
    'stop-p99': { type: 'string', default: '300' },
    'encoder-buffer-kb': { type: 'string', default: '0' },
    quick: { type: 'boolean', default: false },
    'no-redis': { type: 'boolean', default: false },
  },
});
const quick = values.quick === true;
const sizes = (values.sizes ?? (quick ? '5,10' : '25,50,100,200,300'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const windowSeconds = Number(values.seconds ?? (quick ? 6 : 20));
const warmupSeconds = Math.max(3, Number(values.warmup ?? (quick ? 3 : 5)));
const speed = Number(values.speed);
const stopP99 = Number(values['stop-p99']);
const encoderKb = Number(values['encoder-buffer-kb']);
if (sizes.length === 0 || !(windowSeconds > 0) || !(speed >= 0.5 && speed <= 3600) || !(stopP99 > 0) || !(encoderKb >= 0)) {
  console.error('usage: npm run bench:server -- [--sizes 25,50,100] [--seconds 20] [--warmup 5] [--speed 12] [--stop-p99 300] [--encoder-buffer-kb 0] [--quick] [--no-redis]');
  process.exit(2);
}

const TARGET_P99_MS = 50;
/** The performance issue's capacity target for one process. */
const TARGET_DRILLS = 500;
/** The performance issue's budget for what one client receives in a running drill. */
const DOWN_TARGET_BYTES_PER_S = 1024;
const kbs = (bytesPerSecond: number) => `${(bytesPerSecond / 1024).toFixed(2)} KB/s`;
const INTERVAL_MS = 2000;
const CONNECT_BUDGET_S = 120;
/** The whole run is cut off after this, whatever happens. */
const WATCHDOG_MS = (sizes.length * 3 * (CONNECT_BUDGET_S + warmupSeconds + windowSeconds + 40) + 120) * 1000;
const SERVER = fileURLToPath(new URL('./bench/serverMain.ts', import.meta.url));
const LOAD = fileURLToPath(new URL('./bench/loadMain.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const children = new Set<ChildProcess>();
const watchdog = setTimeout(() => {
  console.error(`\nbench:server: still running after ${Math.round(WATCHDOG_MS / 1000)} s; stopping.`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

/** What the children print (warnings from Colyseus and the like), by line, until taken. */
const printed = new Map<ChildProcess, Map<string, number>>();

function start(file: string, args: string[], execArgv: string[]): ChildProcess {
  const child = fork(file, args, { cwd: ROOT, execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  children.add(child);
  const lines = new Map<string, number>();
  printed.set(child, lines);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    let rest = '';
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        const text = part.trim().slice(0, 300);
        if (text && lines.size < 200) lines.set(text, (lines.get(text) ?? 0) + 1);
        else if (text && lines.has(text)) lines.set(text, lines.get(text)! + 1);
      }
    });
  }
  child.on('exit', () => children.delete(child));
  return child;
}

/** The lines a child printed since the last call, most frequent first. */
function takePrinted(child: ChildProcess): string[] {
  const lines = printed.get(child);
  if (!lines) return [];
  const out = [...lines].sort((a, b) => b[1] - a[1]).map(([text, n]) => `${n}x "${text}"`);
  lines.clear();
  return out;
}

/** Busy and total CPU time of the whole machine, all cores (ms). */
function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of cpus()) {
    const t = c.times.user + c.times.nice + c.times.sys + c.times.irq;
    busy += t;
    total += t + c.times.idle;
  }
  return { busy, total };
}

/** The next IPC message from `child` that `pick` accepts, within `ms`. */
function next<M, T>(child: ChildProcess, pick: (m: M) => T | undefined, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: M) => {
      const got = pick(m);
      if (got === undefined) return;
      done();
      resolve(got);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${what}: the child process exited (${code})`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what}: nothing after ${Math.round(ms / 1000)} s`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

let snapshotId = 0;
function snapshotOne(server: ChildProcess, gc: boolean): Promise<ServerSnapshot> {
  const id = ++snapshotId;
  server.send({ cmd: 'snapshot', id, gc } satisfies ToServer);
  return next<FromServer, ServerSnapshot>(server, (m) => (m.type === 'snapshot' && m.id === id ? m.snapshot : undefined), 30_000, 'server snapshot');
}

/**
 * The server side as one: a single process as it is; two processes of a cluster summed (CPU,
 * memory, rooms, clients, errors) with the worse event-loop delay. Times stay the first
 * process's clock, so differences between two snapshots remain meaningful.
 */
async function snapshot(servers: ChildProcess[], gc = false): Promise<ServerSnapshot> {
  const all = await Promise.all(servers.map((server) => snapshotOne(server, gc)));
  const sum = (pick: (s: ServerSnapshot) => number) => all.reduce((n, s) => n + pick(s), 0);
  const max = (pick: (s: ServerSnapshot) => number) => Math.max(...all.map(pick));
  const warnings: Record<string, number> = {};
  for (const s of all) for (const [k, n] of Object.entries(s.warnings)) warnings[k] = (warnings[k] ?? 0) + n;
  return {
    at: all[0]!.at,
    cpuUserUs: sum((s) => s.cpuUserUs),
    cpuSystemUs: sum((s) => s.cpuSystemUs),
    rss: sum((s) => s.rss),
    heapUsed: sum((s) => s.heapUsed),
    peakRss: sum((s) => s.peakRss),
    rooms: sum((s) => s.rooms),
    clients: sum((s) => s.clients),
    ...(all.length > 1 && { roomsEach: all.map((s) => s.rooms) }),
    loopP50: max((s) => s.loopP50),
    loopP99: max((s) => s.loopP99),
    loopMax: max((s) => s.loopMax),
    errors: sum((s) => s.errors),
    firstErrors: all.flatMap((s) => s.firstErrors).slice(0, 5),
    warnings,
  };
}

async function stopChild(child: ChildProcess, message: ToServer | ToLoad): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  if (child.connected) child.send(message);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// ---- one size ----

interface Row {
  target: Target;
  size: number;
  load: LoadResult;
  cpuPercent: number;
  rssEnd: number;
  peakRss: number;
  heapEnd: number;
  loopP99: number;
  loopMax: number;
  roomsInWindow: number;
  clientsInWindow: number;
  roomsEach?: number[];
  /** After the window, all rooms still open, after a full GC. */
  heapLoaded: number;
  /** After everyone left and a full GC: rooms still alive, heap and rss. */
  roomsAfter: number;
  heapAfter: number;
  rssAfter: number;
  errors: number;
  firstErrors: string[];
  /** The whole machine during the window (% of all cores), and the 1-minute load average at the end. */
  machineBusyPercent: number;
  loadAverage: number;
  serverPrinted: string[];
  loadPrinted: string[];
  serverWarnings: Record<string, number>;
  /** Two processes over Redis: redis-server's own CPU in the window (% of one core). */
  redisCpuPercent?: number;
}

/** Warnings counted by the server since `before`. */
function newWarnings(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(after)) if (n > (before[k] ?? 0)) out[k] = n - (before[k] ?? 0);
  return out;
}

let lastWarnings: Record<string, number> = {};

async function runSize(servers: ChildProcess[], load: ChildProcess, spec: RunSpec, redis?: BenchRedis): Promise<Row> {
  const budget = (spec.connectBudgetSeconds + spec.warmupSeconds + spec.windowSeconds + 30) * 1000;
  let windowStart: Promise<ServerSnapshot> | undefined;
  let windowEnd: Promise<ServerSnapshot> | undefined;
  let loaded: Promise<ServerSnapshot> | undefined;
  let machine0 = machineCpu();
  let machine1 = machine0;
  let redis0 = { cpu: NaN, at: 0 };
  let redis1 = redis0;
  const onMessage = (m: FromLoad) => {
    if (m.type === 'window-start') {
      windowStart = snapshot(servers);
      machine0 = machineCpu();
      if (redis) redis0 = { cpu: redis.cpuMs(), at: Date.now() };
    } else if (m.type === 'window-end') {
      windowEnd = snapshot(servers);
      machine1 = machineCpu();
      if (redis) redis1 = { cpu: redis.cpuMs(), at: Date.now() };
    }
    else if (m.type === 'drained') {
      // Every room still open: a full GC shows the live heap they hold.
      loaded = snapshot(servers, true);
      const resume = () => {
        if (load.connected) load.send({ cmd: 'continue' } satisfies ToLoad);
      };
      loaded.then(resume, resume);
    } else if (m.type === 'progress') console.log(`  … ${m.text}`);
  };
  load.on('message', onMessage);
  try {
    load.send({ cmd: 'run', spec } satisfies ToLoad);
    const result = await next<FromLoad, LoadResult | Error>(load, (m) => (m.type === 'result' ? m.result : m.type === 'fatal' ? new Error(m.message) : undefined), budget, `load ${spec.target} x${spec.size}`);
    if (result instanceof Error) throw result;
    // IPC carries NaN (an empty spread) as null.
    for (const sp of [result.stateLatency, result.replyLatency, result.rejectLatency]) {
      for (const k of ['p50', 'p90', 'p99', 'max'] as const) if (typeof sp[k] !== 'number') sp[k] = NaN;
    }
    if (!windowStart || !windowEnd || !loaded) throw new Error('the load generator never opened its measurement window');
    const [a, b, full] = await Promise.all([windowStart, windowEnd, loaded]);
    // Let disposals settle, then look for what stays behind.
    await new Promise((r) => setTimeout(r, 2000));
    const after = await snapshot(servers, true);
    return {
      target: spec.target,
      size: spec.size,
      load: result,
      cpuPercent: ((b.cpuUserUs + b.cpuSystemUs - a.cpuUserUs - a.cpuSystemUs) / 1000 / (b.at - a.at)) * 100,
      rssEnd: b.rss,
      peakRss: b.peakRss,
      heapEnd: b.heapUsed,
      loopP99: b.loopP99,
      loopMax: b.loopMax,
      roomsInWindow: b.rooms,
      clientsInWindow: b.clients,
      ...(b.roomsEach && { roomsEach: b.roomsEach }),
      heapLoaded: full.heapUsed,
      roomsAfter: after.rooms,
      heapAfter: after.heapUsed,
      rssAfter: after.rss,
      errors: after.errors,
      firstErrors: after.firstErrors,
      machineBusyPercent: ((machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total)) * 100,
      loadAverage: loadavg()[0]!,
      serverPrinted: servers.flatMap(takePrinted),
      serverWarnings: newWarnings(lastWarnings, (lastWarnings = after.warnings)),
      ...(redis && { redisCpuPercent: ((redis1.cpu - redis0.cpu) / Math.max(1, redis1.at - redis0.at)) * 100 }),
      loadPrinted: takePrinted(load),
    };
  } finally {
    load.off('message', onMessage);
  }
}

// ---- printing ----

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const pad = (s: string | number, n: number) => String(s).padStart(n);
const counts = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

function header(target: Target): void {
  const reply = target === 'drill' ? `${pad('reply p50', 10)}${pad('p99', 7)}` : '';
  console.log(
    `${pad('N', 6)}${pad('clients', 11)}${pad('intents/s', 10)}${pad('state p50', 10)}${pad('p99', 7)}${pad('max', 7)}${reply}${pad('srv CPU%', 9)}${pad('RSS MB', 8)}${pad('peak', 6)}${pad('heap', 6)}${pad('loop p99', 9)}${pad('load CPU%', 10)}`,
  );
}

/** CPU (in % of one core) that processes other than the server and the load generator used in the window. */
const othersPercent = (row: Row) => Math.max(0, row.machineBusyPercent * cpus().length - row.cpuPercent - row.load.loadCpuPercent);
/** Other processes took more than half a core: the row measures the machine's contention as much as the server. */
const contended = (row: Row) => othersPercent(row) > 50;

function line(row: Row): void {
  const l = row.load;
  const reply = row.target === 'drill' ? `${pad(ms(l.replyLatency.p50), 10)}${pad(ms(l.replyLatency.p99), 7)}` : '';
  console.log(
    `${pad(`${contended(row) ? '*' : ''}${row.size}`, 6)}${pad(`${l.clientsConnected}/${l.clientsWanted}`, 11)}${pad((l.sent / l.windowSeconds).toFixed(1), 10)}${pad(ms(l.stateLatency.p50), 10)}${pad(ms(l.stateLatency.p99), 7)}${pad(ms(l.stateLatency.max), 7)}${reply}${pad(row.cpuPercent.toFixed(0), 9)}${pad(mb(row.rssEnd), 8)}${pad(mb(row.peakRss), 6)}${pad(mb(row.heapEnd), 6)}${pad(ms(row.loopP99), 9)}${pad(l.loadCpuPercent.toFixed(0), 10)}`,
  );
}

function details(row: Row): void {
  const l = row.load;
  const out = [
    `connect ${l.connectSeconds.toFixed(1)} s, join failures ${l.joinFailures}${l.firstJoinErrors.length ? ` (${l.firstJoinErrors.join('; ')})` : ''}`,
    `sent ${l.sent} (${counts(l.kinds)}); state change seen ${l.applied} [${l.stateLatency.n} samples, p90 ${ms(l.stateLatency.p90)} ms]; rejected: ${counts(l.rejected)}${l.rejectLatency.n ? ` [p50 ${ms(l.rejectLatency.p50)} / p99 ${ms(l.rejectLatency.p99)} ms]` : ''}`,
    `applied without state change ${l.appliedNoState}, unanswered ${l.unanswered}; patches ${l.patchesPerSecond.toFixed(0)}/s; downstream ${kbs(l.downBytesPerClientPerSecond)} per client; unexpected closes: ${counts(l.closes)}`,
    `server: ${row.roomsInWindow} rooms / ${row.clientsInWindow} clients${row.target === 'drill' ? ` (drills running ${l.roomsRunning}, ended ${l.drillsEnded})` : ''}; live heap after GC ${mb(row.heapLoaded)} MB loaded -> ${mb(row.heapAfter)} MB once all left (rooms left: ${row.roomsAfter}, RSS ${mb(row.rssAfter)} MB); loop max ${ms(row.loopMax)} ms; load loop p99 ${ms(l.loadLoopP99)} ms`,
  ];
  out.push(
    `machine: ${row.machineBusyPercent.toFixed(0)}% of all ${cpus().length} cores busy in the window: server ${row.cpuPercent.toFixed(0)}% + load ${l.loadCpuPercent.toFixed(0)}% + other processes ${othersPercent(row).toFixed(0)}% of one core; load average ${row.loadAverage.toFixed(1)}${contended(row) ? ' (* = shared machine)' : ''}`,
  );
  if (row.redisCpuPercent !== undefined) out.push(`redis-server: ${row.redisCpuPercent.toFixed(0)}% of one core in the window (counted under "other processes" above)`);
  if (row.roomsEach) out.push(`rooms held by each process: ${row.roomsEach.join(' + ')}; every player joined by code through the process that did not create the drill`);
  if (Object.keys(row.serverWarnings).length > 0) out.push(`server warnings (setup + window): ${counts(row.serverWarnings)}`);
  if (row.serverPrinted.length > 0) out.push(`server printed: ${row.serverPrinted.slice(0, 4).join('; ')}`);
  if (row.loadPrinted.length > 0) out.push(`load generator printed: ${row.loadPrinted.slice(0, 4).join('; ')}`);
  if (row.errors > 0) out.push(`server logged ${row.errors} error(s) so far: ${row.firstErrors.map((e) => e.split('\n')[0]).join(' | ')}`);
  if (l.notes.length > 0) out.push(`client notes: ${l.notes.join('; ')}`);
  if (Object.keys(l.decodeErrors).length > 0) out.push(`CLIENT STATE DECODE ERRORS (${l.decodeErrorsInWindow} in the window): ${counts(l.decodeErrors)}`);
  for (const o of out) console.log(`        ${o}`);
}

// ---- main ----

/** Runs the sizes against one server process, or (given a Redis) against two sharing it. */
async function runTarget(target: Target, targetSizes: number[], redis?: BenchRedis): Promise<Row[]> {
  const title = redis
    ? 'Crisis Drill server, two processes sharing one Redis (figures summed over both; CPU in % of one core)'
    : target === 'drill'
      ? 'Crisis Drill server (server/app.ts, DrillRoom)'
      : 'bare Colyseus room (counter echo)';
  console.log(`\n== ${title} ==`);
  const servers = (redis ? [1, 2] : [1]).map(() => start(SERVER, [target, String(encoderKb), ...(redis ? [redis.url] : [])], ['--expose-gc']));
  lastWarnings = {};
  const rows: Row[] = [];
  let load: ChildProcess | undefined;
  try {
    const ports: number[] = [];
    for (const server of servers) {
      const port = await next<FromServer, number | Error>(server, (m) => (m.type === 'ready' ? m.port : m.type === 'fatal' ? new Error(m.message) : undefined), 60_000, 'server start');
      if (port instanceof Error) throw port;
      ports.push(port);
    }
    for (const said of servers.flatMap(takePrinted)) console.log(`server said: ${said}`);
    const idle = await snapshot(servers, true);
    console.log(`server pid ${servers.map((s) => s.pid).join(' + ')} on 127.0.0.1:${ports.join(' + ')}; idle RSS ${mb(idle.rss)} MB, heap ${mb(idle.heapUsed)} MB`);
    load = start(LOAD, [], []);
    header(target);
    for (const size of targetSizes) {
      const [url, ...peerUrls] = ports.map((port) => `http://127.0.0.1:${port}`);
      const spec: RunSpec = { target, url: url!, ...(peerUrls.length > 0 && { peerUrls }), size, warmupSeconds, windowSeconds, speed, intervalMs: INTERVAL_MS, connectBudgetSeconds: CONNECT_BUDGET_S };
      const row = await runSize(servers, load, spec, redis);
      rows.push(row);
      line(row);
      details(row);
      const failed = row.load.clientsConnected < row.load.clientsWanted * 0.98;
      // On a shared machine a slow row may be the neighbours' doing: carry on (the sizes are bounded).
      const slow = !(row.load.stateLatency.p99 <= stopP99) && !contended(row);
      const left = targetSizes.slice(targetSizes.indexOf(size) + 1);
      if ((failed || slow) && left.length > 0) {
        console.log(`  stopping here (${failed ? 'clients failed to connect' : `state p99 over ${stopP99} ms`}); skipped N = ${left.join(', ')}`);
        break;
      }
      if (!(row.load.stateLatency.p99 <= stopP99) && left.length > 0) console.log(`  state p99 over ${stopP99} ms on a shared machine: going on to the next size anyway`);
    }
  } catch (err) {
    const said = [...servers.flatMap(takePrinted), ...(load ? takePrinted(load) : [])];
    if (said.length > 0) console.error(`what the children printed:\n  ${said.slice(0, 20).join('\n  ')}`);
    throw err;
  } finally {
    if (load) await stopChild(load, { cmd: 'stop' });
    await Promise.all(servers.map((server) => stopChild(server, { cmd: 'stop' })));
  }
  return rows;
}

function ratioTable(drill: Row[], bare: Row[]): void {
  console.log('\n== drill / bare, same N ==');
  console.log(`${pad('N', 6)}${pad('state p50', 10)}${pad('state p99', 10)}${pad('srv CPU', 9)}${pad('RSS', 7)}${pad('CPU per room, % of a core', 27)}${pad('live heap per room', 22)}`);
  for (const d of drill) {
    const b = bare.find((r) => r.size === d.size);
    if (!b) continue;
    const x = (p: number, q: number) => (Number.isFinite(p / q) ? `${(p / q).toFixed(2)}x` : '–');
    const heap = `${((d.heapLoaded - d.heapAfter) / d.size / 1024).toFixed(0)} vs ${((b.heapLoaded - b.heapAfter) / b.size / 1024).toFixed(0)} KB`;
    const cpu = `${(d.cpuPercent / d.size).toFixed(3)} vs ${(b.cpuPercent / b.size).toFixed(3)}`;
    console.log(`${pad(d.size, 6)}${pad(x(d.load.stateLatency.p50, b.load.stateLatency.p50), 10)}${pad(x(d.load.stateLatency.p99, b.load.stateLatency.p99), 10)}${pad(x(d.cpuPercent, b.cpuPercent), 9)}${pad(x(d.rssEnd, b.rssEnd), 7)}${pad(cpu, 27)}${pad(heap, 22)}`);
  }
}

function verdict(drill: Row[], bare: Row[]): void {
  const ok = (rows: Row[], p99: (r: Row) => number) => rows.filter((r) => r.load.clientsConnected === r.load.clientsWanted && p99(r) < TARGET_P99_MS).map((r) => r.size);
  const best = (list: number[]) => (list.length ? String(Math.max(...list)) : 'none');
  const drillState = ok(drill, (r) => r.load.stateLatency.p99);
  const drillReply = ok(drill, (r) => r.load.replyLatency.p99);
  const bareState = ok(bare, (r) => r.load.stateLatency.p99);
  console.log(`\n== largest N with p99 under ${TARGET_P99_MS} ms (all clients connected), of N = ${drill.map((r) => r.size).join(', ')} ==`);
  console.log(`drill, intent -> state change:               ${best(drillState)}`);
  console.log(`drill, intent -> direct reply (events/rejected): ${best(drillReply)}`);
  console.log(`bare room, bump -> counter in state:          ${best(bareState)}`);
  console.log(
    `Note: both rooms patch an accepted move at once (Room.broadcastPatch) instead of at the next 50 ms patch, so send -> state change is the server's own latency, not the patch timer's.`,
  );
  // What a player's link carries: every message its socket received in the window (state
  // patches, events, panels), over the players of all drills; the bare room's clients beside it.
  console.log(`\n== downstream bytes per client (target ≤ ${kbs(DOWN_TARGET_BYTES_PER_S)}) ==`);
  for (const d of drill) {
    const b = bare.find((r) => r.size === d.size);
    const per = d.load.downBytesPerClientPerSecond;
    console.log(`N = ${pad(d.size, 5)} drill player ${pad(kbs(per), 11)}   ${per <= DOWN_TARGET_BYTES_PER_S ? 'met' : 'MISSED'}   reference: bare room client ${b ? kbs(b.load.downBytesPerClientPerSecond) : 'n/a'}`);
  }
  console.log(`(each player sends an intent every ${INTERVAL_MS / 1000} s at scenario speed ${speed}: busier than a person at the default speed, so this is an upper figure)`);
  const target = drill.find((r) => r.size >= TARGET_DRILLS && r.load.clientsConnected === r.load.clientsWanted && r.load.stateLatency.p99 < TARGET_P99_MS);
  if (!target) console.log(`The target (${TARGET_DRILLS} drills / ${TARGET_DRILLS * 4} clients, all connected, p99 under ${TARGET_P99_MS} ms) was not reached in this run.`);
  // Server CPU grows about linearly with drills: from the slope between the two largest fully
  // connected sizes, where would one core be 80% busy?
  const full = drill.filter((r) => r.load.clientsConnected === r.load.clientsWanted);
  const [a, b] = full.slice(-2);
  if (a && b && b.cpuPercent > a.cpuPercent) {
    const slope = (b.cpuPercent - a.cpuPercent) / (b.size - a.size);
    const at80 = b.size + (80 - b.cpuPercent) / slope;
    console.log(
      `Server CPU ${a.cpuPercent.toFixed(0)}% of one core at N = ${a.size}, ${b.cpuPercent.toFixed(0)}% at N = ${b.size}: ${slope.toFixed(3)}% per extra drill, so one core would be 80% busy near ${Math.floor(at80)} drills (a linear estimate, not a measurement, and unreliable on a shared machine).`,
    );
  }
  const shared = [...drill, ...bare].filter(contended);
  if (shared.length > 0) {
    console.log(
      `* ${shared.length} of ${drill.length + bare.length} rows were measured while other processes on this machine used more than half a core (up to ${Math.max(...shared.map(othersPercent)).toFixed(0)}%): their latencies show that contention as much as the server. Run again on a quiet machine to measure capacity.`,
    );
  }
}

/** The drill server again as two processes over one Redis, where redis-server is installed. */
async function clusterRun(single: Row[]): Promise<void> {
  if (values['no-redis']) return console.log('\n(--no-redis: the two-process run over Redis was skipped.)');
  const redis = await startBenchRedis();
  if (!redis) {
    console.log(`\n== two processes over Redis: SKIPPED, no redis-server at ${REDIS_SERVER} (install Debian's "redis-server" as .ci/run does, or set REDIS_SERVER_PATH) ==`);
    return;
  }
  try {
    const cluster = await runTarget(
      'drill',
      single.map((r) => r.size),
      redis,
    );
    console.log('\n== two processes over Redis / one process, same N ==');
    console.log(`${pad('N', 6)}${pad('state p50', 10)}${pad('state p99', 10)}${pad('reply p99', 10)}${pad('srv CPU', 9)}${pad('RSS', 7)}${pad('redis CPU%', 11)}`);
    const x = (p: number, q: number) => (Number.isFinite(p / q) ? `${(p / q).toFixed(2)}x` : '–');
    for (const c of cluster) {
      const one = single.find((r) => r.size === c.size);
      if (!one) continue;
      console.log(
        `${pad(c.size, 6)}${pad(x(c.load.stateLatency.p50, one.load.stateLatency.p50), 10)}${pad(x(c.load.stateLatency.p99, one.load.stateLatency.p99), 10)}${pad(x(c.load.replyLatency.p99, one.load.replyLatency.p99), 10)}${pad(x(c.cpuPercent, one.cpuPercent), 9)}${pad(x(c.rssEnd, one.rssEnd), 7)}${pad((c.redisCpuPercent ?? NaN).toFixed(0), 11)}`,
      );
    }
    const ok = cluster.filter((r) => r.load.clientsConnected === r.load.clientsWanted && r.load.stateLatency.p99 < TARGET_P99_MS).map((r) => r.size);
    console.log(`two processes over Redis, largest N with state p99 under ${TARGET_P99_MS} ms (all clients connected): ${ok.length ? Math.max(...ok) : 'none'}`);
    console.log('Both processes share this machine\'s cores with Redis and the load generator: the run shows that drills spread over processes and join across them, not the capacity of two machines.');
  } finally {
    await redis.stop();
  }
}

const startedAt = Date.now();
console.log(
  `bench:server — node ${process.version}, ${cpus().length} cores; sizes ${sizes.join(', ')} drills x 4 clients; one intent per client every ${INTERVAL_MS / 1000} s; ${warmupSeconds} s warm-up + ${windowSeconds} s window per size; scenario speed ${speed}`,
);
console.log(
  'Latency is measured in the load process: "state" = send -> the first state patch showing the change (drill: the NPC card left that interaction, or the fact no longer lists the room; bare: the client\'s echoed ref); "reply" = send -> the server\'s direct answer (`events` with the action, or `rejected` with the ref). CPU is % of one core in the server process; RSS/heap at the end of the window.',
);
console.log('The drill server runs as server/main.ts configures it, except the per-address join guard, opened up because every simulated person connects from 127.0.0.1.');
if (encoderKb > 0) console.log(`EXPERIMENT: both servers run with @colyseus/schema Encoder.BUFFER_SIZE = ${encoderKb} KB (default 8 KB).`);
let exitCode = 0;
try {
  const drill = await runTarget('drill', sizes);
  const bare = await runTarget(
    'bare',
    drill.map((r) => r.size),
  );
  ratioTable(drill, bare);
  verdict(drill, bare);
  await clusterRun(drill);
} catch (err) {
  console.error(`\nbench:server failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGKILL');
}
console.log(`\ndone in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
process.exit(exitCode);
