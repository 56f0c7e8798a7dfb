import Phaser from 'phaser';
import { Button } from './Button.js';
import { BADGE_HEIGHT, BADGE_WIDTH, claimBadge, type ClaimStatus } from './claimBadge.js';
import { addText } from './text.js';
import { CSS } from './theme.js';

/** One line of a list: a choice to click (with `onPick`), or text to read. */
export interface Choice {
  testId: string;
  label: string;
  badge?: ClaimStatus;
  selected?: boolean;
  enabled?: boolean;
  onPick?: () => void;
}

export interface Column {
  x: number;
  y: number;
  width: number;
  bottom: number;
}

const GAP = 6;

/**
 * Lays choices down a column from `start`, each wrapped to the column's width (never cut), until
 * the next would pass `bottom`; returns the index after the last one drawn (at least one is) and
 * the y below it. What does not fit is for the next page (see Pager).
 */
export function drawChoices(container: Phaser.GameObjects.Container, choices: readonly Choice[], start: number, column: Column, size = 13): { end: number; y: number } {
  const scene = container.scene;
  let y = column.y;
  let i = start;
  for (; i < choices.length; i++) {
    const choice = choices[i]!;
    const x = choice.badge ? column.x + BADGE_WIDTH + 8 : column.x;
    const width = column.x + column.width - x;
    const drawn: Phaser.GameObjects.GameObject[] = [];
    let height: number;
    if (choice.onPick) {
      const button = new Button(scene, x, y, choice.label, choice.testId, choice.onPick, { width, height: 34, tone: 'choice', size, wrap: true, align: 'left' });
      button.setSelected(choice.selected ?? false).setEnabled(choice.enabled ?? true);
      drawn.push(button);
      height = button.buttonHeight;
    } else {
      const text = addText(scene, x, y + 3, choice.label, { size, width, color: CSS.ink });
      drawn.push(text);
      height = text.height + 6;
    }
    if (choice.badge) drawn.push(claimBadge(scene, column.x, y + Math.max(0, Math.min(6, (height - BADGE_HEIGHT) / 2)), choice.badge));
    if (y + height > column.bottom && i > start) {
      drawn.forEach((o) => o.destroy());
      break;
    }
    drawn.forEach((o) => container.add(o));
    y += height + GAP;
  }
  return { end: i, y };
}
