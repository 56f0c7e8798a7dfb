import Phaser from 'phaser';
import { t } from '../i18n/t.js';
import type { ScoreChange } from '../view/scoreChange.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

/** The latest score changes with their causes, newest first: the running "why" beside the meters. */
export class ScoreLog extends Phaser.GameObjects.Container {
  private readonly entries: Phaser.GameObjects.Container;
  private readonly title: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly logWidth: number,
    private readonly logHeight: number,
  ) {
    super(scene, x, y);
    this.add(scene.add.rectangle(0, 0, logWidth, logHeight, COLORS.ink, 0.94).setOrigin(0).setRounded(12));
    this.title = addText(scene, 12, 8, t('hud.changes'), { size: 15, bold: true, color: CSS.gold });
    this.entries = scene.add.container(0, 0);
    this.add([this.title, this.entries]);
    scene.add.existing(this);
  }

  render(changes: ScoreChange[]): void {
    this.title.setText(t('hud.changes'));
    this.entries.removeAll(true);
    let y = 34;
    if (changes.length === 0) {
      this.entries.add(addText(this.scene, 12, y, t('hud.noChanges'), { size: 13, color: CSS.muted }));
      return;
    }
    let first = true;
    for (const change of [...changes].reverse()) {
      const color = change.delta > 0 ? '#7ee2a0' : change.delta < 0 ? '#ff9b8f' : CSS.paper;
      const head = addText(this.scene, 12, y, change.headline, { size: 13, color, width: this.logWidth - 24, maxLines: 2 });
      const by = addText(this.scene, 12, y + head.height, change.byline, { size: 11, color: CSS.muted, width: this.logWidth - 24, maxLines: 1 });
      if (y + head.height + by.height > this.logHeight - 6) {
        head.destroy();
        by.destroy();
        break;
      }
      this.entries.add([head, by]);
      if (first) this.scene.tweens.add({ targets: [head, by], alpha: { from: 0.2, to: 1 }, x: { from: 30, to: 12 }, duration: 350 });
      first = false;
      y += head.height + by.height + 6;
    }
  }
}
