import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t, tOr } from '../i18n/t.js';
import type { Refusal } from '../net/DrillConnection.js';
import { loadSeat } from '../net/savedSeat.js';
import { testLog } from '../game/testHooks.js';
import { toConsoleModel, type ConsoleModel } from '../view/consoleModel.js';
import { shareEqual } from '../view/shareEqual.js';
import { addArt } from '../widgets/art.js';
import { Button } from '../widgets/Button.js';
import { ConsoleControls, CONTROLS } from '../widgets/ConsoleControls.js';
import { ConsoleRoomCard, ROOM_CARD } from '../widgets/ConsoleRoomCard.js';
import { ConsoleSide } from '../widgets/ConsoleSide.js';
import { languageToggle } from '../widgets/languageToggle.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { attachChat, hasChat } from './chatLoader.js';
import { DrillScene } from './DrillScene.js';
import { SCENES } from './sceneKeys.js';

const TOP = 64;

/**
 * The trainer's screen while a drill runs: every room at a glance, the live scores, who holds each
 * post, and every control (clock, injects, deadlines, hints, posts, the end). The trainer can open
 * any room to look closer (its top bar has the way back). What the server refuses is said here,
 * with its reason, on the status line.
 */
export class TrainerConsole extends DrillScene {
  private cards: ConsoleRoomCard[] = [];
  private side!: ConsoleSide;
  private controls!: ConsoleControls;
  private clockText!: Phaser.GameObjects.Text;
  private phaseText!: Phaser.GameObjects.Text;
  private titleText!: Phaser.GameObjects.Text;
  private playingText!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private statusBox!: Phaser.GameObjects.Rectangle;
  private chrome: Phaser.GameObjects.GameObject[] = [];
  /** The ref of the last command and what it was, to match a refusal to it. */
  private pending = new Map<number, string>();
  private lastModel: ConsoleModel | null = null;

  constructor() {
    super(SCENES.TrainerConsole);
  }

  create(): void {
    const view = this.openDrill();
    if (!view) return;
    const drill = this.drill;
    this.pending.clear();
    this.lastModel = null;
    this.add.rectangle(0, 0, 1280, 720, COLORS.night).setOrigin(0);
    this.add.rectangle(0, 0, 1280, 56, COLORS.ink).setOrigin(0);
    this.add.rectangle(0, 54, 1280, 2, COLORS.gold, 0.8).setOrigin(0);
    addArt(this, 30, 28, tex.icon('incident-board'), 38);
    this.titleText = addText(this, 58, 5, '', { size: 19, bold: true, color: CSS.paper, width: 470, maxLines: 1 });
    this.playingText = addText(this, 58, 30, '', { size: 14, color: CSS.muted, width: 470, maxLines: 1 });
    this.clockText = addText(this, 640, 28, '--:--', { size: 34, bold: true, color: CSS.gold }).setOrigin(0.5);
    this.phaseText = addText(this, 712, 28, '', { size: 15, bold: true, color: CSS.paper }).setOrigin(0, 0.5);

    this.cards = view.rooms.slice(0, 4).map((_, i) => new ConsoleRoomCard(this, 12 + (i % 2) * (ROOM_CARD.width + 8), TOP + Math.floor(i / 2) * (ROOM_CARD.height + 8), (post) => drill.watchPost(post)));
    this.side = new ConsoleSide(this, 820, TOP, { post: (action, post) => this.command(drill.post(action, post), t(`console.${action}`)) });
    this.controls = new ConsoleControls(this, 12, 462, {
      clock: (action, speed) => this.command(drill.clock(action, speed), speed ? `×${speed}` : t(`console.${action}` as 'console.pause')),
      inject: (id, title) => this.command(drill.inject(id), title),
      extend: (expected, minutes, title) => this.command(drill.extendDeadline(expected, minutes), `${title} ${t('console.minutes', { minutes })}`),
      hint: (post, text, label) => this.command(drill.hint(post, text), t('console.hintSent', { post: label })),
      end: () => this.command(drill.endDrill(), t('console.end')),
    });
    // Every channel of the team chat, live, and a line into any of them: over the scores and posts when open.
    if (hasChat(view)) attachChat(this, drill, { frame: { x: 820, y: TOP, width: 448, height: 390 }, toggle: { x: 840, y: 8, width: 150 }, tabsPerRow: 4 });
    this.statusBox = this.add.rectangle(12, 462 + CONTROLS.height + 4, CONTROLS.width, 24, COLORS.ink2, 0).setOrigin(0).setRounded(6);
    this.status = addText(this, 22, 462 + CONTROLS.height + 7, '', { size: 14, bold: true, color: CSS.paper, width: 1230, maxLines: 1 });

    this.whileRunning(
      drill.on('view', () => this.render()),
      drill.on('events', () => this.render()),
      drill.on('rejected', (r) => this.refused(r)),
      onLocaleChange(() => this.render(true)),
    );
    this.render(true);
  }

  /**
   * The console's model, rebuilt from the view each time but keeping the identity of every part
   * that did not change, so each widget redraws only when its own part did.
   */
  private model(): ConsoleModel | null {
    const view = this.drill.view;
    if (!view) return null;
    this.lastModel = shareEqual(this.lastModel, toConsoleModel({ view, history: this.drill.history, injects: this.drill.injects, locale: getLocale() }));
    return this.lastModel;
  }

  private render(relabel = false): void {
    const model = this.model();
    if (!model) return;
    const locale = getLocale();
    if (relabel) this.drawChrome();
    this.titleText.setText(`${t('console.title')} · ${model.title}`);
    const playing = model.posts.find((p) => p.post === model.playing);
    this.playingText.setText([t('console.code', { code: model.codeLabel }), playing ? t('console.youPlay', { post: playing.name }) : ''].filter(Boolean).join(' · '));
    this.clockText.setText(model.clockLabel);
    const paused = model.phase === 'paused';
    this.phaseText.setText(paused ? t('hud.paused') : model.phase === 'lobby' ? t('hud.lobby') : `×${model.speed}`).setColor(paused ? CSS.red : CSS.muted);
    model.rooms.forEach((room, i) => this.cards[i]?.render(room, locale));
    this.side.render(model, locale);
    this.controls.render(model, locale);
  }

  /** The top bar's buttons, redrawn when the language changes. */
  private drawChrome(): void {
    this.chrome.forEach((o) => o.destroy());
    this.chrome = [
      new Button(this, 1000, 9, t('console.presenter'), 'console.presenter', () => this.openPresenter(), { width: 168, height: 38, tone: 'ghost', size: 15 }),
      languageToggle(this, 1176, 10),
    ];
  }

  /**
   * The presenter view opens in a second window (to drag onto the projector). It joins the drill
   * as a spectator with the trainer key, which travels in the address's #fragment: the fragment is
   * never sent to a server, and the presenter page removes it from the address bar at once.
   */
  private openPresenter(): void {
    const key = loadSeat()?.trainerKey;
    if (!key) return this.say(t('presenter.noKey'), false);
    window.open(`${location.pathname}?presenter=${encodeURIComponent(this.drill.code)}#${encodeURIComponent(key)}`, '_blank', 'noopener');
  }

  private command(ref: number, what: string): void {
    this.pending.set(ref, what);
    this.say(t('console.sent', { what }), true);
  }

  private refused(r: Refusal): void {
    // The chat panel says why a line was refused, under its own field.
    if (r.type === 'chat') return;
    const what = r.ref !== null ? this.pending.get(r.ref) : undefined;
    const reason = tOr(`rejection.${r.code}`, r.reason);
    this.say(t('console.refused', { reason: what ? `${what} — ${reason}` : reason }), false);
  }

  private say(text: string, ok: boolean): void {
    testLog.notice(text);
    this.status.setText(text).setColor(ok ? CSS.paper : '#ffb4a8');
    this.statusBox.setFillStyle(ok ? COLORS.ink2 : 0x5a1f24, 1);
  }
}
