import type Phaser from 'phaser';
import type { ScoreChange } from '../view/scoreChange.js';
import { addText } from './text.js';
import { CSS, DEPTH } from './theme.js';

const WIDTH = 340;
const LIFE_MS = 3800;

/** Labels still on screen, per scene, so a new one finds a free place instead of covering them. */
const active = new WeakMap<Phaser.Scene, { x: number; y: number; h: number; until: number }[]>();

function freeY(scene: Phaser.Scene, left: number, y: number, height: number): number {
  const now = scene.time.now;
  const boxes = (active.get(scene) ?? []).filter((b) => b.until > now);
  active.set(scene, boxes);
  // Step upwards past the labels in the way; with no room left above, overlap rather than cover
  // what lies below (the answers).
  let top = y;
  for (let tries = 0; tries < 8; tries++) {
    const clash = boxes.find((b) => Math.abs(b.x - left) < WIDTH && top < b.y + b.h && b.y < top + height);
    if (!clash) break;
    top = clash.y - height - 4;
  }
  if (top < 64) top = Math.max(64, y);
  boxes.push({ x: left, y: top, h: height, until: now + LIFE_MS });
  return top;
}

/**
 * A score change floats up from where it happened (over the person it was about, or over the
 * dialogue for the player's own answer) with its cause in words, so cause and effect are seen
 * together during play. Labels make room for each other.
 */
export function floatScore(scene: Phaser.Scene, x: number, y: number, change: ScoreChange): void {
  const color = change.delta > 0 ? '#1f7a45' : change.delta < 0 ? '#b22f2f' : CSS.ink;
  const left = Math.min(Math.max(x - WIDTH / 2, 8), 960 - WIDTH - 8);
  const label = addText(scene, left, 0, change.headline, { size: 15, bold: true, color, width: WIDTH, maxLines: 2 });
  const by = addText(scene, left, 0, change.byline, { size: 12, color: CSS.inkSoft, width: WIDTH, maxLines: 1 });
  const top = freeY(scene, left, y, label.height + by.height + 8);
  label.setY(top);
  by.setY(top + label.height + 4);
  for (const text of [label, by]) {
    text.setBackgroundColor('#fffdf6ee').setPadding(6, 2, 6, 2).setDepth(DEPTH.floating).setAlpha(0);
    scene.tweens.add({
      targets: text,
      alpha: { from: 0, to: 1 },
      y: text.y - 20,
      duration: 400,
      ease: 'Cubic.easeOut',
      onComplete: () => scene.tweens.add({ targets: text, alpha: 0, y: text.y - 16, delay: 2800, duration: 600, onComplete: () => text.destroy() }),
    });
  }
}

/** A change made elsewhere: a small "+2" leaves its meter (the cause is in the log below it). */
export function pipScore(scene: Phaser.Scene, x: number, y: number, change: ScoreChange): void {
  const pip = addText(scene, x, y, change.deltaLabel, { size: 16, bold: true, color: change.delta >= 0 ? '#7ee2a0' : '#ff9b8f' })
    .setOrigin(1, 0.5)
    .setDepth(DEPTH.floating);
  scene.tweens.add({ targets: pip, x: x - 40, alpha: 0, duration: 1400, ease: 'Cubic.easeOut', onComplete: () => pip.destroy() });
}
