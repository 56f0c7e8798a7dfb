import type { DrillEvent } from '../engine/events.js';
import { CLIENT_MESSAGES, CLOSE_CODES, JoinOptionsSchema, isClientMessageType, type ClientMessage, type ClientMessageType } from '../protocol/messages.js';
import type { Rejection } from '../protocol/rejections.js';
import type { ServerMessage, ServerMessageType } from '../protocol/serverMessages.js';
import { historyFor, writeChat } from './chat.js';
import { canReadChannel } from './chatRules.js';
import { canControlClock, refusalFor } from './permissions.js';
import { addPerson, allPlayersReady, anySeatedConnected, forget, lineup, nextId, playerSeat, setConnected, syncAll, trainerPost, humanAt } from './seating.js';
import { isOver, type Person, type Role, type Session } from './session.js';
import { canSeeEvent, panelFor, panelPostsFor } from './visibility.js';
import { panelChange, sentPanelOf } from './panelChange.js';

/** A message for one person, typed by the wire contract (shared/protocol/serverMessages.ts). */
export type Outgoing = { [T in ServerMessageType]: { type: T; payload: ServerMessage<T> } }[ServerMessageType];

/** What the session asks the server to do; the session itself does none of it. */
export type SessionEffect =
  | { type: 'send'; to: string; message: Outgoing }
  /** Close this person's connection. */
  | { type: 'close'; to: string; code: number; reason: string }
  /** Send the shared state now rather than at the next timed patch (a move should land at once). */
  | { type: 'patchNow' }
  /** Write the checkpoint now (a pause). */
  | { type: 'checkpointNow' }
  /** The drill is over: store its record (then tell everyone, unless it was abandoned). */
  | { type: 'finish'; abandoned: boolean }
  /** This seat token now opens the drill, or no longer does (the join guard lets correct secrets through). */
  | { type: 'secret'; token: string; valid: boolean }
  /** Nobody is left and the wait is over: close the room. */
  | { type: 'closeRoom' }
  | { type: 'log'; line: string };

/** Who is asking to join, after the room has parsed and checked the options (see `authorize`). */
export type SessionInput =
  | { type: 'join'; now: number; role: Role; name: string; wanted?: string; participant?: string; newToken: string }
  | { type: 'message'; now: number; token: string; messageType: string; raw: unknown; throttled: boolean }
  | { type: 'disconnect'; now: number; token: string }
  | { type: 'reconnect'; now: number; token: string }
  /** The person is gone for good: left on purpose, or their reconnection window passed. */
  | { type: 'farewell'; now: number; token: string }
  /** Cut off for flooding: away, and refused for the cool-down. */
  | { type: 'cut'; now: number; token: string }
  | { type: 'tick'; now: number; ms: number }
  /** People of a restored drill, away until they come back by token. */
  | { type: 'restore'; now: number; people: Pick<Person, 'id' | 'token' | 'name' | 'post' | 'ready'>[]; trainerId?: string; lastParticipant: number }
  /** The room is closing: a started, unfinished drill is wound up as abandoned. */
  | { type: 'dispose' }
  /** An error inside the drill: it stops, and everyone is told. */
  | { type: 'fail' };

/** The answer to a join attempt before any seat is given: the role, or why not and whether it counts as a failed guess. */
export type Authorization = { ok: true; role: Role } | { ok: false; code: number; message: string; failure: boolean };

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Who may join, as what: a trainer (or spectator) by the trainer key, a returning person by their token, a newcomer by name. */
export function authorize(session: Session, options: unknown, now: number): Authorization {
  const parsed = JoinOptionsSchema.safeParse(options);
  if (!parsed.success) return { ok: false, code: CLOSE_CODES.badJoin, message: `bad join options: ${parsed.error.issues[0]?.message}`, failure: true };
  const o = parsed.data;
  if ('trainerKey' in o) {
    if (!sameSecret(o.trainerKey, session.terms.trainerKey)) return { ok: false, code: CLOSE_CODES.badJoin, message: 'wrong trainer key', failure: true };
    return { ok: true, role: 'spectate' in o ? 'spectator' : 'trainer' };
  }
  if (o.participant) {
    const person = session.people.get(o.participant);
    if (!person) return { ok: false, code: CLOSE_CODES.seatLost, message: 'that seat is gone', failure: true };
    const wait = Math.ceil(((person.cutUntil ?? 0) - now) / 1000);
    if (wait > 0) return { ok: false, code: CLOSE_CODES.flood, message: `cut off for flooding: try again in ${wait} s`, failure: false };
    return { ok: true, role: person.role };
  }
  const solo = session.terms.soloPost;
  if (solo !== null && humanAt(session, solo)) return { ok: false, code: CLOSE_CODES.badJoin, message: 'this solo practice already has its player', failure: false };
  return { ok: true, role: 'player' };
}

/** What one step produced, and what the drill's shared state must show. */
class Step {
  readonly effects: SessionEffect[] = [];
  /** People whose panels must all be sent again (they joined, or their post changed). */
  readonly panelsFor = new Set<string>();
  send<T extends ServerMessageType>(to: string, type: T, payload: ServerMessage<T>): void {
    this.effects.push({ type: 'send', to, message: { type, payload } as Outgoing });
  }
}

/**
 * The session's one step function: an input in, the session changed in place, effects out. The
 * engine, the bots and the log move through the driver; who may do what, seats, the team's
 * ready-to-start rule, pauses nobody asked for, and what each person is sent are decided here.
 */
export function stepSession(session: Session, input: SessionInput): SessionEffect[] {
  const step = new Step();
  if (session.phase === 'failed' && input.type !== 'dispose') return [];
  switch (input.type) {
    case 'join':
      join(session, step, input);
      break;
    case 'message':
      message(session, step, input);
      break;
    case 'disconnect': {
      const person = session.people.get(input.token);
      if (person) {
        setConnected(session, person, false);
        followPresence(session, step);
      }
      break;
    }
    case 'reconnect': {
      const person = session.people.get(input.token);
      if (person) {
        setConnected(session, person, true);
        step.panelsFor.add(person.token);
        tellIfFreed(step, person);
        followPresence(session, step);
      }
      break;
    }
    case 'farewell': {
      const person = session.people.get(input.token);
      if (person) {
        forget(session, person);
        step.effects.push({ type: 'secret', token: person.token, valid: false });
        // Those still here may all be ready now that the one missing is gone (a restored team drill).
        if (session.phase === 'paused' && !session.autoPaused && session.terms.mode === 'team' && allPlayersReady(session)) resume(session);
        scheduleClose(session, input.now);
      }
      break;
    }
    case 'cut': {
      const person = session.people.get(input.token);
      if (person) {
        person.cutUntil = input.now + session.times.floodCoolDownSeconds * 1000;
        step.effects.push({ type: 'log', line: `${person.role} ${person.id} was cut off for flooding (refused for ${session.times.floodCoolDownSeconds} s)` }, { type: 'close', to: person.token, code: CLOSE_CODES.flood, reason: 'too many messages' });
      }
      break;
    }
    case 'tick':
      tick(session, step, input.now, input.ms);
      break;
    case 'restore':
      session.lastId = Math.max(session.lastId, input.lastParticipant);
      if (input.trainerId) session.trainerId = input.trainerId;
      for (const p of input.people) {
        const person: Person = { id: p.id, token: p.token, role: 'player', name: p.name, connected: false, ready: session.terms.mode !== 'team' && p.ready };
        session.people.set(person.token, person);
        if (p.post && !humanAt(session, p.post)) person.post = p.post;
        step.effects.push({ type: 'secret', token: person.token, valid: true });
      }
      break;
    case 'dispose':
      if (!isOver(session) && session.phase !== 'lobby') {
        session.phase = 'abandoned';
        step.effects.push({ type: 'finish', abandoned: true });
      }
      break;
    case 'fail':
      session.phase = 'failed';
      for (const person of session.people.values()) {
        if (person.connected) step.send(person.token, 'rejected', { code: 'drill-ended', reason: 'this drill hit an internal error and was stopped', ref: null, type: 'failure' });
      }
      break;
  }
  if (input.type !== 'fail' && input.type !== 'dispose') deliver(session, step, input.type === 'tick');
  for (const r of session.driver.takeRefusals()) {
    step.effects.push({ type: 'log', line: `bug: the bot on ${r.post} made a move the engine refused at ${r.at} (${r.intent.type}: ${r.reason}); the drill goes on without it` });
  }
  return step.effects;
}

function join(session: Session, step: Step, input: Extract<SessionInput, { type: 'join' }>): void {
  // Someone came: from now on an empty drill closes after the usual grace.
  session.waitForPeopleUntil = 0;
  session.closeAt = undefined;
  let person = input.participant ? session.people.get(input.participant) : undefined;
  if (!person) {
    const id = input.role === 'trainer' ? (session.trainerId ??= nextId(session)) : nextId(session);
    person = { id, token: input.newToken, role: input.role, name: input.role === 'player' ? input.name : input.role, connected: false, ready: false };
    addPerson(session, person, input.wanted);
    step.effects.push({ type: 'secret', token: person.token, valid: true });
  }
  setConnected(session, person, true);
  step.panelsFor.add(person.token);
  const index = session.driver.index;
  const injects = person.role === 'player' ? undefined : index.scenario.injects.filter((i) => i.optional).map((i) => ({ id: i.id, room: i.room, title: i.title }));
  step.send(person.token, 'welcome', { role: person.role, participant: person.token, post: person.post ?? null, code: session.terms.code, mode: session.terms.mode, ...(injects && { injects }) });
  tellIfFreed(step, person);
  followPresence(session, step);
}

function tellIfFreed(step: Step, person: Person): void {
  if (!person.freedWhileAway || !person.connected) return;
  step.send(person.token, 'freed', person.freedWhileAway);
  person.freedWhileAway = undefined;
}

function message(session: Session, step: Step, input: Extract<SessionInput, { type: 'message' }>): void {
  const person = session.people.get(input.token);
  if (!person) return;
  const raw = input.raw;
  const ref = typeof raw === 'object' && raw !== null && typeof (raw as { ref?: unknown }).ref === 'number' ? (raw as { ref: number }).ref : null;
  const shownType = input.messageType.slice(0, 40);
  const refuse = (rejection: Rejection) => step.send(person.token, 'rejected', { ...rejection, ref, type: shownType });
  if (input.throttled) return refuse({ code: 'rate-limited', reason: 'slow down: too many messages' });
  if (!isClientMessageType(input.messageType)) return refuse({ code: 'unknown-type', reason: `no message type "${shownType}"` });
  const type = input.messageType;
  const parsed = CLIENT_MESSAGES[type].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse({ code: 'bad-message', reason: `${issue.path.join('.') || type}: ${issue.message}` });
  }
  const postBefore = person.post;
  const refusal = handle(session, step, person, type, parsed.data, input.now);
  if (refusal) return refuse(refusal);
  if (type === 'seat') step.send(person.token, 'seated', { post: person.post ?? null, ref });
  if (person.post !== postBefore) step.panelsFor.add(person.token);
  step.effects.push({ type: 'patchNow' });
}

function handle(session: Session, step: Step, person: Person, type: ClientMessageType, m: ClientMessage<ClientMessageType>, now: number): Rejection | undefined {
  const ctx = {
    hasPost: person.post !== undefined,
    soloPlayer: person.role !== 'trainer' && canControlClock(person.role, session.terms.mode, person.post !== undefined),
    soloDrill: session.terms.mode === 'solo',
    ...(type === 'clock' && { clock: (m as ClientMessage<'clock'>).action }),
  };
  const refused = refusalFor(person.role, type, session.phase, ctx);
  if (refused) return refused;
  const driver = session.driver;
  switch (type) {
    case 'intent': {
      const result = driver.intent(person.post!, (m as ClientMessage<'intent'>).intent, person.id);
      followEnd(session, step);
      return result.ok ? undefined : result.rejection;
    }
    case 'seat':
      return playerSeat(session, person, m as ClientMessage<'seat'>);
    case 'ready': {
      person.ready = (m as ClientMessage<'ready'>).ready;
      if (session.phase === 'lobby' && session.terms.mode !== 'training' && allPlayersReady(session)) return begin(session, step);
      // Only a restart pauses a team drill this way (nobody holds its clock): it goes on when all are ready again.
      if (session.phase === 'paused' && session.terms.mode === 'team' && allPlayersReady(session)) resume(session);
      return undefined;
    }
    case 'clock': {
      const c = m as ClientMessage<'clock'>;
      if (c.action === 'start') return begin(session, step);
      if (c.action === 'pause') {
        pause(session, step);
        session.autoPaused = false;
      } else if (c.action === 'resume') resume(session);
      else {
        if (c.speed === undefined) return { code: 'bad-message', reason: 'speed: give the new speed' };
        session.speed = c.speed;
      }
      return undefined;
    }
    case 'control': {
      const result = driver.control((m as ClientMessage<'control'>).control, person.id);
      followEnd(session, step);
      return result.ok ? undefined : result.rejection;
    }
    case 'hint': {
      const h = m as ClientMessage<'hint'>;
      const target = humanAt(session, h.post);
      if (!target?.connected) return { code: 'no-post', reason: `nobody is at "${h.post}" to read a hint` };
      step.send(target.token, 'hint', { post: h.post, text: h.text, at: driver.state.clock });
      return undefined;
    }
    case 'post': {
      const { rejection, freed } = trainerPost(session, person, m as ClientMessage<'post'>);
      if (freed) {
        step.panelsFor.add(freed.token);
        tellIfFreed(step, freed);
      }
      void now;
      return rejection;
    }
    case 'chat': {
      const written = writeChat(session, person, m as ClientMessage<'chat'>, now);
      if (!written.ok) return written.rejection;
      for (const reader of session.people.values()) if (reader.connected && canReadChannel(reader, written.line.channel)) step.send(reader.token, 'chat', written.line);
      return undefined;
    }
  }
}

/** The clock starts with the people present at their posts and bots everywhere else. */
function begin(session: Session, step: Step): Rejection | undefined {
  const started = session.driver.start(lineup(session));
  if (!started.ok) return started.rejection;
  session.phase = 'running';
  session.exactClock = session.driver.state.clock;
  followEnd(session, step);
  return undefined;
}

function pause(session: Session, step: Step): void {
  if (session.phase !== 'running') return;
  session.phase = 'paused';
  step.effects.push({ type: 'checkpointNow' });
}

function resume(session: Session): void {
  if (session.phase !== 'paused') return;
  session.phase = 'running';
  session.autoPaused = false;
  // Posts whose people are still away get a bot for as long as they are.
  syncAll(session);
}

/**
 * A team or solo drill with nobody connected at a post pauses by itself, and goes on when someone
 * is back: nobody should come back to a drill that played on without them (solo), or to bots
 * having played a whole team drill. A trainer runs a training drill's clock.
 */
function followPresence(session: Session, step: Step): void {
  if (session.terms.mode === 'training') return;
  const someone = anySeatedConnected(session);
  if (session.phase === 'running' && !someone) {
    pause(session, step);
    session.autoPaused = true;
  } else if (session.phase === 'paused' && session.autoPaused && someone) resume(session);
}

function followEnd(session: Session, step: Step): void {
  if (session.driver.ended && session.phase !== 'ended') {
    session.phase = 'ended';
    step.effects.push({ type: 'finish', abandoned: false });
  }
}

function tick(session: Session, step: Step, now: number, ms: number): void {
  if (session.phase === 'running') {
    session.exactClock += (ms / 1000) * session.speed;
    session.driver.advance(Math.floor(session.exactClock));
    followEnd(session, step);
  }
  if (session.closeAt !== undefined && now >= session.closeAt && session.people.size === 0) {
    session.closeAt = undefined;
    step.effects.push({ type: 'closeRoom' });
  }
}

/**
 * Once nobody is left (nobody connected, nobody within a reconnection window), the room closes:
 * at once if the drill is over; after a grace of RECONNECT_SECONDS if not (a started drill is then
 * stored as abandoned); a new or restored drill waits ABANDON_SECONDS for its people first.
 */
export function scheduleClose(session: Session, now: number): void {
  if (session.people.size > 0) {
    session.closeAt = undefined;
    return;
  }
  if (session.closeAt !== undefined) return;
  const grace = isOver(session) ? 0 : session.times.reconnectSeconds * 1000;
  session.closeAt = now + Math.max(grace, session.waitForPeopleUntil - now);
}

/** Sends the new events, and the panels that changed, to whoever may see them. */
function deliver(session: Session, step: Step, ticked: boolean): void {
  const events: DrillEvent[] = session.driver.drain();
  const people = [...session.people.values()].filter((p) => p.connected);
  // Whoever joined, came back or changed post gets the chat they may read now, so that a page is not blank.
  if (session.chatLines.length > 0) for (const person of people) if (step.panelsFor.has(person.token)) step.send(person.token, 'chatHistory', { lines: historyFor(session.chatLines, person) });
  if (events.length > 0) {
    for (const person of people) {
      const visible = events.filter((e) => canSeeEvent(session, person, e));
      if (visible.length > 0) step.send(person.token, 'events', visible);
    }
  }
  // Panels change with events, and once a scenario minute as the feed's heat moves (moods run down
  // on the client, from each card's mood line, so they alone send nothing).
  const minute = Math.floor(session.driver.state.clock / 60);
  const minuteMoved = session.panelMinute !== minute;
  session.panelMinute = minute;
  if (events.length === 0 && !(ticked && minuteMoved) && step.panelsFor.size === 0) return;
  const sent = session.sentPanels;
  for (const { id: post } of session.driver.index.scenario.posts) {
    const audience = people.filter((p) => panelPostsFor(session, p).includes(post));
    if (audience.length === 0) {
      // Nobody holds what was sent: whoever comes next gets the panel whole.
      sent.delete(post);
      continue;
    }
    const panel = panelFor(session, post);
    const before = sent.get(post);
    const { change, sent: now } = before ? panelChange(before, panel) : { change: null, sent: sentPanelOf(panel) };
    sent.set(post, now);
    // Newcomers (and, the first time, everyone) get it whole; the rest only what changed.
    for (const person of audience) {
      if (!before || step.panelsFor.has(person.token)) step.send(person.token, 'panel', panel);
      else if (change) step.send(person.token, 'panelChange', change);
    }
  }
}
