import type { DrillEvent } from '../../../shared/engine/events.js';
import { tex } from '../../assets/manifest.js';
import { getLocale, onLocaleChange } from '../../i18n/locale.js';
import { t, tOr } from '../../i18n/t.js';
import { toNotice } from '../../view/notices.js';
import { toScoreChange, type ScoreChange } from '../../view/scoreChange.js';
import type { DrillView, FactView, NpcView } from '../../view/viewModel.js';
import { addArt } from '../../widgets/art.js';
import { Button } from '../../widgets/Button.js';
import { DIALOGUE, DialogueBox } from '../../widgets/DialogueBox.js';
import { floatScore, pipScore } from '../../widgets/floatScore.js';
import { testLog } from '../../game/testHooks.js';
import { HudBar } from '../../widgets/HudBar.js';
import { MemoPanel } from '../../widgets/MemoPanel.js';
import { RoomTabs } from '../../widgets/RoomTabs.js';
import { ScoreBoard } from '../../widgets/ScoreBoard.js';
import { ScoreLog } from '../../widgets/ScoreLog.js';
import { COLORS } from '../../widgets/theme.js';
import { Toasts } from '../../widgets/Toasts.js';
import { attachChat, hasChat } from '../chatLoader.js';
import { DrillScene } from '../DrillScene.js';

/** The room's own picture: world x 0–960, y 56–400, above the dialogue. */
export const STAGE = { x: 0, y: 56, width: 960, height: 344 } as const;
const SIDE_X = 968;
/** One empty list, so the memo sees the same input while there is no panel. */
const NO_FACTS: FactView[] = [];

/**
 * What every room shares: the top bar, the six meters with the total, the running "why" log,
 * the rooms at a glance, the dialogue, notifications, floating score labels and the memo. Each
 * room scene adds its own stage: the queue, the call board, the feed, the incident board.
 */
export abstract class RoomScene extends DrillScene {
  protected selected: string | null = null;
  /** Names of the people seen in this room, to say who left after they are gone from the state. */
  protected readonly npcNames = new Map<string, string>();
  private hud!: HudBar;
  private board!: ScoreBoard;
  private log!: ScoreLog;
  private tabs!: RoomTabs;
  private dialogue!: DialogueBox;
  private toasts!: Toasts;
  private memo!: MemoPanel;
  private memoButton!: Button;

  protected abstract readonly roomType: string;
  /** Where notifications appear: stacked down from the top of the stage, or up from its bottom. */
  protected toastPlaceFor(_view: DrillView): 'top' | 'bottom' {
    return 'bottom';
  }

  create(): void {
    const view = this.openDrill();
    if (!view) return;
    const drill = this.drill;
    this.selected = null;
    this.npcNames.clear();

    addArt(this, STAGE.x + STAGE.width / 2, STAGE.y + STAGE.height / 2, tex.room(this.roomType));
    this.add.rectangle(STAGE.width, STAGE.y, 1280 - STAGE.width, 720 - STAGE.y, COLORS.night).setOrigin(0);
    this.createStage(view);
    this.hud = new HudBar(this, { clock: (a, s) => drill.clock(a, s), end: () => drill.endDrill(), console: () => drill.openConsole() });
    this.board = new ScoreBoard(this, SIDE_X, 62, view.scores);
    const logTop = 62 + this.board.boardHeight + 8;
    this.log = new ScoreLog(this, SIDE_X, logTop, 304, 566 - logTop);
    this.tabs = new RoomTabs(this, SIDE_X, 572, view.rooms, view.me.isTrainer, (room) => this.watchRoom(room));
    this.dialogue = new DialogueBox(this, (npc, response) => drill.respond(npc, response));
    this.memoButton = new Button(this, 800, 64, '', 'memo.open', () => this.memo.open(this.drill.view?.panel?.facts ?? []), { width: 152, height: 40, size: 15, tone: 'primary', icon: tex.icon('memo') });
    this.memo = new MemoPanel(this, (fact, to) => drill.shareFact(fact, to));
    // Team chat for a player: its toggle in the top bar (free of controls for a player), its panel
    // over the side column. The trainer reads and writes it in the console, where the top bar has room.
    if (hasChat(view) && !view.me.isTrainer) {
      attachChat(this, drill, { frame: { x: SIDE_X - 4, y: 60, width: 1280 - SIDE_X, height: 658 }, toggle: { x: 1030, y: 8, width: 138 }, tabsPerRow: 2, covered: () => this.memo.isOpen || this.modalOpen() });
    }
    this.toasts = this.toastPlaceFor(view) === 'top' ? new Toasts(this, 480, 104, 540) : new Toasts(this, 480, STAGE.y + STAGE.height - 8, 540, true);

    this.whileRunning(
      drill.on('view', (v) => this.render(v)),
      drill.on('events', (events) => this.onEvents(events)),
      drill.on('rejected', (r) => {
        // The chat panel says why a line was refused, under its own field.
        if (r.type === 'chat') return;
        this.dialogue.reopen();
        this.toasts.show({ tone: 'bad', title: t('toast.refused'), body: tOr(`rejection.${r.code}`, r.reason) });
        if (this.drill.view) this.render(this.drill.view);
      }),
      drill.on('hint', (h) => this.toasts.show({ tone: 'info', title: t('toast.hint'), body: h.text })),
      onLocaleChange(() => this.drill.view && this.render(this.drill.view, true)),
    );
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));
    this.render(view, true);
  }

  /** Builds the room's own picture once. */
  protected abstract createStage(view: DrillView): void;
  /** Updates the room's picture for the latest view. */
  protected abstract renderStage(view: DrillView): void;
  /** Where on screen a person is, for score labels about them; null if not shown. */
  protected abstract anchorOf(npc: string): { x: number; y: number } | null;
  /** A person has left the room (served or gave up): animate their going. */
  protected onNpcLeft(_npc: string, _satisfied: boolean): void {}
  /** Room-specific reactions to events (the newsroom's feed, the phone's hang-ups). */
  protected onRoomEvents(_events: DrillEvent[]): void {}

  /** Whether one of the room's own panels (a statement desk, a report) is over the room. */
  protected modalOpen(): boolean {
    return false;
  }

  /** A post's name as the seats list gives it, in the current language. */
  protected postName(post: string): string {
    return this.drill.view?.seats.find((s) => s.post === post)?.name[getLocale()] ?? post;
  }

  protected select(npc: string): void {
    this.selected = npc;
    if (this.drill.view) this.render(this.drill.view);
  }

  /** The selected person, or the one who has waited longest when nobody is selected. */
  protected selectedNpc(view: DrillView): NpcView | null {
    const npcs = view.panel?.npcs ?? [];
    const found = npcs.find((n) => n.id === this.selected);
    if (found) return found;
    const first = npcs[0] ?? null;
    this.selected = first?.id ?? null;
    return first;
  }

  private render(view: DrillView, force = false): void {
    for (const npc of view.panel?.npcs ?? []) this.npcNames.set(npc.id, npc.name[getLocale()]);
    const npc = this.selectedNpc(view);
    this.hud.render(view);
    this.board.setScores(view.scores, view.total, !force);
    if (force) {
      this.board.relabel(view.scores);
      this.renderLog();
    }
    this.tabs.render(view.rooms);
    const hint = (view.panel?.npcs.length ?? 0) === 0 ? t('dialogue.empty') : t('dialogue.pick');
    this.dialogue.render(npc, view.me.canAct, hint);
    const facts = view.panel?.facts ?? NO_FACTS;
    const shareable = facts.filter((f) => f.unknownTo.length > 0).length;
    this.memoButton.setLabel(t('memo.open', { count: shareable })).setVisible(view.me.canAct).setEnabled(facts.length > 0);
    this.memo.render(facts);
    this.renderStage(view);
  }

  private onEvents(events: DrillEvent[]): void {
    const view = this.drill.view;
    const locale = getLocale();
    for (const event of events) {
      if (event.type === 'score' && view) {
        const own = event.cause.post === view.panel?.post && (event.cause.kind === 'response' || event.cause.kind === 'share');
        this.showScoreChange(toScoreChange(event, view.seats, locale), own);
      } else if (event.type === 'npcLeft') {
        this.onNpcLeft(event.npc, event.satisfied);
      }
      const notice = toNotice(event, view, locale, this.npcNames);
      if (notice) this.toasts.show(notice);
    }
    this.onRoomEvents(events);
    if (events.some((e) => e.type === 'score')) this.renderLog();
  }

  /**
   * Where a score change shows: over the person in this room it was about, or just above the
   * dialogue when it was this post's own answer or memo (the person may have left); anything else
   * (another room, a deadline) leaves its meter as a small "+2" and is told in full in the log.
   */
  private showScoreChange(change: ScoreChange, own: boolean): void {
    testLog.scoreChange(`${change.headline} — ${change.byline}`);
    const at = change.npc ? this.anchorOf(change.npc) : null;
    if (at) return floatScore(this, at.x, at.y, change);
    if (own) return floatScore(this, DIALOGUE.width / 2, DIALOGUE.y - 60, change);
    const meter = this.board.anchorOf(change.dim);
    pipScore(this, meter.x - 4, meter.y, change);
  }

  private renderLog(): void {
    const view = this.drill.view;
    if (!view) return;
    this.log.render(this.drill.scoreLog.slice(-8).map((e) => toScoreChange(e, view.seats, getLocale())));
  }

  /** The trainer watches another room: the first post in it. */
  private watchRoom(room: string): void {
    const seat = this.drill.view?.seats.find((s) => s.room === room);
    if (seat) this.drill.watchPost(seat.post);
  }

  /** Keys 1–5 answer the selected person, for keyboard players. */
  private onKey(e: KeyboardEvent): void {
    const view = this.drill.view;
    const n = Number(e.key);
    if (!view?.me.canAct || this.memo.isOpen || this.modalOpen() || !Number.isInteger(n) || n < 1) return;
    const npc = this.selectedNpc(view);
    const response = npc?.responses[n - 1];
    if (npc && response?.available) this.drill.respond(npc.id, response.id);
  }
}
