import type { DrillEvent } from '../../shared/engine/events.js';
import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import type { ChatLine } from '../../shared/protocol/serverMessages.js';
import type { ConnectionStatus, DrillHappenings, EndedMessage, OptionalInject, WorkIntent } from '../net/DrillConnection.js';
import type { ScoreEvent } from '../view/scoreChange.js';
import type { DrillView } from '../view/viewModel.js';

/** What a drill tells the scenes: its view as it changes, and what happens in it. */
export interface DrillEvents extends DrillHappenings {
  view: DrillView;
  /** The team chat changed: `added` is the one new line, null when a history replaced them all. */
  chat: { lines: readonly ChatLine[]; added: ChatLine | null };
}

/**
 * What the scenes need from a drill: its view, its events and the actions a player can take.
 * LiveDrill is the real one; the bench's crowd (client/testing/crowdBench.ts) is a stand-in.
 * Type-only, so scenes can depend on it without loading colyseus.js up front.
 */
export interface DrillSource {
  readonly view: DrillView | null;
  readonly ended: EndedMessage | null;
  readonly status: ConnectionStatus;
  readonly scoreLog: readonly ScoreEvent[];
  /** Recent injects, timeouts, duties, memos and deadline changes, newest last. */
  readonly history: readonly DrillEvent[];
  /** For the trainer and spectators: the scenario's optional injects. */
  readonly injects: readonly OptionalInject[];
  readonly code: string;
  /** The scenario's entry from GET /api/scenarios, for names and titles. */
  readonly scenario: ScenarioSummary | null;
  /** The team chat this page may read, oldest first (see client/view/chatLog.ts). */
  readonly chatLines: readonly ChatLine[];
  on<K extends keyof DrillEvents>(type: K, handler: (payload: DrillEvents[K]) => void): () => void;
  respond(npc: string, response: string): number;
  shareFact(fact: string, to: string[]): number;
  work(intent: WorkIntent): number;
  takeSeat(post: string): number;
  releaseSeat(post: string): number;
  setReady(ready: boolean): number;
  clock(action: 'start' | 'pause' | 'resume' | 'speed', speed?: number): number;
  endDrill(): number;
  watchPost(post: string): void;
  inject(inject: string): number;
  extendDeadline(expected: string, minutes: number): number;
  hint(post: string, text: string): number;
  post(action: 'free' | 'takeOver' | 'release', post: string): number;
  /** A line of team chat into "team" or a pair channel ("a~b"). */
  sendChat(channel: string, text: string): number;
  openConsole(): void;
  sendRawForTest(type: string, payload: object): number;
  leave(): Promise<void>;
  dropForTest(): void;
}
