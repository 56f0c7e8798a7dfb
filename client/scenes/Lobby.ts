import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t, tOr } from '../i18n/t.js';
import type { DrillView, SeatView } from '../view/viewModel.js';
import { addArt } from '../widgets/art.js';
import { Button } from '../widgets/Button.js';
import { languageToggle } from '../widgets/languageToggle.js';
import { roomIcon } from '../widgets/roomIcon.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { Toasts } from '../widgets/Toasts.js';
import { DrillScene } from './DrillScene.js';
import { SCENES } from './sceneKeys.js';
import { backToMenu } from './sceneRouter.js';
import { RedrawGate } from '../widgets/RedrawGate.js';

/**
 * Before the start: the join code (large, for the trainer to read out), the briefing, every post
 * with who holds it, taking and releasing posts, ready, and the trainer's Start.
 */
export class Lobby extends DrillScene {
  private content!: Phaser.GameObjects.Container;
  private toasts!: Toasts;
  private readonly drawn = new RedrawGate();

  constructor() {
    super(SCENES.Lobby);
  }

  create(): void {
    // The lobby draws nothing until the first state, rather than leaving the drill.
    this.openDrill(true);
    if (!this.drill) return;
    const drill = this.drill;
    this.drawn.reset();
    addArt(this, 640, 360, tex.menu);
    this.add.rectangle(0, 0, 1280, 720, COLORS.night, 0.55).setOrigin(0);
    this.content = this.add.container(0, 0);
    this.toasts = new Toasts(this, 640, 20);
    this.whileRunning(
      drill.on('view', () => this.render()),
      drill.on('rejected', (r) => this.toasts.show({ tone: 'bad', title: t('toast.refused'), body: tOr(`rejection.${r.code}`, r.reason) })),
      onLocaleChange(() => this.render(true)),
    );
    this.render();
  }

  private render(force = false): void {
    const view = this.drill.view;
    if (!view) return;
    // The state changes ten times a second while people join; redraw only what would look different.
    if (!this.drawn.changed([view.seats, view.unseated, view.me, view.phase, view.scenario.title !== null]) && !force) return;
    this.content.removeAll(true);
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.content.add(o), o);
    const locale = getLocale();

    add(addText(this, 60, 36, t('lobby.title'), { size: 34, bold: true, color: CSS.paper }));
    add(languageToggle(this, 1124, 40));
    const modeLine = [t(`mode.${view.mode}`), view.scenario.title?.[locale], view.team ? t('lobby.team', { team: view.team }) : ''].filter(Boolean).join(' · ');
    add(addText(this, 62, 84, modeLine, { size: 18, color: CSS.muted, width: 1150 }));

    let y = 130;
    if (view.mode !== 'solo') {
      add(this.add.rectangle(60, y, 560, 150, COLORS.ink, 0.92).setOrigin(0).setRounded(16));
      add(addText(this, 84, y + 16, t('lobby.codeLabel'), { size: 18, color: CSS.muted }));
      add(addText(this, 340, y + 74, view.codeLabel, { size: 64, bold: true, color: CSS.gold }).setOrigin(0.5).setName('joinCode'));
      add(addText(this, 84, y + 116, t('lobby.codeHint'), { size: 15, color: CSS.muted }));
      y += 170;
    }
    add(this.add.rectangle(60, y, 560, 690 - y, COLORS.paper, 0.97).setOrigin(0).setRounded(16));
    add(addText(this, 84, y + 16, t('lobby.briefing'), { size: 20, bold: true }));
    const briefing = view.scenario.briefing?.[locale] ?? '';
    const text = add(addText(this, 84, y + 50, briefing, { size: 16, width: 512, lineSpacing: 6, maxLines: Math.floor((690 - y - 70) / 24) }));
    const mine = view.seats.find((s) => s.mine);
    const room = 690 - (text.y + text.height + 24);
    if (mine?.brief && room > 80) {
      add(addText(this, 84, text.y + text.height + 20, t('hud.you', { post: mine.name[locale] }), { size: 18, bold: true, color: CSS.teal }));
      add(addText(this, 84, text.y + text.height + 50, mine.brief[locale], { size: 16, width: 512, lineSpacing: 6, maxLines: Math.floor((room - 40) / 24) }));
    }

    add(this.add.rectangle(660, 130, 560, 560, COLORS.paper, 0.97).setOrigin(0).setRounded(16));
    add(addText(this, 684, 146, t('lobby.posts'), { size: 20, bold: true }));
    // Posts are data: a scenario with more of them gets narrower rows rather than an overflow.
    const rowHeight = Math.min(84, Math.floor(400 / Math.max(1, view.seats.length)));
    view.seats.forEach((seat, i) => this.seatRow(seat, view, 684, 186 + i * rowHeight, rowHeight).forEach(add));
    if (view.unseated.length > 0) add(addText(this, 684, 190 + view.seats.length * rowHeight, t('lobby.unseated', { names: view.unseated.join('、') }), { size: 15, color: CSS.inkSoft, width: 510, maxLines: 1 }));
    this.actions(view).forEach(add);
  }

  private seatRow(seat: SeatView, view: DrillView, x: number, y: number, height: number): Phaser.GameObjects.GameObject[] {
    const locale = getLocale();
    const out: Phaser.GameObjects.GameObject[] = [];
    out.push(this.add.rectangle(x - 8, y - 6, 528, height - 8, seat.mine ? 0xfcefc7 : COLORS.white).setOrigin(0).setRounded(10).setStrokeStyle(2, seat.mine ? COLORS.gold : 0xd8dee8));
    out.push(addArt(this, x + 22, y + 32, roomIcon(seat.roomType), 40));
    out.push(addText(this, x + 52, y + 4, seat.name[locale] + (seat.mine ? t('lobby.you') : ''), { size: 18, bold: true, width: 300, maxLines: 1 }));
    const holder =
      seat.kind === 'trainer'
        ? t('seat.trainer')
        : seat.kind === 'human'
        ? `${seat.holder} · ${seat.connected ? (seat.ready ? t('lobby.ready') : t('lobby.notReady')) : t('lobby.away')}`
        : t('lobby.bot', { skill: tOr(`skill.${seat.skill}`, seat.skill) });
    out.push(addArt(this, x + 62, y + 46, tex.icon(seat.kind === 'human' ? 'person' : 'bot'), 20));
    out.push(addText(this, x + 78, y + 36, holder, { size: 16, color: seat.kind === 'human' && seat.ready ? CSS.green : CSS.inkSoft, width: 290, maxLines: 1 }));
    if (view.me.role === 'player' && view.mode !== 'solo') {
      if (seat.mine) out.push(new Button(this, x + 400, y + 10, t('lobby.release'), `lobby.release.${seat.post}`, () => this.drill.releaseSeat(seat.post), { width: 112, height: 44, tone: 'secondary', size: 16 }));
      else if (seat.takeable) out.push(new Button(this, x + 400, y + 10, t('lobby.take'), `lobby.take.${seat.post}`, () => this.drill.takeSeat(seat.post), { width: 112, height: 44, size: 16 }));
    }
    return out;
  }

  private actions(view: DrillView): Phaser.GameObjects.GameObject[] {
    const out: Phaser.GameObjects.GameObject[] = [];
    const y = 630;
    out.push(new Button(this, 684, y, t('lobby.leave'), 'lobby.leave', () => void this.leave(), { width: 120, tone: 'secondary' }));
    if (view.me.isTrainer) {
      out.push(new Button(this, 820, y, t('lobby.start'), 'lobby.start', () => this.drill.clock('start'), { width: 380 }));
    } else if (view.mode === 'solo') {
      out.push(new Button(this, 820, y, t('lobby.startSolo'), 'lobby.start', () => this.drill.setReady(true), { width: 380 }).setEnabled(view.me.post !== null));
    } else if (view.me.post) {
      const ready = view.me.ready;
      out.push(new Button(this, 820, y, ready ? t('lobby.unsetReady') : t('lobby.setReady'), 'lobby.ready', () => this.drill.setReady(!ready), { width: 180, tone: ready ? 'secondary' : 'primary' }));
      out.push(addText(this, 1012, y + 4, view.mode === 'training' ? t('lobby.waitTrainer') : t('lobby.waitTeam'), { size: 15, color: CSS.inkSoft, width: 200 }));
    } else {
      out.push(addText(this, 820, y + 10, t('lobby.pickPost'), { size: 17, color: CSS.red }));
    }
    return out;
  }

  private async leave(): Promise<void> {
    await this.drill.leave();
    backToMenu(this.game);
  }
}
