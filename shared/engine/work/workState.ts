import type { Draft } from '../../protocol/statementIntents.js';
import type { Scenario } from '../../scenario/schema.js';

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
  via: 'statement' | 'response';
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

/** The rooms' own work beside the NPC cards. Plain data, like the rest of the drill state. */
export interface WorkState {
  statements: Record<string, StatementProgress>;
  /** Posts in the newsroom's feed, by id, once posted. */
  feed: Record<string, FeedItemState>;
  /** Reports filed, by id: when, and the claim chosen for each field (null: left blank). */
  reports: Record<string, { filedAt: number; fields: Record<string, string | null> }>;
  /** Every claim stated in public, in the order said. */
  said: SaidClaim[];
}

/** Only a scenario with claims or statements carries work state: older drills stay byte for byte as they were. */
export function hasWork(scenario: Scenario): boolean {
  return scenario.claims.length > 0 || scenario.statements.length > 0 || scenario.feed.length > 0 || scenario.reports.length > 0;
}

export function emptyWorkState(scenario: Scenario): WorkState {
  return { statements: Object.fromEntries(scenario.statements.map((s) => [s.id, { returned: 0 }])), said: [], feed: {}, reports: {} };
}
