import Phaser from 'phaser';
import { DIMENSION_COLORS, stepPoints } from '../../shared/debrief/chartPalette.js';
import type { DimensionResult } from '../../shared/debrief/schema.js';
import type { Locale } from '../../shared/i18n/text.js';
import { formatClockTime } from '../../shared/scenario/clockTime.js';
import type { Dimension } from '../../shared/scores/dimensions.js';
import { Button } from './Button.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

const hex = (css: string) => Number.parseInt(css.slice(1), 16);

/**
 * The score timeline: one step line per dimension over scenario time, 0–100, with a legend whose
 * entries show or hide their line. It draws the debrief's points and nothing else.
 */
export class ScoreChart extends Phaser.GameObjects.Container {
  private readonly lines = new Map<Dimension, Phaser.GameObjects.Graphics>();

  constructor(scene: Phaser.Scene, x: number, y: number, width: number, height: number, dimensions: DimensionResult[], clock: { start: number; end: number }, locale: Locale) {
    super(scene, x, y);
    const plot = { left: 44, top: 12, right: width - 60, bottom: height - 96 };
    const span = Math.max(60, clock.end - clock.start);
    const px = (at: number) => plot.left + ((at - clock.start) / span) * (plot.right - plot.left);
    const py = (value: number) => plot.bottom - (value / 100) * (plot.bottom - plot.top);

    this.add(scene.add.rectangle(0, 0, width, height, COLORS.paper, 0.97).setOrigin(0).setRounded(14));
    const grid = scene.add.graphics();
    grid.lineStyle(1, COLORS.paperDim, 1);
    for (const v of [0, 25, 50, 75, 100]) {
      grid.lineBetween(plot.left, py(v), plot.right, py(v));
      this.add(addText(scene, plot.left - 8, py(v) - 8, String(v), { size: 12, color: CSS.inkSoft }).setOrigin(1, 0));
    }
    const hours = [];
    for (let t = Math.ceil(clock.start / 3600) * 3600; t <= clock.end; t += 3600) hours.push(t);
    for (const t of [clock.start, ...hours.filter((h) => h > clock.start + 900 && h < clock.end - 900), clock.end]) {
      grid.lineBetween(px(t), plot.bottom, px(t), plot.bottom + 4);
      this.add(addText(scene, px(t), plot.bottom + 6, formatClockTime(t), { size: 12, color: CSS.inkSoft }).setOrigin(0.5, 0));
    }
    this.add(grid);

    for (const d of dimensions) {
      const color = hex(DIMENSION_COLORS[d.dim]);
      const g = scene.add.graphics();
      g.lineStyle(3, color, 1);
      const points = stepPoints(d.points).map((p) => new Phaser.Math.Vector2(px(p.at), py(p.value)));
      g.strokePoints(points, false);
      const last = points.at(-1)!;
      g.fillStyle(color, 1).fillCircle(last.x, last.y, 4);
      this.add(g);
      this.add(addText(scene, last.x + 6, last.y - 8, String(d.final), { size: 12, bold: true, color: DIMENSION_COLORS[d.dim] }));
      this.lines.set(d.dim, g);
    }

    // Legend: two rows of three, each entry a toggle for its line.
    dimensions.forEach((d, i) => {
      const lx = 16 + (i % 3) * ((width - 32) / 3);
      const ly = height - 72 + Math.floor(i / 3) * 34;
      const button = new Button(scene, lx, ly, `${d.label[locale]} ${d.baseline}→${d.final}`, `debrief.chart.${d.dim}`, () => this.toggle(d.dim, button), { width: (width - 32) / 3 - 8, height: 30, tone: 'choice', size: 13, align: 'left' });
      button.add(scene.add.rectangle(6, 15, 6, 18, hex(DIMENSION_COLORS[d.dim])).setOrigin(0, 0.5));
      this.add(button);
    });
    scene.add.existing(this);
  }

  private toggle(dim: Dimension, button: Button): void {
    const line = this.lines.get(dim)!;
    line.setVisible(!line.visible);
    button.setAlpha(line.visible ? 1 : 0.5);
  }
}
