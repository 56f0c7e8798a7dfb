import { StateView } from '@colyseus/schema';
import { SERVER_MESSAGES, type ClientMessage, type CreateDrill } from '../../shared/protocol/messages.js';
import type { Rejection } from '../../shared/protocol/rejections.js';
import type { DrillSchema } from '../state/DrillSchema.js';
import type { DrillSession } from './DrillSession.js';
import type { Participant } from './participants.js';

/**
 * Who is in a drill and which post each person holds, kept in step with the drill session (a
 * human or a bot plays each post) and with the seats, panels and waiting list clients see.
 */
export class Seats {
  /** Everyone in the drill by their stable token. */
  readonly people = new Map<string, Participant>();

  constructor(
    private readonly state: DrillSchema,
    private readonly session: DrillSession,
    private readonly create: CreateDrill,
  ) {}

  /** Someone new joins; a player gets the solo post, the one asked for, or the first free one, if any. */
  add(person: Participant, wanted: string | undefined): void {
    this.people.set(person.token, person);
    if (person.role === 'player') this.seatNewcomer(person, wanted);
  }

  private seatNewcomer(person: Participant, wanted: string | undefined): void {
    const posts = [...this.state.seats.keys()];
    const solo = this.create.mode === 'solo' ? this.create.post : undefined;
    const choice = [solo, wanted, ...posts].find((p) => p !== undefined && this.state.seats.has(p) && !this.humanAt(p));
    if (choice && (!solo || choice === solo)) person.post = choice;
  }

  humanAt(post: string): Participant | undefined {
    for (const p of this.people.values()) if (p.post === post) return p;
    return undefined;
  }

  sit(person: Participant, post: string): void {
    person.post = post;
    this.session.putHuman(post, person.name);
    const seat = this.state.seats.get(post)!;
    seat.holder = person.name;
    seat.kind = person.role === 'trainer' ? 'trainer' : 'human';
    seat.connected = person.client !== undefined;
    seat.ready = person.ready;
  }

  /** The person leaves the post for good: a bot takes it. */
  stand(person: Participant): void {
    const post = person.post!;
    person.post = undefined;
    person.ready = false;
    this.session.putBot(post);
    const seat = this.state.seats.get(post)!;
    seat.holder = '';
    seat.kind = 'bot';
    seat.connected = false;
    seat.ready = false;
    this.refreshView(person);
  }

  /** Connection lost: the seat is kept, and a bot covers the post while the drill runs. */
  markAway(person: Participant): void {
    const seat = this.state.seats.get(person.post!)!;
    seat.connected = false;
    if (this.session.phase === 'running' || this.session.phase === 'paused') this.session.putBot(person.post!);
  }

  /** The person is gone for good: their post goes to a bot. */
  forget(person: Participant): void {
    if (person.post) this.stand(person);
    this.people.delete(person.token);
    this.refreshUnseated();
  }

  /**
   * After a restart: a player from the checkpoint, holding their post again (away, a bot covering)
   * until they come back by token.
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
        this.refreshUnseated();
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
    const seated = [...this.people.values()].filter((p) => p.post);
    return seated.length > 0 && seated.every((p) => p.ready);
  }

  /** What this person's connection may see of the panels: the trainer all, a player their own post's. */
  refreshView(person: Participant): void {
    if (!person.client) return;
    const view = new StateView();
    if (person.role !== 'player') for (const panel of this.state.panels.values()) view.add(panel);
    else if (person.post) view.add(this.state.panels.get(person.post)!);
    person.client.view = view;
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
