import type { Text } from '../i18n/text.js';
import type { Place } from '../scenario/parts.js';
import type { Scores } from '../scores/dimensions.js';
import type { WorkState } from './work/workState.js';

/** Who holds each post: the engine records it for the debrief but plays the same either way. */
export interface Seat {
  kind: 'human' | 'bot';
  name?: string;
  skill?: 'novice' | 'competent' | 'expert';
}
export type Roster = Record<string, Seat>;

/** Why something happened: the debrief follows these back from a score to the choice behind it. */
export interface Cause {
  kind: 'response' | 'timeout' | 'inject' | 'share' | 'expected' | 'control' | 'statement' | 'feed' | 'report' | 'board';
  /**
   * For a move of the rooms' own work beside the cards (kind `response`: a post's move; `timeout`:
   * nobody moved in time): which kind of work it was.
   */
  work?: 'ticket' | 'callback' | 'escalation' | 'assignment' | 'line';
  post?: string;
  npc?: string;
  archetype?: string;
  interaction?: string;
  response?: string;
  inject?: string;
  expected?: string;
  fact?: string;
  statement?: string;
  /** A post in the newsroom's feed. */
  item?: string;
  /** A written report to an authority. */
  report?: string;
  /** An option of the incident board, as `kind:id` ("fix:rollback"). */
  option?: string;
  /** The hotline's ticket, and the escalation made of it. */
  ticket?: string;
  escalation?: string;
  /** Where the floor sent a customer. */
  place?: Place;
  /** For an inject that was a follow-up: the cause that scheduled it. */
  origin?: Cause;
}

export type NpcStatus = 'waiting' | 'done' | 'left';

export interface NpcState {
  id: string;
  archetype: string;
  room: string;
  status: NpcStatus;
  /** The open interaction while waiting; the last one afterwards. */
  interaction: string;
  openedAt: number;
  /** When patience runs out regardless of mood. */
  patienceUntil: number;
  /** When the timeout fires: patience, or earlier if the mood reaches zero while waiting. */
  expiresAt: number;
  /** Mood as of `moodAt`; while waiting it runs down by the archetype's temper. */
  mood: number;
  moodAt: number;
  /**
   * The order in which the open interaction's responses are shown, as positions in the scenario
   * file's list: drawn when the interaction opens, the same for every viewer and in a replay.
   */
  order: number[];
}

export interface FollowUp {
  at: number;
  seq: number;
  inject: string;
  /** What scheduled it; none for an arrival the drill drew when it was created. */
  origin?: Cause;
}

export type ExpectedStatus = 'pending' | 'met' | 'late' | 'missed' | 'not-applicable';

export interface ExpectedState {
  status: ExpectedStatus;
  /** Absent while a relative deadline waits for its inject. */
  deadline?: number;
  doneAt?: number;
}

export interface Ending {
  id: string | null;
  at: number;
  /** `abandoned` is the server's: everyone left a running drill (the engine never ends one so). */
  reason: 'condition' | 'time-up' | 'trainer' | 'abandoned';
}

/**
 * Everything that decides what happens next in a drill. Plain data (JSON-safe, no Maps), so it
 * can be checkpointed, compared byte for byte and sent to a debugger.
 */
export interface DrillState {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  rng: number;
  clock: number;
  phase: 'running' | 'ended';
  ending?: Ending;
  scores: Scores;
  flags: Record<string, true>;
  /** For each fact, the rooms that know it, in the order they learned it. */
  facts: Record<string, string[]>;
  /** NPCs present and waiting for an answer, in order of arrival. */
  npcs: NpcState[];
  /** NPCs who have left (served, or gave up), in order of leaving. */
  departed: NpcState[];
  followUps: FollowUp[];
  /** How many times each inject has fired. */
  fired: Record<string, number>;
  /** How many times each interaction has opened: the n-th opening's order is drawn from seed, interaction and n. */
  openings: Record<string, number>;
  /** Index into the scenario's timed injects of the next one due. */
  nextTimed: number;
  /** Index into the scenario's checkpoints of the next one due. */
  nextCheckpoint: number;
  /** Each duty's progress; the engine changes these objects in place and never replaces them. */
  expected: Record<string, ExpectedState>;
  /** Counter for event sequence numbers, NPC ids and follow-up order. */
  seq: number;
  roster: Roster;
  /** The rooms' own work (statements, claims said): only in drills of scenarios that have it. */
  work?: WorkState;
}

export type { Text };
