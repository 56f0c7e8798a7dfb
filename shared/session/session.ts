import type { Skill } from '../bots/skill.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { DrillInput } from '../protocol/intents.js';
import type { Mode } from '../protocol/messages.js';
import type { ChatLine } from '../protocol/serverMessages.js';
import { chatLinesOf } from './chat.js';
import type { SentPanel } from './panelChange.js';
import { DrillDriver } from './DrillDriver.js';
import { regenerateLog } from './regenerateLog.js';

/**
 * A drill's lifecycle. `failed`: an error inside the drill stopped it; `abandoned`: everyone left
 * a started drill (or nobody came back after a restart) and it was wound up unfinished.
 */
export type SessionPhase = 'lobby' | 'running' | 'paused' | 'ended' | 'failed' | 'abandoned';
export type Role = 'trainer' | 'player' | 'spectator';

/** A person in a drill, kept by a stable token rather than by connection, so a reload keeps the seat. */
export interface Person {
  /** Public and stable: names the person in the input log ("p3"); never a secret. */
  id: string;
  /** Secret: presented to get the seat back after a reload. */
  token: string;
  role: Role;
  name: string;
  post?: string;
  /** Whether a connection speaks for the person now. */
  connected: boolean;
  ready: boolean;
  /** After a cut for flooding: no connection is accepted from this person before this time (ms). */
  cutUntil?: number;
  /** The trainer freed this person's post while they were away: told when they are back. */
  freedWhileAway?: { post: string; at: number };
  /** When (ms of real time) this person's latest lines of chat were written, for the chat rate (chatRules.ts). */
  chatSentAt?: number[];
}

/** What the server decided when it created the drill, as far as the session's rules go. */
export interface SessionTerms {
  code: string;
  mode: Mode;
  /** The post a solo player practises; null in the other modes. */
  soloPost: string | null;
  botSkill: Skill;
  trainerKey: string;
}

/** How long the session waits, in real seconds (the server's settings). */
export interface SessionTimes {
  /** A dropped person keeps the seat this long. */
  reconnectSeconds: number;
  /** A new or restored drill waits this long for its people before it is wound up. */
  abandonSeconds: number;
  /** After a cut for flooding, the same person is refused this long. */
  floodCoolDownSeconds: number;
}

/**
 * Everything that decides what a drill's session does next: the driver (engine, bots and log),
 * real time around it, and the people. Like the engine's state it is changed in place by
 * stepSession, and holds no clock, no connection and no I/O: time comes in with every input.
 */
export interface Session {
  terms: SessionTerms;
  times: SessionTimes;
  driver: DrillDriver;
  phase: SessionPhase;
  /** Scenario seconds per real second. */
  speed: number;
  /** Scenario time with its fraction, so that slow speeds still move the clock. */
  exactClock: number;
  /** Paused by the session because nobody was at a post (team and solo drills); goes on when someone is back. */
  autoPaused: boolean;
  /** Everyone in the drill by their token, in order of arrival. */
  people: Map<string, Person>;
  lastId: number;
  /** The trainer's public id in the log: every trainer connection speaks as the same person. */
  trainerId?: string;
  /** Until when (ms) an empty drill waits for its people: a new drill, or one just restored. */
  waitForPeopleUntil: number;
  /** When (ms) the session decided to close the room if it is still empty then; absent while someone is in. */
  closeAt?: number;
  /** Each post's panel as last sent, part by part, so that only what changed goes out again (panelChange.ts). */
  sentPanels: Map<string, SentPanel>;
  /** The scenario minute of the last panel check: the feed's heat and other clock-driven work move once a minute. */
  panelMinute: number;
  /** Every line of team chat so far, in order; the log holds the same lines (chat.ts), this is for the history. */
  chatLines: ChatLine[];
}

/** Every post held by a bot of the drill's skill: how every drill is set up before anyone sits. */
export function botRoster(index: ScenarioIndex, skill: Skill) {
  return Object.fromEntries(index.scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill }]));
}

/** A new drill's session, in its lobby, waiting for its people from `now`. */
export function createSession(index: ScenarioIndex, seed: number, terms: SessionTerms, times: SessionTimes, speed: number, now: number): Session {
  const driver = new DrillDriver(index, { seed, roster: botRoster(index, terms.botSkill) });
  return {
    terms,
    times,
    driver,
    phase: 'lobby',
    speed,
    exactClock: driver.state.clock,
    autoPaused: false,
    people: new Map(),
    lastId: 0,
    waitForPeopleUntil: now + times.abandonSeconds * 1000,
    sentPanels: new Map(),
    panelMinute: -1,
    chatLines: [],
  };
}

/**
 * A drill rebuilt from its checkpointed log after a restart, paused (or still in its lobby): the
 * log is re-run with the bots, exactly as the verifier will re-run it; its past events were
 * delivered before the restart. Throws with the reason when the log does not re-run to itself.
 */
export function restoreSession(index: ScenarioIndex, seed: number, terms: SessionTerms, times: SessionTimes, speed: number, log: readonly DrillInput[], clock: number, now: number): Session {
  const again = regenerateLog(index, { seed, roster: botRoster(index, terms.botSkill) }, log, clock);
  if (!again.ok) throw new Error(`entry ${again.entry} of the log does not re-run: ${again.reason}`);
  if (again.driver.ended) throw new Error('the log ends the drill');
  again.driver.drain();
  const session = createSession(index, seed, terms, times, speed, now);
  session.driver = again.driver;
  session.chatLines = chatLinesOf(log);
  session.exactClock = again.driver.state.clock;
  session.phase = again.driver.hasStarted ? 'paused' : 'lobby';
  return session;
}

/** A drill that is over, one way or another: nothing more happens in it. */
export function isOver(session: Session): boolean {
  return session.phase === 'ended' || session.phase === 'failed' || session.phase === 'abandoned';
}
