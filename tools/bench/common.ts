// Shared by the three processes of `npm run bench:server`: the IPC messages and small statistics.

/** Which server a child runs: the real Crisis Drill app, or the bare counter room. */
export type Target = 'drill' | 'bare';

/** Percentiles of a list of latencies, in milliseconds. */
export interface Spread {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles; NaN everywhere for an empty list. */
export function spread(values: number[]): Spread {
  if (values.length === 0) return { n: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

// ---- server child <-> orchestrator ----

export type ToServer = { cmd: 'snapshot'; id: number; gc?: boolean } | { cmd: 'stop' };

export interface ServerSnapshot {
  /** performance.now() of the server process when sampled. */
  at: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  rss: number;
  heapUsed: number;
  /** Largest rss seen by the 250 ms sampler since the previous snapshot. */
  peakRss: number;
  /** Rooms in the matchMaker's listing, and the clients they hold. */
  rooms: number;
  clients: number;
  /** Two processes over Redis: the rooms each one holds. */
  roomsEach?: number[];
  /** Event-loop delay since the previous snapshot (ms). */
  loopP50: number;
  loopP99: number;
  loopMax: number;
  /** Lines the app logged as errors so far (the count, and the first few). */
  errors: number;
  firstErrors: string[];
  /** Warnings printed by @colyseus/schema so far, by first line and call site. */
  warnings: Record<string, number>;
}

export type FromServer =
  | { type: 'ready'; port: number; target: Target }
  | { type: 'snapshot'; id: number; snapshot: ServerSnapshot }
  | { type: 'fatal'; message: string };

// ---- load child <-> orchestrator ----

export interface RunSpec {
  target: Target;
  url: string;
  /** Other processes of the same cluster (over Redis): drills are created and joined through all of them. */
  peerUrls?: string[];
  /** Concurrent drills (or bare rooms); four clients each. */
  size: number;
  warmupSeconds: number;
  windowSeconds: number;
  /** Scenario speed of the drills. */
  speed: number;
  intervalMs: number;
  /** Upper bound on the whole connect phase. */
  connectBudgetSeconds: number;
}

/** `continue`: the orchestrator has measured the loaded server; the load generator may tear down. */
export type ToLoad = { cmd: 'run'; spec: RunSpec } | { cmd: 'continue' } | { cmd: 'stop' };

export interface LoadResult {
  target: Target;
  size: number;
  clientsWanted: number;
  /** Clients joined and still connected when the window opened. */
  clientsConnected: number;
  joinFailures: number;
  firstJoinErrors: string[];
  connectSeconds: number;
  /** Rooms (drills) that reached the running phase before the window (bare rooms: always). */
  roomsRunning: number;
  windowSeconds: number;
  /** Intents (bare: bumps) sent during the window. */
  sent: number;
  /** Per kind of intent: how many were sent. */
  kinds: Record<string, number>;
  /** Applied by the server, and the state change seen by the sender. */
  applied: number;
  /** Refused with a `rejected` carrying the ref, by code (the probes are expected here). */
  rejected: Record<string, number>;
  /** Applied (the `events` reply came) but the state change not seen before the drain ended. */
  appliedNoState: number;
  /** Neither a reply nor a state change before the drain ended. */
  unanswered: number;
  /** send -> state change, for applied intents (bare: the client's echoed counter). */
  stateLatency: Spread;
  /** send -> first direct answer (an `events` message with the action, or `rejected`); drill only. */
  replyLatency: Spread;
  /** send -> `rejected`, for refused intents only. */
  rejectLatency: Spread;
  /** State patches decoded per second, over all clients. */
  patchesPerSecond: number;
  /** Bytes a client's socket received per second in the window: players (not the trainer), or the bare room's clients. */
  downBytesPerClientPerSecond: number;
  /** Unexpected closes during the window, by close code. */
  closes: Record<string, number>;
  drillsEnded: number;
  /** The load generator's own CPU (% of one core) and event-loop delay: if high, the figures are client-bound. */
  loadCpuPercent: number;
  loadLoopP99: number;
  /** Non-fatal oddities seen by the clients (room errors, unknown messages). */
  notes: string[];
  /** Schema decoder errors over the whole run of this size (setup included), by what they were decoding for. */
  decodeErrors: Record<string, number>;
  decodeErrorsInWindow: number;
}

export type FromLoad =
  | { type: 'window-start' }
  | { type: 'window-end' }
  /** The answers are in and every client is still connected: the orchestrator measures, then says `continue`. */
  | { type: 'drained' }
  | { type: 'result'; result: LoadResult }
  | { type: 'progress'; text: string }
  | { type: 'fatal'; message: string };

/** Sends over IPC; a child without a channel (run by hand) just prints. */
export function sendToParent(message: FromServer | FromLoad): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}
