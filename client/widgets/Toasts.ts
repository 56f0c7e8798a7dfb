import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { testLog } from '../game/testHooks.js';
import type { Notice } from '../view/notices.js';
import { addArt } from './art.js';
import { addText } from './text.js';
import { COLORS, CSS, DEPTH } from './theme.js';

const TONE_COLOR: Record<Notice['tone'], number> = { info: COLORS.gold, good: COLORS.green, bad: COLORS.red, memo: COLORS.teal };
const TONE_ICON: Record<Notice['tone'], string> = { info: tex.icon('bell'), good: tex.icon('check'), bad: tex.icon('cross'), memo: tex.icon('memo') };
const LIFE_MS = 6000;
const MAX = 2;

/**
 * Notifications (injects, memos, hints, duties) as cards that slide in and fade. Two at most, so
 * they do not bury the room: each room puts them where its own picture has least to say.
 */
export class Toasts {
  private readonly cards: Phaser.GameObjects.Container[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly centerX: number,
    private readonly top: number,
    private readonly width = 560,
    /** Stack upwards from `top` (the bottom edge) instead of downwards. */
    private readonly fromBottom = false,
  ) {}

  show(notice: Notice): void {
    testLog.notice(notice.body ? `${notice.title} — ${notice.body}` : notice.title);
    const scene = this.scene;
    const card = scene.add.container(this.centerX - this.width / 2, this.top - (this.fromBottom ? 60 : 0)).setDepth(DEPTH.toast);
    const title = addText(scene, 56, 10, notice.title, { size: 16, bold: true, color: CSS.paper, width: this.width - 70, maxLines: 2 });
    const body = notice.body ? addText(scene, 56, 14 + title.height, notice.body, { size: 14, color: CSS.muted, width: this.width - 70, maxLines: 3 }) : null;
    const height = Math.max(52, 22 + title.height + (body ? body.height + 4 : 0));
    card.add(scene.add.rectangle(0, 0, this.width, height, COLORS.ink, 0.95).setOrigin(0).setRounded(10).setStrokeStyle(2, TONE_COLOR[notice.tone]));
    card.add(scene.add.rectangle(0, 0, 8, height, TONE_COLOR[notice.tone]).setOrigin(0));
    card.add(addArt(scene, 32, height / 2, TONE_ICON[notice.tone], 32));
    card.add(title);
    if (body) card.add(body);
    card.setSize(this.width, height);
    this.cards.unshift(card);
    while (this.cards.length > MAX) this.cards.pop()!.destroy();
    this.layout();
    card.setAlpha(0).x -= 40;
    scene.tweens.add({ targets: card, alpha: 1, x: card.x + 40, duration: 220, ease: 'Cubic.easeOut' });
    scene.time.delayedCall(LIFE_MS, () => this.dismiss(card));
  }

  private dismiss(card: Phaser.GameObjects.Container): void {
    if (!card.active) return;
    this.scene.tweens.add({
      targets: card,
      alpha: 0,
      duration: 300,
      onComplete: () => {
        this.cards.splice(this.cards.indexOf(card), 1);
        card.destroy();
        this.layout();
      },
    });
  }

  private layout(): void {
    let y = this.top;
    for (const card of this.cards) {
      if (this.fromBottom) y -= card.height;
      this.scene.tweens.add({ targets: card, y, duration: 180 });
      y += this.fromBottom ? -8 : card.height + 8;
    }
  }
}
