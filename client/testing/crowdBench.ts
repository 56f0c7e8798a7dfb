import type Phaser from 'phaser';
import type { DrillEvents, DrillSource } from '../drill/DrillSource.js';
import { Emitter } from '../lib/Emitter.js';
import { followDrill } from '../scenes/sceneRouter.js';
import type { ScoreEvent } from '../view/scoreChange.js';
import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import type { Card } from '../../shared/protocol/serverMessages.js';
import { toViewModel, type DrillData } from '../view/toViewModel.js';
import type { DrillView } from '../view/viewModel.js';

/**
 * `?bench=crowd`: the branch lobby with 20 people waiting, fed by a local stand-in for the server
 * (state ten times a second, a score change every second, someone leaving and arriving every two
 * seconds), so `npm run bench:client` can time frames in the busiest room without a drill.
 * Loaded only with that flag, as its own chunk.
 */
const KINDS = ['customer', 'customer', 'reporter', 'blogger', 'official', 'staff', 'executive'];
const NPCS = 20;

/** The same events the real connection emits, so the bench drives scenes exactly as play does. */
type Events = DrillEvents;

class CrowdSource extends Emitter<Events> implements DrillSource {
  view: DrillView | null = null;
  readonly ended = null;
  readonly status = 'connected' as const;
  readonly scoreLog: ScoreEvent[] = [];
  readonly history = [];
  readonly injects = [];
  readonly code = 'BENCH000';
  readonly scenario: ScenarioSummary | null = null;
  readonly chatLines = [];
  private now = 10 * 3600;
  private next = NPCS;
  private seq = 0;
  private readonly cards: Card[] = Array.from({ length: NPCS }, (_, i) => this.card(i));

  start(): void {
    setInterval(() => this.tick(), 100);
    setInterval(() => this.scoreChange(), 1000);
    setInterval(() => this.turnover(), 2000);
    this.publish();
  }

  private card(i: number): Card {
    return {
      id: `n${i}`,
      archetype: i % 9 === 0 ? 'crowd-filmer' : 'anxious-depositor',
      kind: KINDS[i % KINDS.length]!,
      name: { 'zh-CN': `排队的客户 ${i}`, en: `Customer ${i}` },
      mood: (i * 37) % 100,
      moodAt: this.now,
      temper: 0,
      openedAt: this.now - i * 30,
      expiresAt: this.now + 1800 - i * 30,
      interaction: 'bench',
      prompt: { 'zh-CN': '我的余额怎么不对？我要马上取出全部存款！', en: 'Why is my balance wrong? I want all my savings out now!' },
      responses: [
        { id: 'a', text: { 'zh-CN': '我先帮您核对账户。', en: 'Let me check your account first.' }, available: true },
        { id: 'b', text: { 'zh-CN': '请到贵宾室，我们单独为您办理。', en: 'Come to a private room and we will handle it.' }, available: true },
        { id: 'c', text: { 'zh-CN': '原因已查明：升级程序错误，资金安全。', en: 'The cause is known: a faulty upgrade; your money is safe.' }, available: false, locked: { 'zh-CN': '需要：已确认的原因', en: 'Needs the confirmed cause' } },
      ],
    };
  }

  private tick(): void {
    this.now += 10;
    for (const c of this.cards) c.mood = Math.max(0, c.mood - (c.mood > 80 ? 0 : 0.3));
    this.publish();
  }

  private turnover(): void {
    const gone = this.cards.shift()!;
    this.emit('events', [{ type: 'npcLeft', npc: gone.id, satisfied: this.seq % 2 === 0, mood: gone.mood, seq: this.seq++, at: this.now, room: 'lobby' }]);
    this.cards.push(this.card(this.next++));
  }

  private scoreChange(): void {
    const npc = this.cards[this.seq % this.cards.length]!;
    const event: ScoreEvent = {
      type: 'score',
      seq: this.seq++,
      at: this.now,
      dim: 'trust',
      delta: this.seq % 2 ? 2 : -3,
      value: 50 + (this.seq % 20),
      reason: { 'zh-CN': '客户等待过久', en: 'A customer waited too long' },
      cause: { kind: 'timeout', npc: npc.id },
    };
    this.scoreLog.push(event);
    this.emit('events', [event]);
  }

  private publish(): void {
    const state: DrillData = {
      code: this.code,
      mode: 'solo',
      scenario: 'bench',
      team: '',
      phase: 'running',
      clock: this.now,
      speed: 12,
      ending: '',
      scores: { trust: 55, reputation: 60, compliance: 70, continuity: 45, timeliness: 66, coordination: 58, total: 59 },
      seats: { manager: { post: 'manager', room: 'lobby', holder: 'Bench', kind: 'human', skill: 'competent', connected: true, ready: true } },
      rooms: {
        lobby: { id: 'lobby', type: 'lobby', waiting: NPCS, angry: 7 },
        phone: { id: 'phone', type: 'phone', waiting: 3, angry: 1 },
        newsroom: { id: 'newsroom', type: 'newsroom', waiting: 1, angry: 0 },
        ops: { id: 'ops', type: 'ops', waiting: 2, angry: 0 },
      },
      expected: {},
      panels: { manager: { post: 'manager', room: 'lobby', waiting: this.cards.map((c) => ({ ...c, mood: Math.round(c.mood) })), facts: [] } },
      unseated: [],
    };
    // Built against the last view, as the real store does, so unchanged parts keep their identity
    // and the widgets redraw only what play would make them redraw.
    this.view = toViewModel(state, { role: 'player', post: 'manager', name: 'Bench' }, {}, this.view ?? undefined);
    this.emit('view', this.view);
  }

  respond(): number {
    return 0;
  }
  shareFact(): number {
    return 0;
  }
  work(): number {
    return 0;
  }
  takeSeat(): number {
    return 0;
  }
  releaseSeat(): number {
    return 0;
  }
  setReady(): number {
    return 0;
  }
  clock(): number {
    return 0;
  }
  endDrill(): number {
    return 0;
  }
  watchPost(): void {}
  inject(): number {
    return 0;
  }
  extendDeadline(): number {
    return 0;
  }
  hint(): number {
    return 0;
  }
  post(): number {
    return 0;
  }
  openConsole(): void {}
  sendChat(): number {
    return 0;
  }
  sendRawForTest(): number {
    return 0;
  }
  async leave(): Promise<void> {}
  dropForTest(): void {}
}

export function startCrowd(game: Phaser.Game): void {
  const source = new CrowdSource();
  source.start();
  followDrill(game, source);
}
