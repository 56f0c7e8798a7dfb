import type { Draft } from '../../protocol/statementIntents.js';
import type { Place, Scenario } from '../../scenario/schema.js';

/** Where a statement stands: drafted and waiting for its approver, returned, or published. */
export interface StatementProgress {
  /** The draft waiting for the approver, and when it was sent. */
  pending?: { draft: Draft; at: number };
  /** How many drafts the approver has sent back. */
  returned: number;
  publishedAt?: number;
  published?: Draft;
}

/** A claim stated in public by a room: in a statement, or by an answer to a customer or caller. */
export interface SaidClaim {
  claim: string;
  room: string;
  at: number;
  via: 'statement' | 'response' | 'line';
  /** Set once the fact that shows it wrong is known: it is then paid for once. */
  exposed?: true;
}

/** A post in the feed: its heat as of `at` (it grows from there), and what was done with it. */
export interface FeedItemState {
  postedAt: number;
  heat: number;
  at: number;
  /** Set once its heat reached the threshold: it blows up once. */
  blewUp?: true;
  /** Set once it was answered well (its question answered with a confirmed fact): it stops spreading. */
  settled?: true;
  /** The actions taken on it, in order. */
  actions: string[];
}

/** Something running on the incident board: an investigation, a fix, a unit on its way. */
export interface BoardJob {
  kind: 'investigation' | 'fix' | 'dispatch';
  id: string;
  startedAt: number;
  doneAt: number;
  staff: number;
}

/** The incident board: what runs, what is done, and who is committed where. */
export interface BoardState {
  /** Running, in order of finishing (then of starting). */
  jobs: BoardJob[];
  /** Investigations finished, fixes tried (with whether they worked), units arrived, in order. */
  done: { kind: BoardJob['kind']; id: string; at: number; ok?: boolean }[];
  level?: string;
  groups: string[];
  /** People committed for good: working groups, units sent to the branch. */
  committed: number;
}

/** The rooms' own work beside the NPC cards. Plain data, like the rest of the drill state. */
export interface WorkState {
  statements: Record<string, StatementProgress>;
  /** Posts in the newsroom's feed, by id, once posted. */
  feed: Record<string, FeedItemState>;
  /** Reports filed, by id: when, and the claim chosen for each field (null: left blank). */
  reports: Record<string, { filedAt: number; fields: Record<string, string | null> }>;
  /** The ops room's incident board, in scenarios that have one. */
  board?: BoardState;
  /** Every claim stated in public, in the order said. */
  said: SaidClaim[];
  /** Things the rooms' work must do at a time (a call-back comes due), sorted by time then order made. */
  timers?: WorkTimer[];
  phone?: PhoneState;
  floor?: FloorState;
}

/** Only a scenario with some of the rooms' own work carries work state: older drills stay byte for byte as they were. */
export function hasWork(scenario: Scenario): boolean {
  return (
    scenario.claims.length > 0 ||
    scenario.statements.length > 0 ||
    scenario.feed.length > 0 ||
    scenario.reports.length > 0 ||
    scenario.board !== undefined ||
    scenario.phone !== undefined ||
    scenario.floor !== undefined
  );
}

export function emptyWorkState(scenario: Scenario): WorkState {
  const work: WorkState = { statements: Object.fromEntries(scenario.statements.map((s) => [s.id, { returned: 0 }])), said: [], feed: {}, reports: {} };
  if (scenario.board) work.board = { jobs: [], done: [], groups: [], committed: 0 };
  if (scenario.phone || scenario.floor) work.timers = [];
  if (scenario.phone) work.phone = { queue: [], lines: {}, tickets: [], escalations: [], answeredByFaq: 0 };
  if (scenario.floor) {
    const { counter, security } = scenario.floor.capacity;
    work.floor = { next: 1, queue: [], serving: [], capacity: { counter, 'private-room': scenario.floor.capacity['private-room'], security }, read: [] };
  }
  return work;
}

export type WorkTimerKind = 'callbackDue' | 'callbackBroken' | 'escalationStale' | 'serviceDone' | 'faqMessage';

/** `ref`: the ticket, escalation or floor ticket number (as text) the timer is about. */
export interface WorkTimer {
  at: number;
  seq: number;
  kind: WorkTimerKind;
  ref: string;
}

/** A call waiting in the queue: the NPC, the interaction it called about, and since when. */
export interface QueuedCall {
  npc: string;
  call: string;
  since: number;
}

/** A post's line: the call in hand, or the call just ended that still needs its ticket. */
export interface PhoneLine {
  npc: string;
  call: string;
  archetype: string;
  since: number;
  phase: 'talking' | 'wrapUp';
}

export type TicketStatus = 'logged' | 'promised' | 'due' | 'kept' | 'late' | 'broken';

export interface Ticket {
  id: string;
  post: string;
  npc: string;
  archetype: string;
  call: string;
  category: string;
  /** Minutes promised (0: none). */
  callback: number;
  at: number;
  /** When the promised call-back is due. */
  due?: number;
  status: TicketStatus;
  calledAt?: number;
  escalation?: string;
}

export interface Escalation {
  id: string;
  ticket: string;
  at: number;
  status: 'waiting' | 'acknowledged' | 'stale';
  acknowledgedAt?: number;
}

export interface PhoneState {
  queue: QueuedCall[];
  lines: Record<string, PhoneLine>;
  tickets: Ticket[];
  escalations: Escalation[];
  /** How many callers the published FAQ's queue message answered before anyone picked up (each is a `callAnsweredByFaq` event). */
  answeredByFaq: number;
}

/** A customer on the floor with a ticket number, waiting. */
export interface FloorTicket {
  number: number;
  npc: string;
  archetype: string;
  since: number;
}

export interface FloorService {
  number: number;
  npc: string;
  archetype: string;
  place: Place;
  since: number;
  until: number;
}

export interface FloorState {
  /** The next ticket number. */
  next: number;
  queue: FloorTicket[];
  serving: FloorService[];
  capacity: Record<Place, number>;
  /** Statements read to the queue, in the order read. */
  read: string[];
  /** When the crowd meter passed its threshold (its inject fired then). */
  meterAt?: number;
}
