import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { t } from '../i18n/t.js';
import type { ConsoleModel } from '../view/consoleModel.js';
import { addArt } from './art.js';
import { Button } from './Button.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';
import { RedrawGate } from './RedrawGate.js';

export const SIDE = { width: 448, scoresHeight: 150, postsHeight: 232 } as const;

export interface PostActions {
  post(action: 'free' | 'takeOver' | 'release', post: string): void;
}

function barColor(value: number): number {
  return value < 30 ? COLORS.red : value < 50 ? COLORS.orange : value < 65 ? COLORS.gold : COLORS.green;
}

/**
 * The console's right column: the six live scores with the team total, and every post with who
 * holds it (trainee, bot or the trainer), whether they are connected, and free / take over /
 * hand back.
 */
export class ConsoleSide extends Phaser.GameObjects.Container {
  private readonly scoresDrawn = new RedrawGate();
  private readonly postsDrawn = new RedrawGate();
  private readonly scores: Phaser.GameObjects.Container;
  private readonly posts: Phaser.GameObjects.Container;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly actions: PostActions,
  ) {
    super(scene, x, y);
    this.scores = scene.add.container(0, 0);
    this.posts = scene.add.container(0, SIDE.scoresHeight + 8);
    this.add([this.scores, this.posts]);
    scene.add.existing(this);
  }

  render(model: ConsoleModel, locale: string): void {
    // The console model keeps the identity of what did not change (TrainerConsole.model).
    if (this.scoresDrawn.changed([model.scores, model.total, locale])) this.drawScores(model);
    if (this.postsDrawn.changed([model.posts, model.phase, locale])) this.drawPosts(model);
  }

  private drawScores(model: ConsoleModel): void {
    const s = this.scene;
    const c = this.scores;
    c.removeAll(true);
    c.add(s.add.rectangle(0, 0, SIDE.width, SIDE.scoresHeight, COLORS.ink, 0.96).setOrigin(0).setRounded(12));
    c.add(addText(s, 14, 10, t('console.scores'), { size: 16, bold: true, color: CSS.paper }));
    c.add(addText(s, SIDE.width - 14, 4, model.total.toFixed(1), { size: 28, bold: true, color: CSS.gold }).setOrigin(1, 0).setName('consoleTotal'));
    c.add(addText(s, SIDE.width - 80, 12, t('hud.total'), { size: 14, color: CSS.gold }).setOrigin(1, 0));
    model.scores.forEach((score, i) => {
      const x = 10 + (i % 2) * 218;
      const y = 44 + Math.floor(i / 2) * 34;
      c.add(addArt(s, x + 12, y + 12, tex.icon(score.dim), 22));
      c.add(addText(s, x + 28, y, score.label, { size: 13, color: CSS.paper, width: 150, maxLines: 1 }));
      c.add(addText(s, x + 204, y, String(Math.round(score.value)), { size: 14, bold: true, color: CSS.paper }).setOrigin(1, 0));
      c.add(s.add.rectangle(x + 28, y + 20, 176, 6, 0x3b4a6b).setOrigin(0).setRounded(3));
      c.add(s.add.rectangle(x + 28, y + 20, Math.max(2, (176 * score.value) / 100), 6, barColor(score.value)).setOrigin(0).setRounded(3));
    });
  }

  private drawPosts(model: ConsoleModel): void {
    const s = this.scene;
    const c = this.posts;
    c.removeAll(true);
    c.add(s.add.rectangle(0, 0, SIDE.width, SIDE.postsHeight, COLORS.paper, 0.97).setOrigin(0).setRounded(12));
    c.add(addText(s, 14, 8, t('console.posts'), { size: 16, bold: true }));
    const row = Math.min(48, Math.floor((SIDE.postsHeight - 36) / Math.max(1, model.posts.length)));
    model.posts.forEach((p, i) => {
      const y = 34 + i * row;
      const mine = p.kind === 'trainer';
      c.add(s.add.rectangle(8, y, SIDE.width - 16, row - 4, mine ? 0xfcefc7 : COLORS.white).setOrigin(0).setRounded(8).setStrokeStyle(1, mine ? COLORS.gold : 0xd8dee8));
      c.add(addArt(s, 26, y + (row - 4) / 2, tex.icon(p.kind === 'bot' ? 'bot' : 'person'), 22));
      c.add(addText(s, 44, y + 3, `${p.name} · ${p.roomName}`, { size: 14, bold: true, width: 260, maxLines: 1 }));
      const online = p.kind !== 'bot' && p.connected;
      const who = p.kind === 'bot' ? p.status : `${p.holder} · ${p.status}`;
      c.add(addText(s, 44, y + 22, who, { size: 13, color: online ? CSS.green : CSS.inkSoft, width: 260, maxLines: 1 }));
      const bx = SIDE.width - 112;
      const by = y + (row - 4) / 2 - 16;
      const opts = { width: 100, height: 32, size: 14 } as const;
      if (p.canFree) c.add(new Button(s, bx, by, t('console.free'), `console.free.${p.post}`, () => this.actions.post('free', p.post), { ...opts, tone: 'danger' }));
      else if (p.canTakeOver) c.add(new Button(s, bx, by, t('console.takeOver'), `console.takeOver.${p.post}`, () => this.actions.post('takeOver', p.post), { ...opts, tone: 'primary' }));
      else if (p.canRelease) c.add(new Button(s, bx, by, t('console.release'), `console.release.${p.post}`, () => this.actions.post('release', p.post), { ...opts, tone: 'secondary' }));
    });
  }
}
