import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { t, tOr } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { humanize } from '../view/names.js';
import { addArt } from '../widgets/art.js';
import { Button } from '../widgets/Button.js';
import { languageToggle } from '../widgets/languageToggle.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { DrillScene } from './DrillScene.js';
import { SCENES } from './sceneKeys.js';
import { backToMenu } from './sceneRouter.js';

const DUTY_ICON = { pending: 'pending', met: 'check', late: 'late', missed: 'cross', 'not-applicable': 'pending' } as const;

/** The end of a drill: how it ended, the final scores and the duties met, late and missed. */
export class Results extends DrillScene {
  private content!: Phaser.GameObjects.Container;

  constructor() {
    super(SCENES.Results);
  }

  create(): void {
    if (!this.openDrill()) return;
    const drill = this.drill;
    addArt(this, 640, 360, tex.menu);
    this.add.rectangle(0, 0, 1280, 720, COLORS.night, 0.6).setOrigin(0);
    this.content = this.add.container(0, 0);
    this.whileRunning(onLocaleChange(() => this.render()), drill.on('ended', () => this.render()));
    this.render();
  }

  private render(): void {
    const view = this.drill.view!;
    const ended = this.drill.ended;
    const locale = getLocale();
    this.content.removeAll(true);
    const add = <T extends Phaser.GameObjects.GameObject>(o: T) => (this.content.add(o), o);
    const failed = view.phase === 'failed';
    add(addText(this, 60, 36, failed ? t('results.failedTitle') : t('results.title'), { size: 36, bold: true, color: CSS.paper }));
    add(languageToggle(this, 1124, 40));
    add(addText(this, 62, 86, view.scenario.title?.[locale] ?? '', { size: 18, color: CSS.muted }));

    add(this.add.rectangle(60, 130, 560, 140, COLORS.paper, 0.97).setOrigin(0).setRounded(16));
    const endingId = ended?.ending.id ?? view.ending;
    const endingTitle = endingId ? (this.drill.scenario?.endings?.find((e) => e.id === endingId)?.title[locale] ?? humanize(endingId)[locale]) : '—';
    add(addText(this, 84, 148, t('results.ending', { ending: endingTitle }), { size: 22, bold: true, width: 510, maxLines: 2 }));
    if (ended) {
      add(addText(this, 84, 212, `${tOr(`reason.${ended.ending.reason}`, ended.ending.reason)} · ${t('results.endedAt', { time: clockLabel(ended.ending.at) })}`, { size: 16, color: CSS.inkSoft }));
      add(addText(this, 84, 238, ended.saved ? t('results.saved') : t('results.notSaved'), { size: 14, color: ended.saved ? CSS.green : CSS.red }));
    }

    add(this.add.rectangle(60, 290, 560, 330, COLORS.ink, 0.95).setOrigin(0).setRounded(16));
    add(addText(this, 84, 304, t('results.scores'), { size: 20, bold: true, color: CSS.gold }));
    const scores = ended ? view.scores.map((s) => ({ ...s, value: ended.scores[s.dim] ?? s.value })) : view.scores;
    scores.forEach((s, i) => {
      const y = 344 + i * 38;
      add(addArt(this, 100, y + 12, tex.icon(s.dim), 28));
      add(addText(this, 124, y, s.label[locale], { size: 16, color: CSS.paper }));
      add(this.add.rectangle(300, y + 12, 220, 10, 0x3b4a6b).setOrigin(0, 0.5).setRounded(5));
      const bar = add(this.add.rectangle(300, y + 12, 220, 10, s.value < 40 ? COLORS.red : s.value < 60 ? COLORS.gold : COLORS.green).setOrigin(0, 0.5).setRounded(5));
      bar.scaleX = 0.01;
      this.tweens.add({ targets: bar, scaleX: Math.max(0.01, s.value / 100), duration: 800, delay: i * 80, ease: 'Cubic.easeOut' });
      add(addText(this, 596, y, String(Math.round(s.value)), { size: 18, bold: true, color: CSS.paper }).setOrigin(1, 0));
    });
    const total = ended?.total ?? view.total;
    add(addText(this, 84, 578, t('hud.total'), { size: 20, bold: true, color: CSS.gold }));
    add(addText(this, 596, 568, total.toFixed(1), { size: 34, bold: true, color: CSS.gold }).setOrigin(1, 0));

    add(this.add.rectangle(660, 130, 560, 490, COLORS.paper, 0.97).setOrigin(0).setRounded(16));
    const count = (status: string) => view.duties.filter((d) => d.status === status).length;
    add(addText(this, 684, 148, t('results.duties', { met: count('met'), late: count('late'), missed: count('missed') }), { size: 18, bold: true, width: 510 }));
    view.duties.slice(0, 14).forEach((duty, i) => {
      const y = 190 + i * 30;
      add(addArt(this, 698, y + 11, tex.icon(DUTY_ICON[duty.status]), 22));
      add(addText(this, 716, y, duty.title[locale], { size: 15, width: 380, maxLines: 1 }));
      add(addText(this, 1200, y, t(`duty.${duty.status}`), { size: 14, bold: true, color: duty.status === 'met' ? CSS.green : duty.status === 'pending' ? CSS.inkSoft : CSS.red }).setOrigin(1, 0));
    });

    const replay = ended?.record && ended.reportToken ? { drill: ended.record, token: ended.reportToken } : null;
    const debrief = replay && { ...replay, post: view.me.role === 'player' ? view.me.post : null, trainer: view.me.isTrainer, name: this.playerName() };
    add(new Button(this, 660, 640, t('results.debrief'), 'results.debrief', () => debrief && this.scene.start(SCENES.Debrief, debrief), { width: 300, tone: 'secondary', size: 16 }).setEnabled(debrief !== null));
    add(new Button(this, 60, 640, t('results.replay'), 'results.replay', () => replay && this.scene.start(SCENES.Replay, replay), { width: 300, tone: 'secondary', size: 16 }).setEnabled(replay !== null));
    add(new Button(this, 980, 640, t('results.menu'), 'results.menu', () => void this.toMenu(), { width: 240 }));
  }

  /** The name on the player's seat (or the one typed on the menu), for the survey. */
  private playerName(): string {
    const view = this.drill.view!;
    const seat = view.seats.find((s) => s.post === view.me.post);
    return seat?.holder ?? localStorage.getItem('crisisDrill.name') ?? '';
  }

  private async toMenu(): Promise<void> {
    await this.drill.leave();
    backToMenu(this.game);
  }
}
