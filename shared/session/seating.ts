import type { Holder } from '../protocol/intents.js';
import type { ClientMessage } from '../protocol/messages.js';
import type { Rejection } from '../protocol/rejections.js';
import type { Lineup } from './DrillDriver.js';
import { isOver, type Person, type Session } from './session.js';

/** How a person appears as the holder of a post in the input log. */
export function holderOf(person: Person): Holder {
  return { kind: 'human', id: person.id, name: person.role === 'player' ? person.name : person.role };
}

const postsOf = (session: Session) => session.driver.index.scenario.posts.map((p) => p.id);
const bot = (session: Session): Holder => ({ kind: 'bot', skill: session.terms.botSkill });

export function humanAt(session: Session, post: string): Person | undefined {
  for (const p of session.people.values()) if (p.post === post) return p;
  return undefined;
}

/** A new public id for the log ("p1", "p2"…), never reused within the drill. */
export function nextId(session: Session): string {
  return `p${++session.lastId}`;
}

/** Someone new joins; a player gets the solo post, the one asked for, or the first free one, if any. */
export function addPerson(session: Session, person: Person, wanted: string | undefined): void {
  session.people.set(person.token, person);
  if (person.role !== 'player') return;
  const solo = session.terms.soloPost;
  if (solo !== null) {
    if (!humanAt(session, solo)) person.post = solo;
    return;
  }
  const posts = postsOf(session);
  const choice = [wanted, ...posts].find((p) => p !== undefined && posts.includes(p) && !humanAt(session, p));
  if (choice) person.post = choice;
}

/**
 * Who should play a post now: the person at it if connected; a bot if nobody sits there, or if
 * its person is away while a training or team drill runs; otherwise (away in a paused drill, or
 * in solo practice, which pauses instead) whoever plays it now stays.
 */
function wantedHolder(session: Session, post: string): Holder | undefined {
  const person = humanAt(session, post);
  if (!person) return bot(session);
  if (person.connected) return holderOf(person);
  if (session.phase === 'running' && session.terms.mode !== 'solo') return bot(session);
  return session.driver.holders.get(post) ?? (session.phase === 'lobby' ? bot(session) : undefined);
}

/** Brings a post's player in line with who sits there. Before the start only the line-up counts. */
export function sync(session: Session, post: string): void {
  if (session.phase === 'lobby' || isOver(session)) return;
  const wanted = wantedHolder(session, post);
  if (wanted) session.driver.seat(post, wanted);
}

/** After a start, a resume or a restart: every post's player in line with who sits there. */
export function syncAll(session: Session): void {
  for (const post of postsOf(session)) sync(session, post);
}

/** Who plays each post as the clock starts: the people present at their posts, bots elsewhere. */
export function lineup(session: Session): Lineup {
  return Object.fromEntries(postsOf(session).map((post) => [post, wantedHolder(session, post) ?? bot(session)]));
}

export function sit(session: Session, person: Person, post: string): void {
  person.post = post;
  sync(session, post);
}

/** The person leaves the post for good: a bot takes it. */
export function stand(session: Session, person: Person): void {
  const post = person.post!;
  person.post = undefined;
  person.ready = false;
  sync(session, post);
}

/** The person is gone for good: their post goes to a bot. */
export function forget(session: Session, person: Person): void {
  if (person.post) stand(session, person);
  session.people.delete(person.token);
}

export function setConnected(session: Session, person: Person, connected: boolean): void {
  person.connected = connected;
  if (person.post) sync(session, person.post);
}

/** A player's own move: take a free post or release theirs. */
export function playerSeat(session: Session, person: Person, m: ClientMessage<'seat'>): Rejection | undefined {
  if (session.terms.soloPost !== null) return { code: 'not-allowed', reason: 'in solo practice you keep the post you chose' };
  if (m.action === 'release') {
    if (person.post !== m.post) return { code: 'no-post', reason: `you do not hold "${m.post}"` };
    stand(session, person);
    return undefined;
  }
  if (!postsOf(session).includes(m.post)) return { code: 'unknown-post', reason: `no post "${m.post}"` };
  if (person.post === m.post) return undefined;
  if (humanAt(session, m.post)) return { code: 'seat-taken', reason: `"${m.post}" is taken` };
  if (person.post) stand(session, person);
  sit(session, person, m.post);
  return undefined;
}

/** The trainer frees a trainee's post, takes a post over, or hands its own back to a bot; `freed` is whoever lost a post. */
export function trainerPost(session: Session, trainer: Person, m: ClientMessage<'post'>): { rejection?: Rejection; freed?: Person } {
  if (!postsOf(session).includes(m.post)) return { rejection: { code: 'unknown-post', reason: `no post "${m.post}"` } };
  const holder = humanAt(session, m.post);
  if (m.action === 'release') {
    if (trainer.post !== m.post) return { rejection: { code: 'no-post', reason: `you do not hold "${m.post}"` } };
    stand(session, trainer);
    return {};
  }
  if (m.action === 'free') {
    if (!holder) return { rejection: { code: 'post-not-held', reason: `a bot already holds "${m.post}"` } };
    stand(session, holder);
    if (holder.role !== 'player') return {};
    holder.freedWhileAway = { post: m.post, at: session.driver.state.clock };
    return { freed: holder };
  }
  if (holder === trainer) return {};
  if (holder?.role === 'player') return { rejection: { code: 'seat-taken', reason: `a trainee holds "${m.post}": free it first` } };
  // Another trainer connection (an old tab) may still hold it: the one asking now plays it.
  if (holder) stand(session, holder);
  if (trainer.post) stand(session, trainer);
  sit(session, trainer, m.post);
  return {};
}

/** The team's rule to start (and to go on after a restart): every seated player is ready. */
export function allPlayersReady(session: Session): boolean {
  const seated = [...session.people.values()].filter((p) => p.post && p.role === 'player');
  return seated.length > 0 && seated.every((p) => p.ready);
}

/** Whether any person with a post is connected. */
export function anySeatedConnected(session: Session): boolean {
  for (const p of session.people.values()) if (p.post && p.connected) return true;
  return false;
}

/** A seat as everyone sees it (the synchronised state): who holds the post, how, and whether they are here. */
export interface SeatView {
  post: string;
  room: string;
  holder: string;
  kind: 'human' | 'trainer' | 'bot';
  skill: string;
  connected: boolean;
  ready: boolean;
}

export function seatViews(session: Session): SeatView[] {
  return session.driver.index.scenario.posts.map((p) => {
    const person = humanAt(session, p.id);
    return {
      post: p.id,
      room: p.room,
      holder: person?.name ?? '',
      kind: !person ? 'bot' : person.role === 'trainer' ? 'trainer' : 'human',
      skill: session.terms.botSkill,
      connected: person?.connected ?? false,
      ready: person?.ready ?? false,
    };
  });
}

/** The names of players without a post, for the trainer's console and the lobby. */
export function unseatedNames(session: Session): string[] {
  return [...session.people.values()].filter((p) => p.role === 'player' && !p.post).map((p) => p.name);
}
