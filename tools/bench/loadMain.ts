// Child process of `npm run bench:server`: the load generator. Opens N rooms of four
// colyseus.js clients against a server in another process, has every client send an intent
// (bare: a bump) every 2 s, and measures, in this process, the time from each send to the
// answer. It receives a RunSpec over IPC and answers with a LoadResult.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import type { Panel, PanelChange } from '../../shared/protocol/serverMessages.js';
import { applyPanelChange } from '../../shared/session/panelChange.js';
import { BARE_ROOM } from './bareRoom.js';
import { sendToParent, spread, type LoadResult, type RunSpec, type ToLoad } from './common.js';

const SCENARIO = 'huarui-upgrade-outage';
const POSTS = ['branch-manager', 'call-centre-lead', 'pr-officer', 'incident-commander'] as const;
/** An NPC id no drill has: the engine must refuse it with `unknown-npc` (see `probe` below). */
const PROBE_NPC = 'n999999';
/** Rooms being set up at once. */
const CONNECT_CONCURRENCY = 100;
/** After the window: how long answers to intents sent in the window are still awaited. */
const DRAIN_MS = 5000;
/** A pending intent older than this stops blocking its NPC or fact. */
const STALE_MS = 10_000;
/**
 * Scenario clock (seconds since 00:00) a drill is fast-forwarded to before it is measured. From
 * 09:30 the flagship is busy in every room (calls, walk-ins, posts, the first reporter), where the
 * first ten minutes have an NPC in the ops room only.
 */
const FAST_FORWARD_TO = 9 * 3600 + 30 * 60;
/**
 * 24 scenario seconds a tick: NPCs arrive over several patches. (At 3600, a tick of six scenario
 * minutes put several new cards into one view patch, which then overflowed the encoder.)
 */
const FAST_FORWARD_SPEED = 240;

const now = () => performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rejects after `ms`; the promise it races keeps running (a late join is left, see `joined`). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits until `check()` holds, looking at every state patch of `room`, for at most `ms`. */
function whenState(room: Room, check: () => boolean, ms: number, what: string): Promise<void> {
  if (check()) return Promise.resolve();
  return within(
    new Promise<void>((resolve) => {
      const listener = () => {
        if (!check()) return;
        room.onStateChange.remove(listener);
        resolve();
      };
      room.onStateChange(listener);
    }),
    ms,
    what,
  );
}

// ---- schema decode errors ----

/**
 * @colyseus/schema's decoder does not throw when a patch names a structure the client never
 * received: it prints `"refId" not found: N` with the object it was decoding, skips the bytes and
 * carries on with a state that no longer matches the server's. Such lines are counted here per
 * kind of client (trainer, post, bare) instead of being printed.
 */
let decodingFor: string | undefined;
const decodeErrors = new Map<string, number>();
const originalError = console.error.bind(console);
const originalWarn = console.warn.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('"refId" not found')) {
    const key = `"refId" not found, decoding for ${decodingFor ?? 'unknown'}`;
    decodeErrors.set(key, (decodeErrors.get(key) ?? 0) + 1);
    return;
  }
  originalError(...args);
};
console.warn = (...args: unknown[]) => {
  if (args[0] === 'Please report this issue to the developers.') return;
  originalWarn(...args);
};

/**
 * Labels every message `room` decodes from now on, so that decoder complaints can be attributed;
 * with `rec`, also watches the bytes its TCP socket receives (what a player's link carries
 * downstream).
 */
function label(room: Room, name: string, rec?: Recorder): void {
  // colyseus.js 0.16 hands its handler to the socket (Connection -> WebSocketTransport -> ws).
  const ws = (room.connection as unknown as { transport?: { ws?: { onmessage: ((e: unknown) => void) | null } } }).transport?.ws;
  const original = ws?.onmessage;
  if (!ws || !original) return;
  // ws keeps its net.Socket as `_socket`: its byte count is what crossed the link, WebSocket framing
  // included, where the decoded messages would leave the framing (and any compression) out.
  const tcp = (ws as unknown as { _socket?: { bytesRead: number } })._socket;
  if (rec && tcp) rec.sockets.push(tcp);
  ws.onmessage = (e: unknown) => {
    decodingFor = name;
    try {
      original.call(ws, e);
    } finally {
      decodingFor = undefined;
    }
  };
}

// ---- what is measured ----

type Kind = 'respond' | 'share' | 'probe' | 'bump';

interface Pending {
  ref: number;
  kind: Kind;
  sentAt: number;
  npc?: string;
  interaction?: string;
  fact?: string;
  to?: string;
  /** When the server's direct answer arrived: the `events` message with this action. */
  appliedAt?: number;
  rejectedAt?: number;
  rejectCode?: string;
  stateAt?: number;
}

class Recorder {
  measuring = false;
  /** The TCP sockets whose received bytes are counted: the players' (not the trainer's), or the bare room's clients. */
  sockets: { bytesRead: number }[] = [];
  sent = 0;
  kinds: Record<string, number> = {};
  applied = 0;
  appliedNoState = 0;
  unanswered = 0;
  rejected: Record<string, number> = {};
  state: number[] = [];
  reply: number[] = [];
  reject: number[] = [];
  patches = 0;
  closes: Record<string, number> = {};
  notes = new Map<string, number>();
  /** A few examples of corrupted fields, as received. */
  samples: string[] = [];
  corrupt = new Set<string>();
  /** Intents sent in the window whose outcome is not known yet. */
  open = new Set<Pending>();

  sentOne(p: Pending): void {
    if (!this.measuring) return;
    this.sent++;
    this.kinds[p.kind] = (this.kinds[p.kind] ?? 0) + 1;
    this.open.add(p);
  }

  /** Called once per intent when its outcome is final. */
  settle(p: Pending): void {
    if (!this.open.delete(p)) return;
    if (p.rejectedAt !== undefined) {
      this.rejected[p.rejectCode ?? '?'] = (this.rejected[p.rejectCode ?? '?'] ?? 0) + 1;
      this.reply.push(p.rejectedAt - p.sentAt);
      this.reject.push(p.rejectedAt - p.sentAt);
      return;
    }
    if (p.appliedAt !== undefined) this.reply.push(p.appliedAt - p.sentAt);
    if (p.stateAt !== undefined) {
      this.applied++;
      this.state.push(p.stateAt - p.sentAt);
    }
  }

  /** At the end of the drain: what never got its answer. */
  close(): void {
    for (const p of this.open) {
      if (p.appliedAt !== undefined) {
        this.appliedNoState++;
        this.reply.push(p.appliedAt - p.sentAt);
      } else this.unanswered++;
    }
    this.open.clear();
  }

  note(text: string): void {
    this.notes.set(text, (this.notes.get(text) ?? 0) + 1);
  }
}

// ---- the simulated people ----

interface Bot {
  room: Room;
  /** Sends this bot's next intent (or bump). */
  act(): void;
  pendingCount(): number;
}

/** A post's private panel, as the `panel` messages bring it (shared/protocol/serverMessages.ts). */
type PanelLike = Panel;

/**
 * One simulated human at one post. Every 2 s it answers an NPC waiting in its room with an
 * available response; with nobody waiting, it shares a fact its room knows with a room that does
 * not; with nothing to share either, it sends a `respond` to an NPC that does not exist (a probe,
 * which the server must refuse). The change of an applied intent is the first update of the
 * sender's panel (a `panel` message) that no longer holds that NPC at that interaction (respond),
 * or in which the fact no longer lists that room as not knowing it (share).
 */
function drillBot(room: Room, post: string, rec: Recorder): Bot {
  let ref = 0;
  const pending = new Map<number, Pending>();
  let latest: PanelLike | undefined;
  const panel = () => latest;

  const reflected = (p: Pending, view: PanelLike | undefined): boolean => {
    if (!view) return false;
    if (p.kind === 'respond') return !view.waiting.some((c) => c.id === p.npc && c.interaction === p.interaction);
    const fact = view.facts.find((f) => f.id === p.fact);
    return fact !== undefined && !fact.unknownTo.includes(p.to!);
  };

  const finish = (p: Pending) => {
    pending.delete(p.ref);
    rec.settle(p);
  };

  room.onMessage('rejected', (m: { ref?: number | null; code?: string }) => {
    const p = typeof m.ref === 'number' ? pending.get(m.ref) : undefined;
    if (!p) {
      rec.note(`rejected without a pending ref: ${m.code}`);
      return;
    }
    p.rejectedAt = now();
    p.rejectCode = m.code ?? '?';
    finish(p);
  });
  room.onMessage('events', (events: { type: string; post?: string; npc?: string; interaction?: string; fact?: string; to?: string[] }[]) => {
    const t = now();
    for (const e of events) {
      if (e.post !== post || (e.type !== 'response' && e.type !== 'factShared')) continue;
      for (const p of pending.values()) {
        if (p.appliedAt !== undefined) continue;
        const match = e.type === 'response' ? p.kind === 'respond' && p.npc === e.npc && p.interaction === e.interaction : p.kind === 'share' && p.fact === e.fact && e.to?.[0] === p.to;
        if (match) {
          p.appliedAt = t;
          break;
        }
      }
    }
  });
  const settle = () => {
    if (pending.size === 0) return;
    const t = now();
    const view = panel();
    for (const p of pending.values()) {
      // Our own change cannot reach the state before the server's direct answer (it is sent while
      // the intent is handled; patches go out later on the same socket).
      if (p.appliedAt !== undefined && p.stateAt === undefined && reflected(p, view)) {
        p.stateAt = t;
        finish(p);
      }
    }
  };
  room.onStateChange(() => {
    rec.patches += rec.measuring ? 1 : 0;
  });
  room.onMessage('panel', (p: PanelLike) => {
    if (p.post !== post) return;
    latest = p;
    settle();
  });
  room.onMessage('panelChange', (c: PanelChange) => {
    if (c.post !== post || !latest) return;
    latest = applyPanelChange(latest, c);
    settle();
  });
  for (const type of ['welcome', 'ended', 'hint', 'seated']) room.onMessage(type, () => {});

  return {
    room,
    pendingCount: () => pending.size,
    act() {
      if (!room.connection?.isOpen) return;
      // An intent whose outcome never came is forgotten after a while (the recorder still counts it).
      for (const old of pending.values()) if (now() - old.sentAt > STALE_MS) pending.delete(old.ref);
      const view = panel();
      const busy = new Set([...pending.values()].map((p) => `${p.npc ?? ''}/${p.interaction ?? ''}/${p.fact ?? ''}/${p.to ?? ''}`));
      let p: Pending | undefined;
      let intent: object | undefined;
      const r = ++ref;
      for (const card of view?.waiting ?? []) {
        if (busy.has(`${card.id}/${card.interaction}//`)) continue;
        const options = card.responses.filter((o) => o.available);
        const option = options[Math.floor(Math.random() * options.length)];
        if (!option) continue;
        p = { ref: r, kind: 'respond', sentAt: 0, npc: card.id, interaction: card.interaction };
        intent = { type: 'respond', npc: card.id, response: option.id };
        break;
      }
      if (!p) {
        for (const fact of view?.facts ?? []) {
          const to = fact.unknownTo.find((room) => !busy.has(`//${fact.id}/${room}`));
          if (!to) continue;
          p = { ref: r, kind: 'share', sentAt: 0, fact: fact.id, to };
          intent = { type: 'shareFact', fact: fact.id, to: [to] };
          break;
        }
      }
      if (!p) {
        p = { ref: r, kind: 'probe', sentAt: 0 };
        intent = { type: 'respond', npc: PROBE_NPC, response: 'bench-probe' };
      }
      pending.set(r, p);
      p.sentAt = now();
      room.send('intent', { ref: r, intent });
      rec.sentOne(p);
    },
  };
}

/** One client of a bare room: bumps with a ref; the state change is its own `echo` entry reaching that ref. */
function bareBot(room: Room, rec: Recorder): Bot {
  let ref = 0;
  const pending = new Map<number, Pending>();
  room.onStateChange((state: { echo?: { get(k: string): number | undefined } }) => {
    rec.patches += rec.measuring ? 1 : 0;
    if (pending.size === 0) return;
    const echoed = state.echo?.get(room.sessionId);
    if (echoed === undefined) return;
    const t = now();
    for (const p of pending.values()) {
      if (p.ref > echoed) continue;
      p.appliedAt = t;
      p.stateAt = t;
      pending.delete(p.ref);
      rec.settle(p);
    }
  });
  return {
    room,
    pendingCount: () => pending.size,
    act() {
      if (!room.connection?.isOpen) return;
      for (const old of pending.values()) if (now() - old.sentAt > STALE_MS) pending.delete(old.ref);
      const p: Pending = { ref: ++ref, kind: 'bump', sentAt: now() };
      pending.set(p.ref, p);
      room.send('bump', { ref: p.ref });
      rec.sentOne(p);
    },
  };
}

// ---- one run ----

interface Group {
  bots: Bot[];
  running: () => boolean;
  ended: () => boolean;
}

async function postJson(url: string, body: object): Promise<{ code: string; trainerKey?: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as { code: string; trainerKey?: string };
}

/** Rooms that answered a join after its timeout are left at once, so nothing stays open. */
function joined(promise: Promise<Room>, ms: number, what: string): Promise<Room> {
  return within(promise, ms, what).catch((err: unknown) => {
    promise.then((late) => void late.leave(true)).catch(() => {});
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(message.startsWith(what) ? message : `${what}: ${message}`);
  });
}

/**
 * A training drill: the trainer starts it, fast-forwards it to 09:30 while the four players
 * already play, sets the measured speed and leaves; the four players stay. (A team drill needs
 * no trainer but starts at 09:00, when only the ops room has anyone to answer.)
 */
async function openDrill(spec: RunSpec, index: number, rec: Recorder, all: Room[], begin: (bots: Bot[]) => void): Promise<Group> {
  // In a cluster, each drill is created through one process in turn and its players join
  // through the next: the seat is reserved there and the socket goes to whichever holds the drill.
  const urls = [spec.url, ...(spec.peerUrls ?? [])];
  const createUrl = urls[index % urls.length]!;
  const ws = createUrl.replace(/^http/, 'ws');
  const playersWs = urls[(index + 1) % urls.length]!.replace(/^http/, 'ws');
  const { code, trainerKey } = await within(postJson(`${createUrl}/api/drills`, { mode: 'training', scenario: SCENARIO, speed: FAST_FORWARD_SPEED }), 20_000, 'create drill').catch(
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(message.startsWith('create drill') ? message : `create drill: ${message}`);
    },
  );
  const trainer = await joined(new Client(ws).joinById(code, { trainerKey }), 20_000, 'trainer join');
  label(trainer, 'the trainer (all panels)');
  all.push(trainer);
  for (const type of ['welcome', 'events', 'rejected', 'ended', 'hint', 'panel', 'panelChange']) trainer.onMessage(type, () => {});
  const players = await Promise.all(
    POSTS.map(async (post, i) => {
      const room = await joined(new Client(playersWs).joinById(code, { name: `bench${index}-${i}`, post }), 20_000, 'player join');
      label(room, `a player at ${post}`, rec);
      all.push(room);
      return drillBot(room, post, rec);
    }),
  );
  const state = () => trainer.state as { phase?: string; clock?: number; speed?: number };
  begin(players);
  try {
    trainer.send('clock', { action: 'start' });
    await whenState(trainer, () => (state().clock ?? 0) >= FAST_FORWARD_TO, 30_000, 'fast-forward');
    trainer.send('clock', { action: 'speed', speed: spec.speed });
    await whenState(trainer, () => state().speed === spec.speed, 10_000, 'speed change');
    await within(trainer.leave(true), 5000, 'trainer leave').catch(() => {});
  } catch (err) {
    // This drill is not measured: its players stop (act() needs an open connection).
    await Promise.all([trainer, ...players.map((b) => b.room)].map((room) => within(room.leave(true), 5000, 'leave').catch(() => {})));
    throw err;
  }
  const phase = () => (players[0]!.room.state as { phase?: string }).phase;
  return { bots: players, running: () => phase() === 'running', ended: () => phase() === 'ended' || phase() === 'failed' };
}

async function openBare(spec: RunSpec, rec: Recorder, all: Room[], begin: (bots: Bot[]) => void): Promise<Group> {
  const ws = spec.url.replace(/^http/, 'ws');
  const first = await joined(new Client(ws).create(BARE_ROOM, {}), 20_000, 'bare create');
  label(first, 'a bare client', rec);
  all.push(first);
  const rest = await Promise.all(
    [1, 2, 3].map(async () => {
      const room = await joined(new Client(ws).joinById(first.roomId, {}), 20_000, 'bare join');
      label(room, 'a bare client', rec);
      all.push(room);
      return room;
    }),
  );
  const bots = [first, ...rest].map((room) => bareBot(room, rec));
  begin(bots);
  return { bots, running: () => true, ended: () => false };
}

async function run(spec: RunSpec): Promise<LoadResult> {
  decodeErrors.clear();
  const rec = new Recorder();
  const all: Room[] = [];
  const groups: Group[] = [];
  const joinErrors: string[] = [];
  let joinFailures = 0;
  const connectStart = now();
  const deadline = connectStart + spec.connectBudgetSeconds * 1000;
  const timers: NodeJS.Timeout[] = [];

  // Each client acts every interval, at its own random phase, from the moment its room is set.
  const begin = (bots: Bot[]) => {
    for (const bot of bots) {
      const start = setTimeout(() => {
        bot.act();
        timers.push(setInterval(() => bot.act(), spec.intervalMs));
      }, Math.random() * spec.intervalMs);
      timers.push(start);
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < spec.size && now() < deadline) {
      const index = next++;
      try {
        groups.push(spec.target === 'drill' ? await openDrill(spec, index, rec, all, begin) : await openBare(spec, rec, all, begin));
      } catch (err) {
        joinFailures++;
        if (joinErrors.length < 5) joinErrors.push(err instanceof Error ? err.message : String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  joinFailures += spec.size - Math.min(spec.size, next);
  const connectSeconds = (now() - connectStart) / 1000;
  sendToParent({ type: 'progress', text: `${spec.target} x${spec.size}: ${groups.length} rooms open in ${connectSeconds.toFixed(1)} s, warming up ${spec.warmupSeconds} s` });

  const closesBefore = new Set<Room>();
  for (const room of all) {
    room.onLeave((code) => {
      if (!closesBefore.has(room)) rec.closes[String(code)] = (rec.closes[String(code)] ?? 0) + 1;
    });
    room.onError((code, message) => rec.note(`room error ${code}: ${message ?? ''}`.slice(0, 200)));
  }
  await sleep(spec.warmupSeconds * 1000);

  // ---- the window ----
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const bots = groups.flatMap((g) => g.bots);
  const clientsConnected = bots.filter((b) => b.room.connection?.isOpen).length;
  const roomsRunning = groups.filter((g) => g.running()).length;
  sendToParent({ type: 'window-start' });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = now();
  const decodeErrorsBefore = [...decodeErrors.values()].reduce((a, b) => a + b, 0);
  const readBefore = rec.sockets.map((s) => s.bytesRead);
  rec.measuring = true;
  await sleep(spec.windowSeconds * 1000);
  rec.measuring = false;
  const downBytes = rec.sockets.reduce((n, s, i) => n + s.bytesRead - readBefore[i]!, 0);
  const decodeErrorsInWindow = [...decodeErrors.values()].reduce((a, b) => a + b, 0) - decodeErrorsBefore;
  const windowSeconds = (now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  sendToParent({ type: 'window-end' });
  for (const t of timers) clearTimeout(t);

  const drainUntil = now() + DRAIN_MS;
  while (rec.open.size > 0 && now() < drainUntil) await sleep(50);
  rec.close();
  const drillsEnded = groups.filter((g) => g.ended()).length;
  const carryOn = new Promise<void>((resolve) => {
    continueNow = resolve;
  });
  sendToParent({ type: 'drained' });
  await within(carryOn, 60_000, 'continue').catch(() => {});
  continueNow = undefined;

  // ---- teardown: everyone leaves (consented), bounded ----
  for (const room of all) closesBefore.add(room);
  await Promise.all(all.map((room) => within(room.leave(true), 5000, 'leave').catch(() => {})));

  return {
    target: spec.target,
    size: spec.size,
    clientsWanted: spec.size * 4,
    clientsConnected,
    joinFailures,
    firstJoinErrors: joinErrors,
    connectSeconds,
    roomsRunning,
    windowSeconds,
    sent: rec.sent,
    kinds: rec.kinds,
    applied: rec.applied,
    rejected: rec.rejected,
    appliedNoState: rec.appliedNoState,
    unanswered: rec.unanswered,
    stateLatency: spread(rec.state),
    replyLatency: spread(rec.reply),
    rejectLatency: spread(rec.reject),
    patchesPerSecond: rec.patches / windowSeconds,
    downBytesPerClientPerSecond: rec.sockets.length ? downBytes / rec.sockets.length / windowSeconds : 0,
    closes: rec.closes,
    drillsEnded,
    loadCpuPercent: ((cpu.user + cpu.system) / 1000 / (windowSeconds * 1000)) * 100,
    loadLoopP99: loop.percentile(99) / 1e6,
    notes: [...[...rec.notes].slice(0, 10).map(([text, n]) => `${n}x ${text}`), ...rec.samples.map((x) => `e.g. ${x}`)],
    decodeErrors: Object.fromEntries(decodeErrors),
    decodeErrorsInWindow,
  };
}

let continueNow: (() => void) | undefined;

process.on('message', (message: ToLoad) => {
  if (message.cmd === 'stop') process.exit(0);
  if (message.cmd === 'continue') return continueNow?.();
  if (message.cmd !== 'run') return;
  run(message.spec).then(
    (result) => sendToParent({ type: 'result', result }),
    (err: unknown) => sendToParent({ type: 'fatal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
