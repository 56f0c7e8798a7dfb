import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import type { ScoreView } from '../view/viewModel.js';
import { addArt } from './art.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

const ROW = 36;
const BAR = 250;

function barColor(value: number): number {
  return value < 30 ? COLORS.red : value < 50 ? COLORS.orange : value < 65 ? COLORS.gold : COLORS.green;
}

interface Row {
  label: Phaser.GameObjects.Text;
  value: Phaser.GameObjects.Text;
  fill: Phaser.GameObjects.Rectangle;
  flash: Phaser.GameObjects.Rectangle;
  current: number;
}

/** The six score meters and the team total; a meter flashes and slides when its score moves. */
export class ScoreBoard extends Phaser.GameObjects.Container {
  private readonly rows = new Map<string, Row>();
  private readonly totalText: Phaser.GameObjects.Text;
  private readonly totalLabel: Phaser.GameObjects.Text;
  private total = -1;

  constructor(scene: Phaser.Scene, x: number, y: number, scores: ScoreView[], readonly boardWidth = 304) {
    super(scene, x, y);
    this.add(scene.add.rectangle(0, 0, boardWidth, scores.length * ROW + 62, COLORS.ink, 0.94).setOrigin(0).setRounded(12));
    scores.forEach((s, i) => {
      const y0 = 8 + i * ROW;
      const flash = scene.add.rectangle(4, y0, boardWidth - 8, ROW - 2, COLORS.white, 0).setOrigin(0).setRounded(6);
      this.add(flash);
      this.add(addArt(scene, 22, y0 + ROW / 2, tex.icon(s.dim), 26));
      const label = addText(scene, 42, y0 + 2, s.label[getLocale()], { size: 14, color: CSS.paper });
      const value = addText(scene, boardWidth - 12, y0 + 2, '0', { size: 15, bold: true, color: CSS.paper }).setOrigin(1, 0);
      this.add(scene.add.rectangle(42, y0 + 24, BAR, 7, 0x3b4a6b).setOrigin(0).setRounded(3));
      const fill = scene.add.rectangle(42, y0 + 24, BAR, 7, COLORS.green).setOrigin(0).setRounded(3);
      this.add([label, value, fill]);
      this.rows.set(s.dim, { label, value, fill, flash, current: -1 });
    });
    const ty = 8 + scores.length * ROW + 6;
    this.totalLabel = addText(scene, 14, ty + 8, t('hud.total'), { size: 17, bold: true, color: CSS.gold });
    this.totalText = addText(scene, boardWidth - 12, ty, '0', { size: 30, bold: true, color: CSS.gold }).setOrigin(1, 0);
    this.add([this.totalLabel, this.totalText]);
    this.setScores(scores, 0, false);
    scene.add.existing(this);
  }

  get boardHeight(): number {
    return this.rows.size * ROW + 62;
  }

  relabel(scores: ScoreView[]): void {
    for (const s of scores) this.rows.get(s.dim)?.label.setText(s.label[getLocale()]);
    this.totalLabel.setText(t('hud.total'));
  }

  setScores(scores: ScoreView[], total: number, animate = true): void {
    for (const s of scores) {
      const row = this.rows.get(s.dim);
      if (!row || row.current === s.value) continue;
      const up = s.value > row.current;
      const first = row.current < 0;
      row.current = s.value;
      row.value.setText(String(Math.round(s.value)));
      const scale = Math.max(0.01, s.value / 100);
      row.fill.setFillStyle(barColor(s.value));
      if (animate && !first) {
        this.scene.tweens.add({ targets: row.fill, scaleX: scale, duration: 450, ease: 'Cubic.easeOut' });
        row.flash.setFillStyle(up ? COLORS.green : COLORS.red, 0.55);
        this.scene.tweens.add({ targets: row.flash, fillAlpha: 0, duration: 900 });
      } else {
        row.fill.scaleX = scale;
      }
    }
    if (total !== this.total) {
      this.total = total;
      this.totalText.setText(total.toFixed(1));
    }
  }

  /** Where a dimension's meter is on screen, for a floating label without an NPC to sit on. */
  anchorOf(dim: string): { x: number; y: number } {
    const index = [...this.rows.keys()].indexOf(dim);
    return { x: this.x + 20, y: this.y + 8 + Math.max(0, index) * ROW + ROW / 2 };
  }
}
