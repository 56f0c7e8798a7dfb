import { StateView } from '@colyseus/schema';
import type { ClientMessage } from '../../shared/protocol/messages.js';
import { SERVER_MESSAGES } from '../../shared/protocol/messages.js';
import type { Holder } from '../../shared/protocol/intents.js';
import type { Rejection } from '../../shared/protocol/rejections.js';
import type { Lineup } from '../../shared/session/DrillDriver.js';
import type { DrillSchema } from '../state/DrillSchema.js';
import type { DrillCreation } from '../store/drillCreation.js';
import type { DrillSession } from './DrillSession.js';
import { holderOf, type Participant } from './participants.js';

/**
 * Who is in a drill and which post each person holds, kept in step with the drill session (who
 * plays each post, as the input log records it) and with the seats, panels and waiting list
 * clients see. A person's post and the post's player differ only while the person is away: in a
 * running training or team drill a bot covers the post until they are back.
 */
export class Seats {
  /** Everyone in the drill by their stable token. */
  readonly people = new Map<string, Participant>();
  private lastId = 0;

  constructor(
    private readonly state: DrillSchema,
    private readonly session: DrillSession,
    private readonly creation: DrillCreation,
  ) {}

  /** A new public id for the log ("p1", "p2"…), never reused within the drill. */
  nextId(): string {
    return `p${++this.lastId}`;
  }

  get lastParticipant(): number {
    return this.lastId;
  }

  /** After a restart, ids go on from where they were. */
  continueIdsFrom(last: number): void {
    this.lastId = Math.max(this.lastId, last);
  }

  /** Someone new joins; a player gets the solo post, the one asked for, or the first free one, if any. */
  add(person: Participant, wanted: string | undefined): void {
    this.people.set(person.token, person);
    if (person.role === 'player') this.seatNewcomer(person, wanted);
  }

  private seatNewcomer(person: Participant, wanted: string | undefined): void {
    const solo = this.creation.soloPost;
    if (solo !== null) {
      if (!this.humanAt(solo)) person.post = solo;
      return;
    }
    const choice = [wanted, ...this.state.seats.keys()].find((p) => p !== undefined && this.state.seats.has(p) && !this.humanAt(p));
    if (choice) person.post = choice;
  }

  humanAt(post: string): Participant | undefined {
    for (const p of this.people.values()) if (p.post === post) return p;
    return undefined;
  }

  /** In solo practice the player has the solo post and no other: moving is not theirs to do. */
  get postsAreFixed(): boolean {
    return this.creation.soloPost !== null;
  }

  sit(person: Participant, post: string): void {
    person.post = post;
    const seat = this.state.seats.get(post)!;
    seat.holder = person.name;
    seat.kind = person.role === 'trainer' ? 'trainer' : 'human';
    seat.connected = person.client !== undefined;
    seat.ready = person.ready;
    this.sync(post);
  }

  /** The person leaves the post for good: a bot takes it. */
  stand(person: Participant): void {
    const post = person.post!;
    person.post = undefined;
    person.ready = false;
    const seat = this.state.seats.get(post)!;
    seat.holder = '';
    seat.kind = 'bot';
    seat.connected = false;
    seat.ready = false;
    this.sync(post);
    this.refreshView(person);
    this.refreshUnseated();
  }

  /** Connection lost: the seat is kept (and covered by a bot while a training or team drill runs). */
  markAway(person: Participant): void {
    if (!person.post) return;
    this.state.seats.get(person.post)!.connected = false;
    this.sync(person.post);
  }

  /** The person is gone for good: their post goes to a bot. */
  forget(person: Participant): void {
    if (person.post) this.stand(person);
    this.people.delete(person.token);
    this.refreshUnseated();
  }

  /**
   * After a restart: a player from the checkpoint, holding their post again (away) until they
   * come back by token.
   */
  restore(person: Participant, post: string | undefined): void {
    this.people.set(person.token, person);
    const seat = post ? this.state.seats.get(post) : undefined;
    if (!post || !seat || this.humanAt(post)) return;
    person.post = post;
    seat.holder = person.name;
    seat.kind = 'human';
    seat.connected = false;
    seat.ready = person.ready;
  }

  /** A player's own move: take a free post or release theirs. */
  playerSeat(person: Participant, m: ClientMessage<'seat'>): Rejection | undefined {
    if (this.postsAreFixed) return { code: 'not-allowed', reason: 'in solo practice you keep the post you chose' };
    if (m.action === 'release') {
      if (person.post !== m.post) return { code: 'no-post', reason: `you do not hold "${m.post}"` };
      this.stand(person);
      return undefined;
    }
    if (!this.state.seats.has(m.post)) return { code: 'unknown-post', reason: `no post "${m.post}"` };
    if (person.post === m.post) return undefined;
    if (this.humanAt(m.post)) return { code: 'seat-taken', reason: `"${m.post}" is taken` };
    if (person.post) this.stand(person);
    this.sit(person, m.post);
    this.refreshView(person);
    this.refreshUnseated();
    return undefined;
  }

  /** The trainer frees a trainee's post, takes a post over, or hands its own back to a bot. */
  trainerPost(trainer: Participant, m: ClientMessage<'post'>): Rejection | undefined {
    if (this.session.phase === 'ended') return { code: 'drill-ended', reason: 'the drill has ended' };
    if (!this.state.seats.has(m.post)) return { code: 'unknown-post', reason: `no post "${m.post}"` };
    const holder = this.humanAt(m.post);
    if (m.action === 'release') {
      if (trainer.post !== m.post) return { code: 'no-post', reason: `you do not hold "${m.post}"` };
      this.stand(trainer);
      return undefined;
    }
    if (m.action === 'free') {
      if (!holder) return { code: 'post-not-held', reason: `a bot already holds "${m.post}"` };
      this.stand(holder);
      if (holder.role === 'player') {
        holder.freedWhileAway = { post: m.post, at: this.session.state.clock };
        this.tellIfFreed(holder);
      }
      return undefined;
    }
    if (holder === trainer) return undefined;
    if (holder?.role === 'player') return { code: 'seat-taken', reason: `a trainee holds "${m.post}": free it first` };
    // Another trainer connection (an old tab) may still hold it: the one asking now plays it.
    if (holder) this.stand(holder);
    if (trainer.post) this.stand(trainer);
    this.sit(trainer, m.post);
    return undefined;
  }

  allHumansReady(): boolean {
    const seated = [...this.people.values()].filter((p) => p.post && p.role === 'player');
    return seated.length > 0 && seated.every((p) => p.ready);
  }

  /** Whether any person with a post is connected (a drill with nobody at its posts pauses in team and solo modes). */
  anySeatedConnected(): boolean {
    for (const p of this.people.values()) if (p.post && p.client) return true;
    return false;
  }

  /** Who plays each post as the clock starts: the people present at their posts, bots elsewhere. */
  lineup(): Lineup {
    return Object.fromEntries([...this.state.seats.keys()].map((post) => [post, this.wantedHolder(post) ?? this.bot()]));
  }

  /** Brings every post's player in line with who sits there (after a start, a resume or a restart). */
  syncAll(): void {
    for (const post of this.state.seats.keys()) this.sync(post);
  }

  private bot(): Holder {
    return { kind: 'bot', skill: this.creation.botSkill };
  }

  /**
   * Who should play a post now: the person at it if connected; a bot if nobody sits there, or if
   * its person is away while a training or team drill runs; otherwise (away in a paused drill, or
   * in solo practice, which pauses instead) whoever plays it now stays.
   */
  private wantedHolder(post: string): Holder | undefined {
    const person = this.humanAt(post);
    if (!person) return this.bot();
    if (person.client) return holderOf(person);
    if (this.session.phase === 'running' && this.creation.mode !== 'solo') return this.bot();
    return this.session.holders.get(post) ?? (this.session.phase === 'lobby' ? this.bot() : undefined);
  }

  private sync(post: string): void {
    if (this.session.phase === 'lobby') return;
    const wanted = this.wantedHolder(post);
    if (wanted) this.session.seat(post, wanted);
  }

  /** Connection back: the person plays their post again. */
  markBack(person: Participant): void {
    if (!person.post) return;
    this.state.seats.get(person.post)!.connected = true;
    this.sync(person.post);
  }

  /** What this person's connection may see of the panels: the trainer all, a player their own post's. */
  refreshView(person: Participant): void {
    const client = person.client;
    if (!client) return;
    if (!person.view || client.view !== person.view) {
      person.view = new StateView();
      client.view = person.view;
    }
    const view = person.view;
    for (const [post, panel] of this.state.panels) {
      const wanted = person.role !== 'player' || person.post === post;
      const shown = view.has(panel);
      if (wanted && !shown) view.add(panel);
      // Removing it from the view deletes it on the client: no stale copy of a post left behind.
      else if (!wanted && shown) view.remove(panel);
    }
  }

  /** The names of players without a post, for the trainer's console and the lobby. */
  refreshUnseated(): void {
    const names = [...this.people.values()].filter((p) => p.role === 'player' && !p.post).map((p) => p.name);
    const list = this.state.unseated;
    if (list.length === names.length && names.every((n, i) => list.at(i) === n)) return;
    // ArraySchema#splice refuses to insert more items than it deletes, so the list is rebuilt.
    list.splice(0, list.length);
    list.push(...names);
  }

  /** A freed post is told to its former holder now, or when they are back if they are away. */
  tellIfFreed(person: Participant): void {
    if (!person.freedWhileAway || !person.client) return;
    person.client.send(SERVER_MESSAGES.freed, person.freedWhileAway);
    person.freedWhileAway = undefined;
  }
}
