import { Room, ServerError, type AuthContext, type Client, type Delayed } from '@colyseus/core';
import type { DrillEvent } from '../../shared/engine/events.js';
import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import {
  CLIENT_MESSAGES,
  CLOSE_CODES,
  FLOOD_COOL_DOWN_SECONDS,
  JoinOptionsSchema,
  SERVER_MESSAGES,
  isClientMessageType,
  type ClientMessage,
  type ClientMessageType,
} from '../../shared/protocol/messages.js';
import type { Rejection } from '../../shared/protocol/rejections.js';
import { teamTotal } from '../../shared/scores/dimensions.js';
import { CHECKPOINT_EVERY_MS, type Checkpoint } from '../checkpoints/Checkpoint.js';
import { Checkpointer } from '../checkpoints/Checkpointer.js';
import { verdictFor } from '../leaderboard/verdictFor.js';
import { DEFAULT_JOIN_LIMIT, joinSecrets, recordJoinFailure } from '../net/joinGuard.js';
import { RateLimiter } from '../net/RateLimiter.js';
import { newSecret, sameSecret } from '../net/secrets.js';
import { processIdentity } from '../scale/processIdentity.js';
import type { ServerServices } from '../services.js';
import { DrillSchema, SeatState } from '../state/DrillSchema.js';
import { initMirror, mirror } from '../state/mirror.js';
import type { DrillCreation } from '../store/drillCreation.js';
import type { DrillRecord } from '../store/drillRecord.js';
import { redeemTicket } from './creationTickets.js';
import { DrillSession } from './DrillSession.js';
import { canSee, type Participant } from './participants.js';
import { Seats } from './Seats.js';

const TICK_MS = 100;
/** How often a clock that moved with nothing else happening is sent to clients. */
const CLOCK_SYNC_MS = 500;

type Role = Participant['role'];

/**
 * A Colyseus room around one drill: connections, the clock, message checks, the state mirror,
 * the stored result and restarts. The rules are all in the engine and the driver (shared/), who
 * holds which post is in `Seats`; this class decides who may ask for what.
 *
 * A room is only ever created from a ticket the server issued (creationTickets.ts): nothing a
 * client sends can choose its code, keys, seed, competition or log.
 */
export class DrillRoom extends Room<DrillSchema> {
  /** Set by the app that defines the room (see app.ts). */
  static services: ServerServices;
  override state = new DrillSchema();
  override maxClients = 40;

  private services!: ServerServices;
  private session!: DrillSession;
  private creation!: DrillCreation;
  private trainerKey!: string;
  /** The trainer's public id in the log: every trainer connection speaks as the same person. */
  private trainerId?: string;
  private startedAt = new Date();
  private finished = false;
  /** Absent until the drill is fully created: a room whose creation failed has no checkpoint to touch. */
  private checkpoints?: Checkpointer;
  private shuttingDown = false;
  private mirroredMinute = -1;
  private clockSentAt = 0;
  private seating!: Seats;
  /** Paused by the server because nobody was at a post (team and solo drills); resumes when someone is back. */
  private autoPaused = false;
  /** Until when (ms) an empty drill waits for its people: a new drill, or one restored after a restart. */
  private waitForPeopleUntil = 0;
  private closeTimer?: Delayed;
  private readonly bySession = new Map<string, Participant>();

  override async onCreate(options: unknown): Promise<void> {
    this.services = (this.constructor as typeof DrillRoom).services;
    const ticket = await redeemTicket(this.presence, options);
    if (!ticket) throw new ServerError(403, 'drills are created by the server (POST /api/drills)');
    const back = ticket.kind === 'restore' ? ticket.checkpoint : undefined;
    const creation = ticket.kind === 'new' ? ticket.creation : ticket.checkpoint.creation;
    const loaded = this.services.scenarios.get(creation.scenarioId);
    if (!loaded) throw new ServerError(404, `no scenario "${creation.scenarioId}"`);
    if (loaded.hash !== creation.scenarioHash) throw new ServerError(409, `scenario "${creation.scenarioId}" changed since the drill was created`);
    this.roomId = creation.code;
    this.creation = creation;
    this.trainerKey = ticket.kind === 'new' ? ticket.trainerKey : ticket.checkpoint.trainerKey;
    const index = indexScenario(loaded.scenario);
    this.session = back
      ? DrillSession.restore(index, creation.seed, creation.botSkill, back.speed, back.inputs, back.clock)
      : DrillSession.create(index, creation.seed, creation.botSkill, creation.speed);
    // Written before anyone can join: the result will be verified against this record.
    if (!back) await this.services.store.saveCreation(creation);

    const s = this.state;
    s.code = creation.code;
    s.mode = creation.mode;
    s.scenario = loaded.scenario.id;
    s.team = creation.team ?? '';
    s.phase = 'lobby';
    s.speed = this.session.speed;
    for (const p of loaded.scenario.posts) {
      s.seats.set(p.id, new SeatState({ post: p.id, room: p.room, holder: '', kind: 'bot', skill: creation.botSkill, connected: false, ready: false }));
    }
    this.seating = new Seats(s, this.session, creation);
    initMirror(s, index);
    await joinSecrets.publish(this.presence, creation.code, this.trainerKey);
    if (back) await this.welcomeBack(back);
    this.checkpoints = new Checkpointer(this.services.store, this.services.log, creation.code, () => this.checkpoint());
    // Each drill at its own phase, so that many drills do not all write in the same tick.
    this.clock.setTimeout(() => this.clock.setInterval(() => this.checkpoints?.offer(), CHECKPOINT_EVERY_MS), Math.random() * CHECKPOINT_EVERY_MS);
    this.flush();

    // Colyseus calls this for every type without a handler as (client, type, payload), and for a
    // message whose type is "*" itself as (client, payload): the number of arguments tells which.
    this.onMessage('*', (client: Client, ...args: unknown[]) => {
      const [type, message] = args.length >= 2 ? [String(args[0]), args[1]] : ['*', args[0]];
      this.guarded(() => this.receive(client, type, message));
    });
    // Colyseus's own fallback, reachable by name: a client sending it would be closed by Colyseus.
    this.onMessage('__no_message_handler', (client, message: unknown) => this.guarded(() => this.receive(client, '__no_message_handler', message)));
    this.setSimulationInterval((dt) => this.guarded(() => this.tick(dt)), TICK_MS);
    // The room decides itself when it is empty for good (see closeWhenEmpty): Colyseus would
    // dispose a new drill nobody joined within seconds, or one whose only visitor was refused.
    this.autoDispose = false;
    this.waitForPeopleUntil = Date.now() + this.services.abandonSeconds * 1000;
    this.closeWhenEmpty();
  }

  /**
   * Closes the room once nobody is left in it (nobody connected, nobody within a reconnection
   * window): at once if the drill is over; after a grace of RECONNECT_SECONDS if it was running
   * (onDispose stores it as abandoned); a new or restored drill waits ABANDON_SECONDS for its
   * people first. Someone joining cancels it.
   */
  private closeWhenEmpty(): void {
    if (this.seating.people.size > 0) {
      this.closeTimer?.clear();
      this.closeTimer = undefined;
      return;
    }
    if (this.closeTimer) return;
    const grace = this.finished ? 0 : this.services.reconnectSeconds * 1000;
    const wait = Math.max(grace, this.waitForPeopleUntil - Date.now());
    this.closeTimer = this.clock.setTimeout(() => {
      this.closeTimer = undefined;
      if (this.seating.people.size === 0) void this.disconnect();
    }, wait);
  }

  override async onAuth(client: Client, options: unknown, context: AuthContext): Promise<Role> {
    const address = String(context?.ip ?? 'unknown');
    client.userData = { address };
    const refuse = async (code: number, message: string): Promise<never> => {
      await recordJoinFailure(this.presence, address, this.services.joinLimit ?? DEFAULT_JOIN_LIMIT);
      throw new ServerError(code, message);
    };
    const parsed = JoinOptionsSchema.safeParse(options);
    if (!parsed.success) return refuse(CLOSE_CODES.badJoin, `bad join options: ${parsed.error.issues[0]?.message}`);
    const o = parsed.data;
    if ('trainerKey' in o) {
      if (!sameSecret(o.trainerKey, this.trainerKey)) return refuse(CLOSE_CODES.badJoin, 'wrong trainer key');
      return 'spectate' in o ? 'spectator' : 'trainer';
    }
    if (o.participant) {
      const person = this.seating.people.get(o.participant);
      if (!person) return refuse(CLOSE_CODES.seatLost, 'that seat is gone');
      const wait = Math.ceil(((person.cutUntil ?? 0) - Date.now()) / 1000);
      if (wait > 0) throw new ServerError(CLOSE_CODES.flood, `cut off for flooding: try again in ${wait} s`);
      return 'player';
    }
    const solo = this.creation.soloPost;
    if (solo !== null && this.seating.humanAt(solo)) throw new ServerError(CLOSE_CODES.badJoin, 'this solo practice already has its player');
    return 'player';
  }

  override onJoin(client: Client, options: { name?: string; post?: string; participant?: string }, role: Role): void {
    // Someone came: from now on an empty drill closes after the usual grace.
    this.waitForPeopleUntil = 0;
    let person = options.participant ? this.seating.people.get(options.participant) : undefined;
    if (person) {
      // The same person again (a page reload, or a second tab with the same token): the newest
      // connection has the seat; an older one still open is closed and told why.
      const older = person.client;
      const waiting = person.awaiting;
      person.awaiting = undefined;
      waiting?.reject(new Error('rejoined'));
      if (older && older !== client) {
        this.bySession.delete(older.sessionId);
        older.leave(CLOSE_CODES.replaced, 'this seat was opened in another window');
      }
    } else {
      const { perSecond, burst, maxStrikes } = this.services.limits;
      const id = role === 'player' ? this.seating.nextId() : role === 'trainer' ? (this.trainerId ??= this.seating.nextId()) : this.seating.nextId();
      person = { id, token: newSecret(), role, name: role === 'player' ? options.name! : role, ready: false, limiter: new RateLimiter(perSecond, burst, maxStrikes, Date.now()) };
      this.seating.add(person, options.post);
      void joinSecrets.publish(this.presence, this.roomId, person.token);
    }
    this.bind(person, client);
    if (person.post) this.seating.sit(person, person.post);
    this.seating.refreshView(person);
    // The trainer's console (and the presenter) list the optional injects the trainer may fire;
    // players are not told what surprises the scenario holds.
    const injects = person.role === 'player' ? undefined : this.session.index.scenario.injects.filter((i) => i.optional).map((i) => ({ id: i.id, room: i.room, title: i.title }));
    client.send(SERVER_MESSAGES.welcome, { role: person.role, participant: person.token, post: person.post ?? null, code: this.roomId, mode: this.creation.mode, ...(injects && { injects }) });
    this.seating.tellIfFreed(person);
    this.seating.refreshUnseated();
    this.followPresence();
    this.closeWhenEmpty();
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const person = this.bySession.get(client.sessionId);
    this.bySession.delete(client.sessionId);
    if (!person || person.client !== client) return;
    person.client = undefined;
    this.seating.markAway(person);
    this.followPresence();
    if (consented || this.finished) return this.farewell(person);
    if ((person.cutUntil ?? 0) > Date.now()) {
      // Cut off for flooding: no quick reconnection; the seat waits out the cool-down and the usual window.
      this.clock.setTimeout(() => this.guarded(() => !person.client && !person.awaiting && this.farewell(person)), (FLOOD_COOL_DOWN_SECONDS + this.services.reconnectSeconds) * 1000);
      return;
    }
    try {
      person.awaiting = this.allowReconnection(client, this.services.reconnectSeconds);
      const back = await person.awaiting;
      person.awaiting = undefined;
      this.guarded(() => {
        this.bind(person, back);
        this.seating.markBack(person);
        this.seating.refreshView(person);
        this.seating.tellIfFreed(person);
        this.followPresence();
      });
    } catch {
      // Rejoined by token on a new connection (handled in onJoin), or the window closed.
      if (person.client === undefined) this.farewell(person);
    }
  }

  override onBeforeShutdown(): void {
    // The drill is kept for the next start: the checkpoint is written now and not deleted.
    this.shuttingDown = true;
    this.checkpoints?.writeNow();
    void this.disconnect(CLOSE_CODES.shutdown);
  }

  /** This connection now speaks for this person; every frame it sends counts against the person's allowance. */
  private bind(person: Participant, client: Client): void {
    person.client = client;
    this.bySession.set(client.sessionId, person);
    // Before Colyseus's own listener: random bytes and text frames count too, not only room messages.
    client.ref.prependListener('message', () => {
      if (person.client !== client) return;
      // Frames still arriving on a connection being cut change nothing more.
      if ((person.cutUntil ?? 0) > Date.now()) return void (person.frameVerdict = 'cut-off');
      person.frameVerdict = person.limiter.take(Date.now());
      if (person.frameVerdict === 'cut-off') this.cut(person, client);
    });
  }

  /** A flooding connection is closed, and its person refused for a while whatever token it brings. */
  private cut(person: Participant, client: Client): void {
    person.cutUntil = Date.now() + FLOOD_COOL_DOWN_SECONDS * 1000;
    const address = (client.userData as { address?: string } | undefined)?.address ?? 'unknown';
    void recordJoinFailure(this.presence, address, this.services.joinLimit ?? DEFAULT_JOIN_LIMIT);
    this.services.log.info(`drill ${this.roomId}: ${person.role} ${person.id} was cut off for flooding (refused for ${FLOOD_COOL_DOWN_SECONDS} s)`);
    client.leave(CLOSE_CODES.flood, 'too many messages');
  }

  /** The person is gone for good. A drill nobody is left in is wound up (see onDispose). */
  private farewell(person: Participant): void {
    this.seating.forget(person);
    void joinSecrets.withdraw(this.presence, this.roomId, person.token);
    this.closeWhenEmpty();
  }

  // ---- messages ----

  private receive(client: Client, type: string, raw: unknown): void {
    const person = this.bySession.get(client.sessionId);
    if (!person || person.client !== client) return;
    const verdict = person.frameVerdict ?? 'ok';
    person.frameVerdict = undefined;
    if (verdict === 'cut-off') return;
    const ref = typeof raw === 'object' && raw !== null && typeof (raw as { ref?: unknown }).ref === 'number' ? (raw as { ref: number }).ref : undefined;
    const shownType = type.slice(0, 40);
    const refuse = (rejection: Rejection) => client.send(SERVER_MESSAGES.rejected, { ...rejection, ref: ref ?? null, type: shownType });
    if (verdict === 'throttled') return refuse({ code: 'rate-limited', reason: 'slow down: too many messages' });
    if (this.services.testHooks && type === '__throw') throw new Error('test hook: failure inside a drill');
    if (!isClientMessageType(type)) return refuse({ code: 'unknown-type', reason: `no message type "${shownType}"` });
    const parsed = CLIENT_MESSAGES[type].safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse({ code: 'bad-message', reason: `${issue.path.join('.') || type}: ${issue.message}` });
    }
    const refusal = this.handle(person, type, parsed.data);
    if (refusal) refuse(refusal);
    else if (type === 'seat') client.send(SERVER_MESSAGES.seated, { post: person.post ?? null, ref: ref ?? null });
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
        const result = this.session.intent(person.post, (message as ClientMessage<'intent'>).intent, person.id);
        return result.ok ? undefined : result.rejection;
      }
      case 'seat': {
        if (person.role !== 'player') return { code: 'not-allowed', reason: 'only players take posts' };
        return this.seating.playerSeat(person, message as ClientMessage<'seat'>);
      }
      case 'ready': {
        if (!person.post) return { code: 'no-post', reason: 'take a post first' };
        person.ready = (message as ClientMessage<'ready'>).ready;
        this.state.seats.get(person.post)!.ready = person.ready;
        if (phase === 'lobby' && this.creation.mode !== 'training' && this.seating.allHumansReady()) this.begin();
        // Only a restart pauses a team drill this way (nobody holds its clock): it goes on when all are ready again.
        else if (phase === 'paused' && this.creation.mode === 'team' && this.seating.allHumansReady()) this.resume();
        return undefined;
      }
      case 'clock': {
        const soloPlayer = this.creation.mode === 'solo' && person.role === 'player' && person.post !== undefined;
        if (!trainer && !soloPlayer) return { code: 'not-allowed', reason: 'only the trainer controls the clock' };
        const m = message as ClientMessage<'clock'>;
        if (phase === 'ended') return { code: 'drill-ended', reason: 'the drill has ended' };
        if (m.action === 'start') {
          if (phase !== 'lobby') return { code: 'wrong-phase', reason: 'the drill has already started' };
          return this.begin();
        } else if (m.action === 'pause') {
          if (phase !== 'running') return { code: 'wrong-phase', reason: 'the drill is not running' };
          this.session.pause();
          this.autoPaused = false;
        } else if (m.action === 'resume') {
          if (phase !== 'paused') return { code: 'wrong-phase', reason: 'the drill is not paused' };
          this.resume();
        } else {
          if (m.speed === undefined) return { code: 'bad-message', reason: 'speed: give the new speed' };
          this.session.speed = m.speed;
        }
        return undefined;
      }
      case 'control': {
        if (!trainer) return { code: 'not-allowed', reason: 'only the trainer can do that' };
        if (phase !== 'running' && phase !== 'paused') return { code: 'wrong-phase', reason: `the drill is ${phase}` };
        const result = this.session.control((message as ClientMessage<'control'>).control, person.id);
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

  /** The clock starts with the people present at their posts and bots everywhere else. */
  private begin(): Rejection | undefined {
    const started = this.session.start(this.seating.lineup());
    return started.ok ? undefined : started.rejection;
  }

  private resume(): void {
    this.session.resume();
    this.autoPaused = false;
    // Posts whose people are still away get a bot for as long as they are.
    this.seating.syncAll();
  }

  /**
   * A team or solo drill with nobody connected at a post pauses by itself, and goes on when
   * someone is back: nobody should come back to a drill that played on without them (solo), or
   * to bots having played a whole team drill. A trainer runs a training drill's clock.
   */
  private followPresence(): void {
    if (this.creation.mode === 'training') return;
    const someone = this.seating.anySeatedConnected();
    if (this.session.phase === 'running' && !someone) {
      this.session.pause();
      this.autoPaused = true;
    } else if (this.session.phase === 'paused' && this.autoPaused && someone) this.resume();
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

  /** Writes the record first; only then are players told the result. An abandoned drill is stored too, on no board. */
  private async finish(abandoned = false): Promise<void> {
    this.finished = true;
    this.closeTimer?.clear();
    this.checkpoints?.close();
    const state = this.session.state;
    const creation = this.creation;
    const record: DrillRecord = {
      id: creation.id,
      mode: creation.mode,
      scenarioId: state.scenarioId,
      scenarioVersion: state.scenarioVersion,
      scenarioHash: creation.scenarioHash,
      seed: creation.seed,
      team: creation.team,
      roster: state.roster,
      inputs: [...this.session.inputs],
      untilClock: state.clock,
      scores: state.scores,
      total: teamTotal(state.scores),
      ending: abandoned ? { id: null, at: state.clock, reason: 'abandoned' } : state.ending!,
      expected: Object.fromEntries(Object.entries(state.expected).map(([id, x]) => [id, x.status])),
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      reportToken: newSecret(),
      competitionId: creation.competitionId,
    };
    let saved = true;
    try {
      await this.services.store.saveDrill(record, verdictFor(this.services, record, creation));
      void this.checkpoints?.discard();
    } catch (err) {
      saved = false;
      // The checkpoint stays: after a restart the drill can be resumed and finished again.
      this.services.log.error(`drill ${this.roomId}: could not store the result (its checkpoint is kept): ${String(err)}`);
    }
    this.state.phase = 'ended';
    if (abandoned) {
      this.services.log.info(`drill ${this.roomId} (${creation.mode}, ${creation.scenarioId}) was abandoned at scenario clock ${state.clock}: nobody was left in it${saved ? `; stored as ${record.id}, on no board` : ''}.`);
      return;
    }
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
      version: 2,
      owner: processIdentity(this.services.scaleOut),
      code: this.roomId,
      scenario: { id: this.creation.scenarioId, hash: this.creation.scenarioHash },
      creation: this.creation,
      trainerKey: this.trainerKey,
      ...(this.trainerId && { trainerId: this.trainerId }),
      phase: session.phase === 'lobby' || session.phase === 'running' ? session.phase : 'paused',
      lastParticipant: this.seating.lastParticipant,
      speed: session.speed,
      clock: session.state.clock,
      inputs: [...session.inputs],
      players: players.map((p) => ({ id: p.id, token: p.token, name: p.name, ...(p.post && { post: p.post }), ready: p.ready })),
      startedAt: this.startedAt.toISOString(),
    };
  }

  /**
   * A drill rebuilt after a restart: its players get their seats back by token for
   * RECONNECT_SECONDS, as after a dropped connection, and the trainer by key. If nobody has come
   * back when ABANDON_SECONDS have passed, it is wound up: stored as abandoned if it had started.
   */
  private async welcomeBack(checkpoint: Checkpoint): Promise<void> {
    this.startedAt = new Date(checkpoint.startedAt);
    this.seating.continueIdsFrom(checkpoint.lastParticipant);
    if (checkpoint.trainerId) this.trainerId = checkpoint.trainerId;
    const { perSecond, burst, maxStrikes } = this.services.limits;
    for (const p of checkpoint.players) {
      // A team drill goes on when everyone is ready again; elsewhere readiness is kept.
      const person: Participant = { id: p.id, token: p.token, role: 'player', name: p.name, ready: this.creation.mode !== 'team' && p.ready, limiter: new RateLimiter(perSecond, burst, maxStrikes, Date.now()) };
      this.seating.restore(person, p.post);
      await joinSecrets.publish(this.presence, this.roomId, p.token);
    }
    this.seating.refreshUnseated();
    this.clock.setTimeout(
      () =>
        this.guarded(() => {
          for (const person of [...this.seating.people.values()]) if (!person.client && !person.awaiting) this.farewell(person);
          // Those who did come back may all be ready by now.
          if (this.creation.mode === 'team' && this.session.phase === 'paused' && this.seating.allHumansReady()) this.resume();
          this.flush();
        }),
      this.services.reconnectSeconds * 1000,
    );
  }

  /**
   * The room closes: kept across a server shutdown; stored as abandoned if it had started and was
   * not finished (everyone left, or nobody came back after a restart); otherwise just dropped.
   */
  override async onDispose(): Promise<void> {
    void joinSecrets.withdraw(this.presence, this.roomId, this.trainerKey);
    for (const person of this.seating?.people.values() ?? []) void joinSecrets.withdraw(this.presence, this.roomId, person.token);
    if (!this.checkpoints) return;
    if (this.finished || this.shuttingDown) return this.checkpoints.settle();
    if (this.session.phase === 'running' || this.session.phase === 'paused') return this.finish(true);
    this.services.log.info(`drill ${this.roomId} closed before it started: nobody is left in it.`);
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
