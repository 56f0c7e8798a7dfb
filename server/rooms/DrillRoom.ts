import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import { morningOf } from '../scenarios/morningOf.js';
import { CLOSE_CODES, FLOOD_COOL_DOWN_SECONDS } from '../../shared/protocol/messages.js';
import type { ServerMessage } from '../../shared/protocol/serverMessages.js';
import { createSession, restoreSession, type Role, type Session } from '../../shared/session/session.js';
import { authorize, scheduleClose, stepSession, type SessionEffect, type SessionInput } from '../../shared/session/stepSession.js';
import { CHECKPOINT_EVERY_MS } from '../checkpoints/Checkpoint.js';
import { checkpointOf } from '../checkpoints/checkpointOf.js';
import { Checkpointer } from '../checkpoints/Checkpointer.js';
import { verdictFor } from '../leaderboard/verdictFor.js';
import { DEFAULT_JOIN_LIMIT, joinSecrets, recordJoinFailure } from '../net/joinGuard.js';
import { newSecret } from '../net/secrets.js';
import { processIdentity } from '../scale/processIdentity.js';
import type { ServerServices } from '../services.js';
import { DrillSchema } from '../state/DrillSchema.js';
import { initMirror, mirror } from '../state/mirror.js';
import type { DrillCreation } from '../store/drillCreation.js';
import { Connections } from './Connections.js';
import { redeemTicket } from './creationTickets.js';
import { drillRecordOf } from './drillRecordOf.js';

const TICK_MS = 100;
/** How often a clock that moved with nothing else happening is sent to clients. */
const CLOCK_SYNC_MS = 500;

/**
 * The Colyseus room around one drill: a thin adapter. Every rule (who may do what, seats, the
 * lifecycle, what each person sees) is in shared/session; this class turns connections, messages
 * and time into session inputs, carries out the effects the session returns, mirrors the session
 * into the synchronised state, and stores the result. It is created only from a ticket the
 * server issued (creationTickets.ts): nothing a client sends can choose its code, keys or seed.
 */
export class DrillRoom extends Room<DrillSchema> {
  /** Set by the app that defines the room (see app.ts). */
  static services: ServerServices;
  override state = new DrillSchema();
  override maxClients = 40;

  private services!: ServerServices;
  private session!: Session;
  private creation!: DrillCreation;
  private startedAt = new Date();
  private checkpoints?: Checkpointer;
  private shuttingDown = false;
  private clockSentAt = 0;
  private connections!: Connections;

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
    this.connections = new Connections(this.services.limits, (token) => (this.session.people.get(token)?.cutUntil ?? 0) > Date.now(), (token, client) => {
      void recordJoinFailure(this.presence, (client.userData as { address?: string }).address ?? 'unknown', this.services.joinLimit ?? DEFAULT_JOIN_LIMIT);
      this.guarded(() => this.step({ type: 'cut', now: Date.now(), token }));
    });
    const terms = { code: creation.code, mode: creation.mode, soloPost: creation.soloPost, botSkill: creation.botSkill, trainerKey: ticket.kind === 'new' ? ticket.trainerKey : ticket.checkpoint.trainerKey };
    const times = { reconnectSeconds: this.services.reconnectSeconds, abandonSeconds: this.services.abandonSeconds, floodCoolDownSeconds: FLOOD_COOL_DOWN_SECONDS };
    const index = indexScenario(morningOf(loaded, creation.seed, creation.level));
    const now = Date.now();
    this.session = back ? restoreSession(index, creation.seed, terms, times, back.speed, back.inputs, back.clock, now) : createSession(index, creation.seed, terms, times, creation.speed, now);
    // Written before anyone can join: the result will be verified against this record.
    if (!back) await this.services.store.saveCreation(creation);
    this.state.team = creation.team ?? '';
    initMirror(this.state, this.session);
    await joinSecrets.publish(this.presence, creation.code, terms.trainerKey);
    if (back) {
      this.startedAt = new Date(back.startedAt);
      this.step({ type: 'restore', now, people: back.players, lastParticipant: back.lastParticipant, ...(back.trainerId && { trainerId: back.trainerId }) });
      // Those who do not come back by token within the window lose their seats.
      this.clock.setTimeout(() => this.guarded(() => {
        for (const p of [...this.session.people.values()]) if (!p.connected && !this.connections.get(p.token)) this.step({ type: 'farewell', now: Date.now(), token: p.token });
      }), this.services.reconnectSeconds * 1000);
    }
    this.checkpoints = new Checkpointer(this.services.store, this.services.log, creation.code, () => checkpointOf(this.session, this.creation, processIdentity(this.services.scaleOut), this.startedAt));
    // Each drill at its own phase, so that many drills do not all write in the same tick.
    this.clock.setTimeout(() => this.clock.setInterval(() => this.checkpoints?.offer(), CHECKPOINT_EVERY_MS), Math.random() * CHECKPOINT_EVERY_MS);
    // Colyseus calls this for every type without a handler as (client, type, payload), and for a
    // message whose type is "*" itself as (client, payload): the number of arguments tells which.
    this.onMessage('*', (client: Client, ...args: unknown[]) => this.receive(client, args.length >= 2 ? String(args[0]) : '*', args.length >= 2 ? args[1] : args[0]));
    // Colyseus's own fallback, reachable by name: a client sending it would be closed by Colyseus.
    this.onMessage('__no_message_handler', (client, message: unknown) => this.receive(client, '__no_message_handler', message));
    this.setSimulationInterval((dt) => this.guarded(() => this.step({ type: 'tick', now: Date.now(), ms: dt })), TICK_MS);
    // The session decides when the room is empty for good; Colyseus would dispose a new drill within seconds.
    this.autoDispose = false;
    scheduleClose(this.session, now);
    mirror(this.state, this.session, true);
  }

  override async onAuth(client: Client, options: unknown, context: AuthContext): Promise<Role> {
    const address = String(context?.ip ?? 'unknown');
    client.userData = { address };
    const verdict = authorize(this.session, options, Date.now());
    if (verdict.ok) return verdict.role;
    if (verdict.failure) await recordJoinFailure(this.presence, address, this.services.joinLimit ?? DEFAULT_JOIN_LIMIT);
    throw new ServerError(verdict.code, verdict.message);
  }

  override onJoin(client: Client, options: { name?: string; post?: string; participant?: string }, role: Role): void {
    const newToken = newSecret();
    const token = options.participant && this.session.people.has(options.participant) ? options.participant : newToken;
    // The same person again (a reload, a second tab): the newest connection has the seat; an older one still open is closed and told why.
    const older = this.connections.get(token);
    if (older && older !== client) older.leave(CLOSE_CODES.replaced, 'this seat was opened in another window');
    this.connections.bind(token, client);
    this.step({ type: 'join', now: Date.now(), role, name: options.name ?? role, ...(options.post && { wanted: options.post }), ...(token !== newToken && { participant: token }), newToken });
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const token = this.connections.unbind(client);
    if (!token) return;
    this.step({ type: 'disconnect', now: Date.now(), token });
    const person = this.session.people.get(token);
    if (!person) return;
    if (consented || this.session.phase === 'ended') return this.step({ type: 'farewell', now: Date.now(), token });
    if ((person.cutUntil ?? 0) > Date.now()) {
      // Cut off for flooding: no quick reconnection; the seat waits out the cool-down and the usual window.
      this.clock.setTimeout(() => this.guarded(() => !this.connections.get(token) && this.step({ type: 'farewell', now: Date.now(), token })), (FLOOD_COOL_DOWN_SECONDS + this.services.reconnectSeconds) * 1000);
      return;
    }
    try {
      const back = await this.allowReconnection(client, this.services.reconnectSeconds);
      this.connections.bind(token, back);
      this.guarded(() => this.step({ type: 'reconnect', now: Date.now(), token }));
    } catch {
      // Rejoined by token on a new connection (onJoin), or the window closed.
      if (!this.connections.get(token)) this.guarded(() => this.step({ type: 'farewell', now: Date.now(), token }));
    }
  }

  override onBeforeShutdown(): void {
    // The drill is kept for the next start: the checkpoint is written now and not deleted.
    this.shuttingDown = true;
    this.checkpoints?.writeNow();
    void this.disconnect(CLOSE_CODES.shutdown);
  }

  /** Kept across a server shutdown; otherwise a started, unfinished drill is stored as abandoned (the session decides). */
  override async onDispose(): Promise<void> {
    void joinSecrets.withdraw(this.presence, this.roomId, this.session?.terms.trainerKey ?? '');
    for (const token of this.session?.people.keys() ?? []) void joinSecrets.withdraw(this.presence, this.roomId, token);
    if (!this.checkpoints) return;
    if (this.shuttingDown) return this.checkpoints.settle();
    const effects = stepSession(this.session, { type: 'dispose' });
    if (effects.some((e) => e.type === 'finish')) return this.finish(true);
    if (this.session.phase === 'lobby') this.services.log.info(`drill ${this.roomId} closed before it started: nobody is left in it.`);
    return this.session.phase === 'ended' ? this.checkpoints.settle() : this.checkpoints.discard();
  }

  private receive(client: Client, messageType: string, raw: unknown): void {
    const token = this.connections.tokenOf(client);
    if (!token) return;
    const verdict = this.connections.verdictOf(client);
    if (verdict === 'cut-off') return;
    if (this.services.testHooks && messageType === '__throw') return this.guarded(() => {
      throw new Error('test hook: failure inside a drill');
    });
    this.guarded(() => this.step({ type: 'message', now: Date.now(), token, messageType, raw, throttled: verdict === 'throttled' }));
  }

  /** One session step, its effects carried out, and the mirror brought up to date. */
  private step(input: SessionInput): void {
    const effects = stepSession(this.session, input);
    let patch = false;
    for (const effect of effects) patch = this.carryOut(effect) || patch;
    const full = input.type !== 'tick' || effects.length > 0 || this.clock.currentTime - this.clockSentAt >= CLOCK_SYNC_MS;
    // A clock-only change goes out a few times a second, not at every tick: idle drills would otherwise send a patch per tick.
    mirror(this.state, this.session, full);
    if (full) this.clockSentAt = this.clock.currentTime;
    if (patch) this.broadcastPatch();
  }

  /** Does what the session asked; true when the state should go out now. */
  private carryOut(effect: SessionEffect): boolean {
    switch (effect.type) {
      case 'send':
        this.connections.get(effect.to)?.send(effect.message.type, effect.message.payload);
        return false;
      case 'close':
        this.connections.get(effect.to)?.leave(effect.code, effect.reason);
        return false;
      case 'patchNow':
        return true;
      case 'checkpointNow':
        this.checkpoints?.writeNow();
        return false;
      case 'finish':
        void this.finish(effect.abandoned);
        return false;
      case 'secret':
        void (effect.valid ? joinSecrets.publish : joinSecrets.withdraw)(this.presence, this.roomId, effect.token);
        return false;
      case 'closeRoom':
        void this.disconnect();
        return false;
      case 'log':
        this.services.log.info(`drill ${this.roomId}: ${effect.line}`);
        return false;
    }
  }

  /** Writes the record first; only then are players told the result. An abandoned drill is stored too, on no board. */
  private async finish(abandoned: boolean): Promise<void> {
    this.checkpoints?.close();
    const record = drillRecordOf(this.session, this.creation, this.startedAt, abandoned);
    let saved = true;
    try {
      await this.services.store.saveDrill(record, verdictFor(this.services, record, this.creation));
      void this.checkpoints?.discard();
    } catch (err) {
      saved = false;
      // The checkpoint stays: after a restart the drill can be resumed and finished again.
      this.services.log.error(`drill ${this.roomId}: could not store the result (its checkpoint is kept): ${String(err)}`);
    }
    if (abandoned) {
      this.services.log.info(`drill ${this.roomId} (${record.mode}, ${record.scenarioId}) was abandoned at scenario clock ${record.untilClock}: nobody was left in it${saved ? `; stored as ${record.id}, on no board` : ''}.`);
      return;
    }
    // The report token goes to everyone in the drill: it opens the report and the survey.
    const ended: ServerMessage<'ended'> = { record: saved ? record.id : null, reportToken: saved ? record.reportToken : null, ending: record.ending, scores: record.scores, total: record.total, saved };
    for (const client of this.connections.all()) client.send('ended', ended);
  }

  /** Runs a handler; an unexpected error ends this drill cleanly and nothing else. */
  private guarded(work: () => void): void {
    if (this.session.phase === 'failed') return;
    try {
      work();
    } catch (err) {
      this.services.log.error(`drill ${this.roomId} failed and was stopped: ${err instanceof Error ? err.stack : String(err)}`);
      for (const e of stepSession(this.session, { type: 'fail' })) this.carryOut(e);
      this.state.phase = 'failed';
      void this.checkpoints?.discard();
      this.clock.setTimeout(() => void this.disconnect(CLOSE_CODES.drillFailed), 200);
    }
  }

  /** A refused join (onAuth) is a normal answer to a bad client; any other error stops this drill only. */
  override onUncaughtException(error: Error, methodName: string): void {
    // A refused creation has no session to stop; Colyseus reports the error to whoever created the room.
    if (methodName === 'onAuth' || !this.session) return;
    this.guarded(() => {
      throw error;
    });
  }
}
