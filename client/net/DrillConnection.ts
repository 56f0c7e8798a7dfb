import { Client } from 'colyseus.js';
import type { DrillEvent } from '../../shared/engine/events.js';
import { CLOSE_CODES, COLYSEUS_CODES, type ClientMessage, type ClientMessageType } from '../../shared/protocol/messages.js';
import type { IntentOf } from '../../shared/protocol/intents.js';
import type { RejectionCode } from '../../shared/protocol/rejections.js';
import { parseServerMessage, type ChatLine, type Ended, type Me, type Panel, type ServerMessage, type ServerMessageType } from '../../shared/protocol/serverMessages.js';
import type { StateChange } from '../../shared/protocol/stateChange.js';
import { applyPanelChange } from '../../shared/session/panelChange.js';
import { Emitter } from '../lib/Emitter.js';
import { clearSeat, saveSeat, type SavedSeat } from './savedSeat.js';
import { syncState, type DrillRoom } from './stateSync.js';

/** What a post does in its room's own work, beside answering people and sending memos. */
export type WorkIntent = IntentOf<'publish' | 'submitDraft' | 'review' | 'feed' | 'fileReport' | 'pickUp' | 'logTicket' | 'callBack' | 'escalate' | 'acknowledge' | 'board' | 'assign' | 'readLine'>;

/** `restarting`: the server said it is restarting; the page waits for it and rejoins its seat. */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'restarting' | 'closed';
/** Why the connection ended for good: the scenes turn each into a message. */
export type CloseReason = 'left' | 'seatLost' | 'failed' | 'flood' | 'lost' | 'replaced';

export interface Refusal {
  code: RejectionCode | string;
  reason: string;
  ref: number | null;
  type?: string;
}

/** The `ended` message: the result, sent once it is stored (`reportToken` opens the report, survey and replay). */
export type EndedMessage = Ended;

/** An optional inject of the scenario, as `welcome` lists them for the trainer's console. */
export type OptionalInject = NonNullable<ServerMessage<'welcome'>['injects']>[number];

/** What happens in a drill that a scene hears of as it is: events, refusals, hints, the end, the connection. */
export interface DrillHappenings {
  events: DrillEvent[];
  rejected: Refusal;
  hint: { post: string; text: string; at: number };
  /** The trainer moved this player off its post. */
  freed: { post: string; at: number };
  ended: EndedMessage;
  status: ConnectionStatus;
  closed: CloseReason;
}

export interface ConnectionEvents extends DrillHappenings {
  /** One change of the synchronised state, as it is decoded. */
  state: StateChange;
  /** A patch (or the first whole state, or a message) has been taken in: the changes before it belong together. */
  patched: void;
  /** A post's private panel, whole. */
  panel: Panel;
  /** Who this client is changed: its role or its post. */
  me: Me;
  /** A new line of team chat in a channel this client reads. */
  chat: ChatLine;
  /** Every line this client may read now (on joining, coming back or changing post): replaces what it had. */
  chatHistory: ChatLine[];
}

export type JoinAs = { name: string; post?: string } | { trainerKey: string; spectate?: true };

/** While the server still holds the seat for this connection (RECONNECT_SECONDS), its reconnection token may work. */
const TOKEN_WINDOW_MS = 55_000;
/**
 * How long a page keeps trying to get back to its seat: as long as a restarted server keeps a
 * restored drill for its people (ABANDON_SECONDS, 15 minutes by default).
 */
export const REJOIN_WINDOW_MS = 15 * 60_000;
/** Pauses between tries grow from one second to five. */
export const retryPause = (attempt: number) => Math.min(5_000, 1_000 * 1.5 ** attempt);

/** A join or rejoin was refused: `code` is the server's (4803 seat gone, 4212 no such drill...). */
export class JoinError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one network service: it alone holds the Colyseus room. It moves data and nothing else:
 * the state's changes (from the schema's change callbacks), the server's messages (each parsed
 * with its schema), who this client is, and the intents it sends. It keeps the seat across a
 * dropped connection (reconnection token) and across a page reload (participant token). What
 * is drawn from all this is built outside client/net (client/view/DrillViewStore.ts).
 */
export class DrillConnection extends Emitter<ConnectionEvents> {
  ended: EndedMessage | null = null;
  status: ConnectionStatus = 'connected';
  /** For the trainer and spectators: the scenario's optional injects (from `welcome`). */
  injects: OptionalInject[] = [];
  private room!: DrillRoom;
  private me: Me;
  private wantedPost: string | null = null;
  private releasing: string | null = null;
  private refs = 0;
  private leaving = false;
  /** The panels as last received, to apply `panelChange` messages to. */
  private readonly panels = new Map<string, Panel>();
  private unsync = () => {};

  private constructor(
    private readonly client: Client,
    private seat: SavedSeat,
    me: Me,
  ) {
    super();
    this.me = me;
  }

  /** Joins a drill by its code as a player ({ name, post? }) or as its trainer ({ trainerKey }). */
  static async join(code: string, as: JoinAs): Promise<DrillConnection> {
    const client = new Client(wsEndpoint());
    const trainer = 'trainerKey' in as;
    const room = await joinRoom(client, code, as);
    const spectate = trainer && as.spectate === true;
    const connection = new DrillConnection(
      client,
      trainer ? { code, trainerKey: as.trainerKey, ...(spectate && { spectate }) } : { code, name: as.name },
      { role: spectate ? 'spectator' : trainer ? 'trainer' : 'player', post: trainer ? null : (as.post ?? null), name: trainer ? undefined : as.name },
    );
    await connection.attach(room);
    return connection;
  }

  /** Back to the seat saved by this tab (after a reload). Throws JoinError 4803 when it is gone. */
  static async rejoin(seat: SavedSeat): Promise<DrillConnection> {
    const client = new Client(wsEndpoint());
    const room = await rejoinRoom(client, seat);
    const connection = new DrillConnection(client, seat, { role: seat.trainerKey ? 'trainer' : 'player', post: null, name: seat.name });
    await connection.attach(room);
    return connection;
  }

  get code(): string {
    return this.seat.code;
  }

  get role(): Me['role'] {
    return this.me.role;
  }

  /** Who this client is: its role, its post, the name it joined with. */
  get who(): Me {
    return this.me;
  }

  /**
   * Reports the state as it stands again, change by change, then `patched`: for a listener that
   * subscribed after joining, when the first state may already have been decoded.
   */
  reportState(): void {
    this.unsync();
    this.unsync = syncState(this.room, (change) => this.emit('state', change));
    this.emit('patched', undefined);
  }

  // ---- what the player can do ----

  respond(npc: string, response: string): number {
    return this.send('intent', { intent: { type: 'respond', npc, response } });
  }

  shareFact(fact: string, to: string[]): number {
    return this.send('intent', { intent: { type: 'shareFact', fact, to } });
  }

  /** The rooms' own work: statements, drafts, the feed and reports; the hotline's calls and tickets; the ops inbox and board; the branch floor. */
  work(intent: WorkIntent): number {
    return this.send('intent', { intent });
  }

  takeSeat(post: string): number {
    this.wantedPost = post;
    return this.send('seat', { action: 'take', post });
  }

  releaseSeat(post: string): number {
    this.wantedPost = null;
    this.releasing = post;
    return this.send('seat', { action: 'release', post });
  }

  setReady(ready: boolean): number {
    return this.send('ready', { ready });
  }

  clock(action: 'start' | 'pause' | 'resume' | 'speed', speed?: number): number {
    return this.send('clock', speed === undefined ? { action } : { action, speed });
  }

  endDrill(): number {
    return this.send('control', { control: { type: 'end' } });
  }

  /**
   * A line of team chat: `channel` is "team" or a pair channel written out ("a~b"). The server
   * judges the channel, the length and the pace (shared/session/chatRules.ts) and refuses with a
   * `chat` refusal; an accepted line comes back as a `chat` message, to the writer as well.
   */
  chat(channel: string, text: string): number {
    return this.send('chat', { channel, text });
  }

  // ---- what only the trainer can do (the server refuses them from anyone else) ----

  inject(inject: string): number {
    return this.send('control', { control: { type: 'inject', inject } });
  }

  extendDeadline(expected: string, minutes: number): number {
    return this.send('control', { control: { type: 'extendDeadline', expected, minutes } });
  }

  hint(post: string, text: string): number {
    return this.send('hint', { post, text });
  }

  /** Free a trainee's post, take a post over, or give the trainer's post back to a bot. */
  post(action: 'free' | 'takeOver' | 'release', post: string): number {
    return this.send('post', { action, post });
  }

  /** Test hook: sends any message as this page, for tests that a server refuses what the UI never offers. */
  sendRawForTest(type: string, payload: object): number {
    const ref = ++this.refs;
    if (this.status === 'connected') this.room.send(type, { ...payload, ref });
    return ref;
  }

  /**
   * Leaves on purpose: the seat is given up and the tab forgets it. A socket that is already
   * closed has nobody to tell, and a server that does not answer is not waited for beyond a second.
   */
  async leave(): Promise<void> {
    const open = this.status !== 'closed';
    this.leaving = true;
    clearSeat();
    this.status = 'closed';
    if (!open) return;
    await Promise.race([this.room.leave(true).catch(() => 0), new Promise((resolve) => setTimeout(resolve, 1000))]);
  }

  /** Test hook (see client/testing/testSurface.ts): drops the socket as a network failure would. */
  dropForTest(): void {
    this.room.connection.close();
  }

  // ---- wiring ----

  private send<T extends ClientMessageType>(type: T, message: Omit<ClientMessage<T>, 'ref'>): number {
    const ref = ++this.refs;
    if (this.status === 'connected') this.room.send(type, { ...message, ref });
    return ref;
  }

  private async attach(room: DrillRoom): Promise<void> {
    this.room = room;
    this.bind(room);
  }

  /** Listens to one server message, read with its schema: a malformed one is dropped, never half-read. */
  private listen<T extends ServerMessageType>(room: DrillRoom, type: T, handler: (message: ServerMessage<T>) => void): void {
    room.onMessage(type, (payload: unknown) => {
      const parsed = parseServerMessage(type, payload);
      if (parsed.ok) handler(parsed.message);
      else console.warn(`crisis-drill: dropped a malformed "${type}" message (${parsed.error})`);
    });
  }

  /** Listeners go on every new room object: a room that was left drops its listeners. */
  private bind(room: DrillRoom): void {
    this.unsync();
    // A new connection gets every panel whole again: changes must never apply to one from before.
    this.panels.clear();
    this.unsync = syncState(room, (change) => this.emit('state', change));
    room.onStateChange(() => {
      this.followSeat(room);
      this.emit('patched', undefined);
    });
    this.listen(room, 'welcome', (w) => {
      this.setMe({ ...this.me, role: w.role, post: w.post });
      this.seat = { ...this.seat, code: w.code, participant: w.role === 'player' ? w.participant : undefined };
      if (w.injects) this.injects = w.injects;
      // A presenter window keeps its own key (see scenes/Presenter.ts): it must not become a trainer's seat.
      if (this.ended === null && w.role !== 'spectator') saveSeat(this.seat);
      this.emit('patched', undefined);
    });
    this.listen(room, 'panel', (p) => {
      this.panels.set(p.post, p);
      this.emit('panel', p);
      this.emit('patched', undefined);
    });
    // Only what changed: applied to the panel held (a whole one always comes first), passed on whole.
    this.listen(room, 'panelChange', (change) => {
      const held = this.panels.get(change.post);
      if (!held) return;
      const p = applyPanelChange(held, change);
      this.panels.set(p.post, p);
      this.emit('panel', p);
      this.emit('patched', undefined);
    });
    this.listen(room, 'events', (events) => this.emit('events', events));
    this.listen(room, 'rejected', (r) => {
      if (r.type === 'seat') this.wantedPost = this.releasing = null;
      this.emit('rejected', r);
    });
    this.listen(room, 'hint', (h) => this.emit('hint', h));
    this.listen(room, 'chat', (line) => this.emit('chat', line));
    this.listen(room, 'chatHistory', (h) => this.emit('chatHistory', h.lines));
    // The server's answer to an accepted `seat` message: the post this player holds now.
    this.listen(room, 'seated', (s) => {
      if (this.me.role !== 'player') return;
      this.setMe({ ...this.me, post: s.post });
      this.wantedPost = this.releasing = null;
      this.emit('patched', undefined);
    });
    this.listen(room, 'freed', (f) => {
      if (this.me.post === f.post) this.setMe({ ...this.me, post: null });
      this.wantedPost = null;
      this.emit('patched', undefined);
      this.emit('freed', f);
    });
    this.listen(room, 'ended', (m) => {
      this.ended = m;
      clearSeat();
      this.emit('patched', undefined);
      this.emit('ended', m);
    });
    room.onMessage('*', () => {});
    room.onLeave((code) => void this.onLeave(room, code));
  }

  private setMe(me: Me): void {
    this.me = me;
    this.emit('me', me);
  }

  /**
   * The server tells a player its post only on joining (`welcome`); after this player asks to
   * take or release one, the state shows when it is done. Nothing else moves a player's post:
   * a seat lost while away is reported on rejoining (4803), not guessed from the state.
   */
  private followSeat(room: DrillRoom): void {
    const seats = room.state?.seats;
    // A room object just joined (or rejoined) may not have received its first full state yet.
    if (!seats || seats.size === 0) return;
    if (this.me.role === 'trainer') {
      // The trainer plays the post whose seat says so (taken over from the console).
      const held = [...seats.values()].find((s) => s.kind === 'trainer')?.post ?? null;
      if (held !== this.me.post) this.setMe({ ...this.me, post: held });
      return;
    }
    if (this.me.role !== 'player') return;
    const wanted = this.wantedPost ? seats.get(this.wantedPost) : undefined;
    if (wanted && wanted.kind === 'human' && wanted.holder === this.me.name) {
      this.setMe({ ...this.me, post: this.wantedPost });
      this.wantedPost = null;
    }
    const released = this.releasing ? seats.get(this.releasing) : undefined;
    if (released && released.kind !== 'human') {
      if (this.me.post === this.releasing) this.setMe({ ...this.me, post: null });
      this.releasing = null;
    }
  }

  private async onLeave(room: DrillRoom, code: number): Promise<void> {
    if (room !== this.room || this.leaving) return;
    const final = code === COLYSEUS_CODES.consented || this.ended !== null;
    const reason: CloseReason | null =
      code === CLOSE_CODES.drillFailed ? 'failed' : code === CLOSE_CODES.flood ? 'flood' : code === CLOSE_CODES.seatLost ? 'seatLost' : code === CLOSE_CODES.replaced ? 'replaced' : final ? 'left' : null;
    if (reason) return this.close(reason);
    // A restart (4804) is like a crash for the page: the seat is kept and it goes back to it.
    const restarting = code === CLOSE_CODES.shutdown;
    this.setStatus(restarting ? 'restarting' : 'reconnecting');
    const back = await this.reconnect(restarting);
    if (typeof back === 'string') return this.close(back);
    this.room = back;
    this.bind(back);
    this.setStatus('connected');
    this.emit('patched', undefined);
  }

  /**
   * colyseus.js 0.16 does not reconnect by itself. After a dropped connection, try the
   * reconnection token while the server keeps the seat for it; after a restart (or once the token
   * is refused), join again with the participant token or trainer key, which a restarted server
   * honours for the drills it brought back. Tries go on while the server is unreachable, for as
   * long as it would keep the drill; a refusal (the seat or the drill is gone) ends them.
   */
  private async reconnect(restarting: boolean): Promise<DrillRoom | CloseReason> {
    const start = Date.now();
    const token = this.room.reconnectionToken;
    let attempt = 0;
    while (!restarting && Date.now() < start + TOKEN_WINDOW_MS && !this.leaving) {
      try {
        return await this.client.reconnect(token);
      } catch (err) {
        const code = errorCode(err);
        if (code !== undefined && code !== 0) break;
      }
      await new Promise((r) => setTimeout(r, retryPause(attempt++)));
    }
    attempt = 0;
    while (Date.now() < start + REJOIN_WINDOW_MS && !this.leaving) {
      try {
        return await rejoinRoom(this.client, this.seat);
      } catch (err) {
        const code = err instanceof JoinError ? err.code : undefined;
        if (code === CLOSE_CODES.seatLost || code === COLYSEUS_CODES.unknownDrill) return 'seatLost';
        if (code === CLOSE_CODES.badJoin) return 'seatLost';
      }
      await new Promise((r) => setTimeout(r, retryPause(attempt++)));
    }
    return this.leaving ? 'left' : 'lost';
  }

  /** Ends the connection for good. The saved seat is kept only when the server could not be reached (a reload tries again). */
  private close(reason: CloseReason): void {
    if (reason !== 'left' && reason !== 'lost') clearSeat();
    this.setStatus('closed');
    this.emit('closed', reason);
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.emit('status', status);
  }
}

/** The Colyseus endpoint is the page's own origin: one port serves the client, API and rooms. */
function wsEndpoint(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** Joins the drill a saved seat names, as the same person (participant token) or as its trainer. */
function rejoinRoom(client: Client, seat: SavedSeat): Promise<DrillRoom> {
  const options = seat.trainerKey ? { trainerKey: seat.trainerKey, ...(seat.spectate && { spectate: true as const }) } : { name: seat.name ?? '?', participant: seat.participant! };
  return joinRoom(client, seat.code, options);
}

async function joinRoom(client: Client, code: string, options: object): Promise<DrillRoom> {
  try {
    return await client.joinById<DrillRoom['state']>(code, options);
  } catch (err) {
    throw new JoinError(errorCode(err) ?? 0, err instanceof Error ? err.message : String(err));
  }
}

/** MatchMakeError and ServerError carry a numeric code; a network failure carries none. */
function errorCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
