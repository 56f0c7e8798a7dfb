import type { DrillEvent } from '../../shared/engine/events.js';
import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import type { ChatLine } from '../../shared/protocol/serverMessages.js';
import { Emitter } from '../lib/Emitter.js';
import { fetchScenarios } from '../net/api.js';
import { DrillConnection, type CloseReason, type ConnectionStatus, type EndedMessage, type JoinAs, type OptionalInject, type Refusal, type WorkIntent } from '../net/DrillConnection.js';
import type { SavedSeat } from '../net/savedSeat.js';
import { ChatLog } from '../view/chatLog.js';
import { DrillViewStore } from '../view/DrillViewStore.js';
import type { ScoreEvent } from '../view/scoreChange.js';
import type { DrillView } from '../view/viewModel.js';
import type { DrillEvents, DrillSource } from './DrillSource.js';

const SCORE_LOG = 40;
const HISTORY = 80;
/** The events worth remembering for a console or a presenter opened mid-drill. */
const HISTORY_TYPES = new Set<DrillEvent['type']>(['inject', 'timeout', 'expected', 'deadlineExtended', 'factShared', 'ended']);

/**
 * A drill this page is in: the connection (client/net, which only moves data) feeding the view
 * store (client/view, which builds what is drawn), joined here so that neither knows the other.
 * Scenes see it as a DrillSource.
 */
export class LiveDrill extends Emitter<DrillEvents> implements DrillSource {
  /** Recent score changes, newest last, so a scene opened mid-drill can show why scores moved. */
  readonly scoreLog: ScoreEvent[] = [];
  /** Recent injects, timeouts, duties, memos and deadline changes, newest last (see HISTORY_TYPES). */
  readonly history: DrillEvent[] = [];
  private readonly store: DrillViewStore;
  private readonly chat = new ChatLog();

  private constructor(private readonly connection: DrillConnection) {
    super();
    this.store = new DrillViewStore(connection.who);
    connection.on('state', (change) => this.store.apply(change));
    connection.on('panel', (panel) => this.store.setPanel(panel));
    connection.on('me', (me) => this.store.setMe(me));
    connection.on('patched', () => this.store.flush());
    this.store.on('view', ({ view }) => this.emit('view', view));
    connection.on('events', (events) => {
      for (const e of events) if (e.type === 'score') this.scoreLog.push(e);
      this.scoreLog.splice(0, Math.max(0, this.scoreLog.length - SCORE_LOG));
      for (const e of events) if (HISTORY_TYPES.has(e.type)) this.history.push(e);
      this.history.splice(0, Math.max(0, this.history.length - HISTORY));
      this.emit('events', events);
    });
    connection.on('chatHistory', (lines) => {
      this.chat.replace(lines);
      this.emit('chat', { lines: this.chat.lines, added: null });
    });
    connection.on('chat', (line) => {
      if (this.chat.add(line)) this.emit('chat', { lines: this.chat.lines, added: line });
    });
    const forward = <K extends 'rejected' | 'hint' | 'freed' | 'ended' | 'status' | 'closed'>(type: K) => connection.on(type, (payload) => this.emit(type, payload as unknown as DrillEvents[K]));
    for (const type of ['rejected', 'hint', 'freed', 'ended', 'status', 'closed'] as const) forward(type);
  }

  /** Joins a drill by its code as a player ({ name, post? }) or as its trainer ({ trainerKey }). */
  static async join(code: string, as: JoinAs): Promise<LiveDrill> {
    return LiveDrill.start(await DrillConnection.join(code, as));
  }

  /** Back to the seat saved by this tab (after a reload). Throws JoinError 4803 when it is gone. */
  static async rejoin(seat: SavedSeat): Promise<LiveDrill> {
    return LiveDrill.start(await DrillConnection.rejoin(seat));
  }

  /** The scenario list names the drill's rooms, posts and duties; without it the view falls back to ids. */
  private static async start(connection: DrillConnection): Promise<LiveDrill> {
    const drill = new LiveDrill(connection);
    connection.reportState();
    drill.store.setScenarios(await fetchScenarios().catch(() => []));
    drill.store.flush();
    return drill;
  }

  get view(): DrillView | null {
    return this.store.view;
  }

  get scenario(): ScenarioSummary | null {
    return this.store.scenario;
  }

  get ended(): EndedMessage | null {
    return this.connection.ended;
  }

  get status(): ConnectionStatus {
    return this.connection.status;
  }

  get injects(): readonly OptionalInject[] {
    return this.connection.injects;
  }

  get code(): string {
    return this.connection.code;
  }

  get chatLines(): readonly ChatLine[] {
    return this.chat.lines;
  }

  /** The trainer receives every panel; this chooses which post's room to look at. */
  watchPost(post: string): void {
    this.store.watch(post);
    this.store.flush();
  }

  /** The trainer goes back from a room to the console (see targetScene). */
  openConsole(): void {
    this.store.watch(null);
    this.store.flush();
  }

  respond = (npc: string, response: string) => this.connection.respond(npc, response);
  shareFact = (fact: string, to: string[]) => this.connection.shareFact(fact, to);
  work = (intent: WorkIntent) => this.connection.work(intent);
  takeSeat = (post: string) => this.connection.takeSeat(post);
  releaseSeat = (post: string) => this.connection.releaseSeat(post);
  setReady = (ready: boolean) => this.connection.setReady(ready);
  clock = (action: 'start' | 'pause' | 'resume' | 'speed', speed?: number) => this.connection.clock(action, speed);
  endDrill = () => this.connection.endDrill();
  inject = (inject: string) => this.connection.inject(inject);
  extendDeadline = (expected: string, minutes: number) => this.connection.extendDeadline(expected, minutes);
  hint = (post: string, text: string) => this.connection.hint(post, text);
  post = (action: 'free' | 'takeOver' | 'release', post: string) => this.connection.post(action, post);
  sendChat = (channel: string, text: string) => this.connection.chat(channel, text);
  sendRawForTest = (type: string, payload: object) => this.connection.sendRawForTest(type, payload);
  leave = () => this.connection.leave();
  dropForTest = () => this.connection.dropForTest();
}

export type { CloseReason, Refusal };
