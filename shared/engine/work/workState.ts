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

/** The rooms' own work beside the NPC cards. Plain data, like the rest of the drill state. */
export interface WorkState {
  statements: Record<string, StatementProgress>;
  /** Every claim stated in public, in the order said. */
  said: SaidClaim[];
  /** Things the rooms' work must do at a time (a call-back comes due), sorted by time then order made. */
  timers?: WorkTimer[];
  phone?: PhoneState;
  floor?: FloorState;
}

/** Only a scenario with claims, statements, a phone queue or a floor carries work state: older drills stay byte for byte as they were. */
export function hasWork(scenario: Scenario): boolean {
  return scenario.claims.length > 0 || scenario.statements.length > 0 || scenario.phone !== undefined || scenario.floor !== undefined;
}

export function emptyWorkState(scenario: Scenario): WorkState {
  const work: WorkState = { statements: Object.fromEntries(scenario.statements.map((s) => [s.id, { returned: 0 }])), said: [] };
  if (scenario.phone || scenario.floor) work.timers = [];
  if (scenario.phone) work.phone = { queue: [], lines: {}, tickets: [], escalations: [] };
  if (scenario.floor) {
    const { counter, security } = scenario.floor.capacity;
    work.floor = { next: 1, queue: [], serving: [], capacity: { counter, 'private-room': scenario.floor.capacity['private-room'], security }, read: [] };
  }
  return work;
}

export type WorkTimerKind = 'callbackDue' | 'callbackBroken' | 'escalationStale' | 'serviceDone';

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
