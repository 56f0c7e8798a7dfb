import { randomUUID } from 'node:crypto';
import { Room, ServerError, type Client } from '@colyseus/core';
import type { Skill } from '../../shared/bots/skill.js';
import type { DrillEvent } from '../../shared/engine/events.js';
import { CLIENT_MESSAGES, CLOSE_CODES, JoinOptionsSchema, SERVER_MESSAGES, type ClientMessage, type ClientMessageType, type CreateDrill } from '../../shared/protocol/messages.js';
import type { Rejection } from '../../shared/protocol/rejections.js';
import { teamTotal } from '../../shared/scores/dimensions.js';
import { CHECKPOINT_EVERY_MS, RESTORED_WAIT_MS, type Checkpoint } from '../checkpoints/Checkpoint.js';
import { Checkpointer } from '../checkpoints/Checkpointer.js';
import { RateLimiter } from '../net/RateLimiter.js';
import { newSecret, sameSecret } from '../net/secrets.js';
import { DrillSchema, SeatState } from '../state/DrillSchema.js';
import { initMirror, mirror } from '../state/mirror.js';
import type { DrillRecord } from '../store/drillRecord.js';
import { processIdentity } from '../scale/processIdentity.js';
import type { ServerServices } from '../services.js';
import { verdictFor } from '../leaderboard/verdictFor.js';
import { DrillSession } from './DrillSession.js';
import { canSee, type Participant } from './participants.js';
import { Seats } from './Seats.js';

export interface DrillRoomOptions {
  create: CreateDrill;
  code: string;
  trainerKey: string;
  seed: number;
  /** After a restart: the drill's checkpoint, to rebuild it by replaying its log (server/checkpoints/). */
  restore?: Checkpoint;
}

const TICK_MS = 100;
/** How often a clock that moved with nothing else happening is sent to clients. */
const CLOCK_SYNC_MS = 500;

/**
 * A Colyseus room around one drill: connections, the clock, message checks, the state mirror,
 * the stored result and restarts. The rules are all in the engine and who holds which post is in
 * `Seats`; this class decides who may ask for what.
 */
export class DrillRoom extends Room<DrillSchema> {
  /** Set by the app that defines the room (see app.ts). */
  static services: ServerServices;
  override state = new DrillSchema();
  override maxClients = 40;

  private services!: ServerServices;
  private session!: DrillSession;
  private create!: CreateDrill;
  private trainerKey!: string;
  private startedAt = new Date();
  private finished = false;
  /** Absent until the drill is fully created: a room whose creation failed has no checkpoint to touch. */
  private checkpoints?: Checkpointer;
  private shuttingDown = false;
  private mirroredMinute = -1;
  private clockSentAt = 0;
  private seating!: Seats;
  private readonly bySession = new Map<string, Participant>();
  private readonly limiters = new Map<string, RateLimiter>();

  override onCreate(options: DrillRoomOptions): void {
    this.services = (this.constructor as typeof DrillRoom).services;
    const loaded = this.services.scenarios.get(options.create.scenario);
    if (!loaded) throw new ServerError(404, `no scenario "${options.create.scenario}"`);
    this.roomId = options.code;
    this.create = options.create;
    this.trainerKey = options.trainerKey;
    const skill: Skill = options.create.mode === 'solo' ? options.create.skill : 'competent';
    const roster = Object.fromEntries(loaded.scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill }]));
    const back = options.restore;
    this.session = back
      ? DrillSession.restore(loaded.scenario, options.seed, back.roster, back.speed, skill, { inputs: back.inputs, clock: back.clock, phase: back.phase === 'lobby' ? 'lobby' : 'paused' })
      : new DrillSession(loaded.scenario, options.seed, roster, options.create.speed ?? loaded.scenario.clock.compression, skill);

    const s = this.state;
    s.code = options.code;
    s.mode = options.create.mode;
    s.scenario = loaded.scenario.id;
    s.team = options.create.mode === 'team' ? options.create.team : '';
    s.phase = 'lobby';
    s.speed = this.session.speed;
    for (const p of loaded.scenario.posts) {
      s.seats.set(p.id, new SeatState({ post: p.id, room: p.room, holder: '', kind: 'bot', skill, connected: false, ready: false }));
    }
    this.seating = new Seats(s, this.session, this.create);
    initMirror(s, this.session.index);
    if (back) this.welcomeBack(back);
    this.checkpoints = new Checkpointer(this.services.store, this.services.log, options.code, () => this.checkpoint());
    // Each drill at its own phase, so that many drills do not all write in the same tick.
    this.clock.setTimeout(() => this.clock.setInterval(() => this.checkpoints?.offer(), CHECKPOINT_EVERY_MS), Math.random() * CHECKPOINT_EVERY_MS);
    this.flush();

    this.onMessage('*', (client, type, message) => this.guarded(() => this.receive(client, String(type), message)));
    this.setSimulationInterval((dt) => this.guarded(() => this.tick(dt)), TICK_MS);
  }

  override onAuth(_client: Client, options: unknown): Participant['role'] {
    const parsed = JoinOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(CLOSE_CODES.badJoin, `bad join options: ${parsed.error.issues[0]?.message}`);
    const o = parsed.data;
    if ('trainerKey' in o) {
      if (!sameSecret(o.trainerKey, this.trainerKey)) throw new ServerError(CLOSE_CODES.badJoin, 'wrong trainer key');
      return 'spectate' in o ? 'spectator' : 'trainer';
    }
    if (o.participant && !this.seating.people.has(o.participant)) throw new ServerError(CLOSE_CODES.seatLost, 'that seat is gone');
    return 'player';
  }

  override onJoin(client: Client, options: { name?: string; post?: string; participant?: string }, role: Participant['role']): void {
    let person = options.participant ? this.seating.people.get(options.participant) : undefined;
    if (person) {
      // The same person again (a page reload): cancel the wait for the old connection.
      const waiting = person.awaiting;
      person.awaiting = undefined;
      person.client = client;
      waiting?.reject(new Error('rejoined'));
    } else {
      person = { token: newSecret(), role, name: role === 'player' ? options.name! : role, ready: false, client };
      this.seating.add(person, options.post);
    }
    this.bind(person, client);
    if (person.post) this.seating.sit(person, person.post);
    this.seating.refreshView(person);
    // The trainer's console (and the presenter) list the optional injects the trainer may fire;
    // players are not told what surprises the scenario holds.
    const injects = person.role === 'player' ? undefined : this.session.index.scenario.injects.filter((i) => i.optional).map((i) => ({ id: i.id, room: i.room, title: i.title }));
    client.send(SERVER_MESSAGES.welcome, { role: person.role, participant: person.token, post: person.post ?? null, code: this.roomId, mode: this.create.mode, ...(injects && { injects }) });
    this.seating.tellIfFreed(person);
    this.seating.refreshUnseated();
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const person = this.bySession.get(client.sessionId);
    this.bySession.delete(client.sessionId);
    this.limiters.delete(client.sessionId);
    if (!person || person.client !== client) return;
    person.client = undefined;
    if (person.post) this.seating.markAway(person);
    if (consented || this.finished) return this.seating.forget(person);
    try {
      person.awaiting = this.allowReconnection(client, this.services.reconnectSeconds);
      const back = await person.awaiting;
      person.awaiting = undefined;
      this.guarded(() => {
        this.bind(person, back);
        if (person.post) this.seating.sit(person, person.post);
        this.seating.refreshView(person);
        this.seating.tellIfFreed(person);
      });
    } catch {
      // Rejoined by token on a new connection (handled in onJoin), or the window closed.
      if (person.client === undefined) this.seating.forget(person);
    }
  }

  override onBeforeShutdown(): void {
    // The drill is kept for the next start: the checkpoint is written now and not deleted.
    this.shuttingDown = true;
    this.checkpoints?.writeNow();
    this.broadcast(SERVER_MESSAGES.rejected, { code: 'wrong-phase', reason: 'the server is shutting down' });
    void this.disconnect(CLOSE_CODES.shutdown);
  }

  /** This connection now speaks for this person, with a fresh message allowance. */
  private bind(person: Participant, client: Client): void {
    person.client = client;
    this.bySession.set(client.sessionId, person);
    const { perSecond, burst, maxStrikes } = this.services.limits;
    this.limiters.set(client.sessionId, new RateLimiter(perSecond, burst, maxStrikes, Date.now()));
  }

  // ---- messages ----

  private receive(client: Client, type: string, raw: unknown): void {
    const person = this.bySession.get(client.sessionId);
    if (!person) return;
    const verdict = this.limiters.get(client.sessionId)!.take(Date.now());
    if (verdict === 'cut-off') return client.leave(CLOSE_CODES.flood, 'too many messages');
    const ref = typeof raw === 'object' && raw !== null && typeof (raw as { ref?: unknown }).ref === 'number' ? (raw as { ref: number }).ref : undefined;
    const refuse = (rejection: Rejection) => client.send(SERVER_MESSAGES.rejected, { ...rejection, ref: ref ?? null, type });
    if (verdict === 'throttled') return refuse({ code: 'rate-limited', reason: 'slow down: too many messages' });
    if (this.services.testHooks && type === '__throw') throw new Error('test hook: failure inside a drill');
    if (!(type in CLIENT_MESSAGES)) return refuse({ code: 'unknown-type', reason: `no message type "${type.slice(0, 40)}"` });
    const parsed = CLIENT_MESSAGES[type as ClientMessageType].safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse({ code: 'bad-message', reason: `${issue.path.join('.') || type}: ${issue.message}` });
    }
    const refusal = this.handle(person, type as ClientMessageType, parsed.data);
    if (refusal) refuse(refusal);
    this.flush();
    // An accepted move is sent at once rather than at the next 50 ms patch: players should see
    // their own answer land without waiting for the timer (refusals change nothing to send).
    if (!refusal) this.broadcastPatch();
  }

  private handle(person: Participant, type: ClientMessageType, message: ClientMessage<ClientMessageType>): Rejection | undefined {
    const trainer = person.role === 'trainer';
    const phase = this.session.phase;
    switch (type) {
      case 'intent': {
        if (!person.post) return { code: 'no-post', reason: 'take a post first' };
        const result = this.session.intent(person.post, (message as ClientMessage<'intent'>).intent);
        return result.ok ? undefined : result.rejection;
      }
      case 'seat': {
        if (person.role !== 'player') return { code: 'not-allowed', reason: 'only players take posts' };
        const m = message as ClientMessage<'seat'>;
        if (m.action === 'release') {
          if (person.post !== m.post) return { code: 'no-post', reason: `you do not hold "${m.post}"` };
          this.seating.stand(person);
          return undefined;
        }
        if (!this.state.seats.has(m.post)) return { code: 'unknown-post', reason: `no post "${m.post}"` };
        if (this.seating.humanAt(m.post)) return { code: 'seat-taken', reason: `"${m.post}" is taken` };
        if (person.post) this.seating.stand(person);
        this.seating.sit(person, m.post);
        this.seating.refreshView(person);
        this.seating.refreshUnseated();
        return undefined;
      }
      case 'ready': {
        if (!person.post) return { code: 'no-post', reason: 'take a post first' };
        person.ready = (message as ClientMessage<'ready'>).ready;
        this.state.seats.get(person.post)!.ready = person.ready;
        if (phase === 'lobby' && this.create.mode !== 'training' && this.seating.allHumansReady()) this.session.start();
        // Only a restart pauses a team drill (nobody holds its clock): it goes on when all are ready again.
        else if (phase === 'paused' && this.create.mode === 'team' && this.seating.allHumansReady()) this.session.resume();
        return undefined;
      }
      case 'clock': {
        const soloPlayer = this.create.mode === 'solo' && person.role === 'player' && person.post !== undefined;
        if (!trainer && !soloPlayer) return { code: 'not-allowed', reason: 'only the trainer controls the clock' };
        const m = message as ClientMessage<'clock'>;
        if (phase === 'ended') return { code: 'drill-ended', reason: 'the drill has ended' };
        if (m.action === 'start') {
          if (phase !== 'lobby') return { code: 'wrong-phase', reason: 'the drill has already started' };
          this.session.start();
        } else if (m.action === 'pause') {
          if (phase !== 'running') return { code: 'wrong-phase', reason: 'the drill is not running' };
          this.session.pause();
        } else if (m.action === 'resume') {
          if (phase !== 'paused') return { code: 'wrong-phase', reason: 'the drill is not paused' };
          this.session.resume();
        } else {
          if (m.speed === undefined) return { code: 'bad-message', reason: 'speed: give the new speed' };
          this.session.speed = m.speed;
        }
        return undefined;
      }
      case 'control': {
        if (!trainer) return { code: 'not-allowed', reason: 'only the trainer can do that' };
        if (phase !== 'running' && phase !== 'paused') return { code: 'wrong-phase', reason: `the drill is ${phase}` };
        const result = this.session.control((message as ClientMessage<'control'>).control);
        return result.ok ? undefined : result.rejection;
      }
      case 'hint': {
        if (!trainer) return { code: 'not-allowed', reason: 'only the trainer sends hints' };
        const m = message as ClientMessage<'hint'>;
        const target = this.seating.humanAt(m.post);
        if (!target?.client) return { code: 'no-post', reason: `nobody is at "${m.post}" to read a hint` };
        target.client.send(SERVER_MESSAGES.hint, { post: m.post, text: m.text, at: this.session.state.clock });
        return undefined;
      }
      case 'post': {
        if (!trainer) return { code: 'not-allowed', reason: 'only the trainer frees or takes over posts' };
        return this.seating.trainerPost(person, message as ClientMessage<'post'>);
      }
    }
  }

  // ---- time, events, the end ----

  private tick(dt: number): void {
    this.session.tick(dt);
    this.flush();
  }

  /** Sends the new events to whoever may see them, mirrors the state, and stores a finished drill. */
  private flush(): void {
    const events = this.session.drain();
    if (events.length > 0) this.deliver(events);
    // The full mirror is rebuilt when something happened, or once a scenario minute for moods
    // that run down while NPCs wait; in between only the clock moves.
    const minute = Math.floor(this.session.state.clock / 60);
    if (events.length > 0 || minute !== this.mirroredMinute) {
      mirror(this.state, this.session.index, this.session.state);
      this.mirroredMinute = minute;
    } else if (this.clock.currentTime - this.clockSentAt >= CLOCK_SYNC_MS) {
      // A clock-only change goes out a few times a second, not at every tick: idle drills
      // otherwise send every client a patch per tick, and moves queue behind that traffic.
      this.state.clock = this.session.state.clock;
      this.clockSentAt = this.clock.currentTime;
    }
    if (this.state.phase !== this.session.phase && !this.finished) {
      this.state.phase = this.session.phase;
      if (this.session.phase === 'paused') this.checkpoints?.writeNow();
    }
    this.state.speed = this.session.speed;
    if (this.session.phase === 'ended' && !this.finished) void this.finish();
  }

  private deliver(events: DrillEvent[]): void {
    for (const person of this.seating.people.values()) {
      if (!person.client) continue;
      const room = person.post ? this.session.index.postRoom.get(person.post) : undefined;
      const visible = events.filter((e) => canSee(e as never, person.role, room));
      if (visible.length > 0) person.client.send(SERVER_MESSAGES.events, visible);
    }
  }

  /** Writes the record first; only then are players told the result. */
  private async finish(): Promise<void> {
    this.finished = true;
    this.checkpoints?.close();
    const state = this.session.state;
    const record: DrillRecord = {
      id: randomUUID(),
      mode: this.create.mode,
      scenarioId: state.scenarioId,
      scenarioVersion: state.scenarioVersion,
      scenarioHash: this.services.scenarios.get(state.scenarioId)!.hash,
      seed: this.session.seed,
      team: this.create.mode === 'team' ? this.create.team : null,
      roster: state.roster,
      inputs: this.session.inputs,
      untilClock: state.clock,
      scores: state.scores,
      total: teamTotal(state.scores),
      ending: state.ending!,
      expected: Object.fromEntries(Object.entries(state.expected).map(([id, x]) => [id, x.status])),
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      reportToken: newSecret(),
      // Set only by POST /api/drills after the team entered the competition (server/competitions/).
      competitionId: this.create.mode === 'team' ? (this.create.competition ?? null) : null,
    };
    let saved = true;
    try {
      await this.services.store.saveDrill(record, verdictFor(this.services, record));
      void this.checkpoints?.discard();
    } catch (err) {
      saved = false;
      // The checkpoint stays: after a restart the drill can be resumed and finished again.
      this.services.log.error(`drill ${this.roomId}: could not store the result (its checkpoint is kept): ${String(err)}`);
    }
    this.state.phase = 'ended';
    // The report token goes to everyone in the drill: it opens the report and the survey.
    this.broadcast(SERVER_MESSAGES.ended, {
      record: saved ? record.id : null,
      reportToken: saved ? record.reportToken : null,
      ending: record.ending,
      scores: record.scores,
      total: record.total,
      saved,
    });
  }

  // ---- restarts ----

  /** The drill as its checkpoint keeps it: the log and what rejoining people need. */
  private checkpoint(): Checkpoint {
    const session = this.session;
    const players = [...this.seating.people.values()].filter((p) => p.role === 'player');
    return {
      version: 1,
      owner: processIdentity(this.services.scaleOut),
      code: this.roomId,
      scenario: { id: session.state.scenarioId, hash: this.services.scenarios.get(session.state.scenarioId)!.hash },
      seed: session.seed,
      create: this.create,
      trainerKey: this.trainerKey,
      roster: session.state.roster,
      phase: session.phase === 'lobby' || session.phase === 'running' ? session.phase : 'paused',
      speed: session.speed,
      clock: session.state.clock,
      inputs: session.inputs,
      players: players.map((p) => ({ token: p.token, name: p.name, ...(p.post && { post: p.post }), ready: p.ready })),
      startedAt: this.startedAt.toISOString(),
    };
  }

  /**
   * A drill rebuilt after a restart: its players get their seats back by token (a bot covers
   * each post meanwhile) for RECONNECT_SECONDS, as after a dropped connection; the drill itself
   * waits RESTORED_WAIT_MS for anyone to come back.
   */
  private welcomeBack(checkpoint: Checkpoint): void {
    this.startedAt = new Date(checkpoint.startedAt);
    for (const p of checkpoint.players) {
      // A team drill goes on when everyone is ready again; elsewhere readiness is kept.
      this.seating.restore({ token: p.token, role: 'player', name: p.name, ready: this.create.mode !== 'team' && p.ready }, p.post);
    }
    this.seating.refreshUnseated();
    this.clock.setTimeout(() => this.guarded(() => {
      for (const person of [...this.seating.people.values()]) if (!person.client && !person.awaiting) this.seating.forget(person);
      // Those who did come back may all be ready by now.
      if (this.create.mode === 'team' && this.session.phase === 'paused' && this.seating.allHumansReady()) this.session.resume();
      this.flush();
    }), this.services.reconnectSeconds * 1000);
    this.autoDispose = false;
    this.clock.setTimeout(() => (this.autoDispose = true), RESTORED_WAIT_MS);
  }

  /** Closed without finishing: kept across a server shutdown, dropped when its people have all gone. */
  override onDispose(): Promise<void> | void {
    if (!this.checkpoints) return;
    if (this.finished || this.shuttingDown) return this.checkpoints.settle();
    return this.checkpoints.discard();
  }

  /** Runs a handler; an unexpected error ends this drill cleanly and nothing else. */
  private guarded(work: () => void): void {
    if (this.state.phase === 'failed') return;
    try {
      work();
    } catch (err) {
      this.services.log.error(`drill ${this.roomId} failed and was stopped: ${err instanceof Error ? err.stack : String(err)}`);
      this.state.phase = 'failed';
      this.finished = true;
      void this.checkpoints?.discard();
      this.broadcast(SERVER_MESSAGES.rejected, { code: 'drill-ended', reason: 'this drill hit an internal error and was stopped', ref: null, type: 'failure' });
      this.clock.setTimeout(() => void this.disconnect(CLOSE_CODES.drillFailed), 200);
    }
  }

  /**
   * Colyseus routes errors from lifecycle methods here. A refused join (onAuth) is a normal
   * answer to a bad client and must not touch the drill; anything else stops this drill only.
   */
  override onUncaughtException(error: Error, methodName: string): void {
    if (methodName === 'onAuth') return;
    this.guarded(() => {
      throw error;
    });
  }
}
