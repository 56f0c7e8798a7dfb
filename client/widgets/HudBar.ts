import Phaser from 'phaser';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import type { DrillView } from '../view/viewModel.js';
import { addArt } from './art.js';
import { Button } from './Button.js';
import { roomIcon } from './roomIcon.js';
import { languageToggle } from './languageToggle.js';
import { addText } from './text.js';
import { COLORS, CSS, DEPTH } from './theme.js';

/** Speeds the clock control steps through: the flagship's own ×12, then faster for quiet spells. */
export const SPEED_STEPS = [12, 30, 60, 120, 300, 600];

export interface HudActions {
  clock(action: 'pause' | 'resume' | 'speed', speed?: number): void;
  end(): void;
  /** The trainer goes back to the console. */
  console?(): void;
}

/**
 * The top bar: which room and post, the drill clock (HH:MM), paused or running, and for whoever
 * controls the clock (trainer or solo player) pause, resume, speed and, for the trainer, end.
 */
export class HudBar extends Phaser.GameObjects.Container {
  private readonly title: Phaser.GameObjects.Text;
  private readonly subtitle: Phaser.GameObjects.Text;
  private readonly icon: Phaser.GameObjects.Image;
  private readonly clockText: Phaser.GameObjects.Text;
  private readonly phaseText: Phaser.GameObjects.Text;
  private controls: Button[] = [];
  private controlsKey = '';
  private language: Button | null = null;

  constructor(
    scene: Phaser.Scene,
    private readonly actions: HudActions,
  ) {
    super(scene, 0, 0);
    this.setDepth(DEPTH.ui);
    this.add(scene.add.rectangle(0, 0, 1280, 56, COLORS.ink).setOrigin(0));
    this.add(scene.add.rectangle(0, 54, 1280, 2, COLORS.gold, 0.8).setOrigin(0));
    this.icon = addArt(scene, 30, 28, roomIcon('lobby'), 38);
    this.title = addText(scene, 58, 5, '', { size: 19, bold: true, color: CSS.paper, width: 430, maxLines: 1 });
    this.subtitle = addText(scene, 58, 30, '', { size: 14, color: CSS.muted, width: 430, maxLines: 1 });
    this.clockText = addText(scene, 590, 28, '--:--', { size: 34, bold: true, color: CSS.gold }).setOrigin(0.5);
    this.phaseText = addText(scene, 660, 28, '', { size: 14, bold: true, color: CSS.paper }).setOrigin(0, 0.5);
    this.add([this.icon, this.title, this.subtitle, this.clockText, this.phaseText]);
    scene.add.existing(this);
  }

  render(view: DrillView): void {
    const locale = getLocale();
    const room = view.rooms.find((r) => r.viewing);
    this.icon.setTexture(roomIcon(room?.type ?? 'lobby'));
    this.title.setText(room?.name[locale] ?? '');
    const viewedSeat = view.seats.find((s) => s.post === view.panel?.post);
    this.subtitle.setText(
      view.me.isTrainer
        ? `${t('hud.trainerView')} · ${viewedSeat?.name[locale] ?? ''}${viewedSeat?.kind === 'bot' ? t('hud.bot') : viewedSeat?.kind === 'trainer' ? ` · ${t('seat.trainer')}` : viewedSeat?.holder ? ` · ${viewedSeat.holder}` : ''}`
        : t('hud.you', { post: view.me.postName?.[locale] ?? '' }),
    );
    this.clockText.setText(view.clockLabel);
    const phase = view.phase === 'paused' ? t('hud.paused') : view.phase === 'lobby' ? t('hud.lobby') : `×${view.speed}`;
    this.phaseText.setText(phase).setColor(view.phase === 'paused' ? CSS.red : CSS.muted);
    this.renderControls(view);
  }

  /** Ending a drill for the whole class cannot be undone, so it takes a second click within three seconds. */
  private endButton(): Button {
    let armed = false;
    const button: Button = new Button(
      this.scene,
      958,
      8,
      t('hud.end'),
      'hud.end',
      () => {
        if (armed) return this.actions.end();
        armed = true;
        button.setLabel(t('hud.endConfirm'));
        this.scene.time.delayedCall(3000, () => {
          armed = false;
          if (button.active) button.setLabel(t('hud.end'));
        });
      },
      { width: 110, height: 40, tone: 'danger', size: 14 },
    );
    return button;
  }

  private renderControls(view: DrillView): void {
    const key = [view.me.canControlClock, view.me.isTrainer, view.phase, view.speed, getLocale()].join('|');
    if (key === this.controlsKey) return;
    this.controlsKey = key;
    for (const b of this.controls) b.destroy();
    this.controls = [];
    this.language?.destroy();
    this.language = languageToggle(this.scene, 1176, 10);
    this.add(this.language);
    if (!view.me.canControlClock || (view.phase !== 'running' && view.phase !== 'paused')) return;
    const paused = view.phase === 'paused';
    this.controls.push(new Button(this.scene, 730, 8, paused ? t('hud.resume') : t('hud.pause'), 'hud.pause', () => this.actions.clock(paused ? 'resume' : 'pause'), { width: 92, height: 40, tone: paused ? 'primary' : 'ghost', size: 15 }));
    const next = SPEED_STEPS.find((s) => s > view.speed) ?? SPEED_STEPS[0]!;
    this.controls.push(new Button(this.scene, 830, 8, t('hud.speed', { speed: next }), 'hud.speed', () => this.actions.clock('speed', next), { width: 120, height: 40, tone: 'ghost', size: 15 }));
    if (view.me.isTrainer) this.controls.push(this.endButton());
    const toConsole = this.actions.console;
    if (view.me.role === 'trainer' && toConsole) this.controls.push(new Button(this.scene, 1074, 8, t('console.toConsole'), 'hud.console', () => toConsole(), { width: 96, height: 40, tone: 'primary', size: 14 }));
    for (const b of this.controls) this.add(b);
  }
}
