import type Phaser from 'phaser';
import { t } from '../i18n/t.js';
import { Button } from './Button.js';

/** Which page of a list is shown: the start of every page seen so far, so "previous" goes back exactly. */
export class Pager {
  private starts = [0];

  get start(): number {
    return this.starts[this.starts.length - 1]!;
  }

  reset(): void {
    this.starts = [0];
  }

  /** Keeps the page inside a list that got shorter. */
  clamp(length: number): void {
    while (this.starts.length > 1 && this.start >= length) this.starts.pop();
  }

  /**
   * Adds "previous" and "next" buttons at (x, y) when the list is longer than a page (`end` is
   * the index after the last item shown); `redraw` runs after a turn of the page.
   */
  drawButtons(container: Phaser.GameObjects.Container, x: number, y: number, end: number, length: number, testId: string, redraw: () => void): void {
    const first = this.starts.length === 1;
    if (first && end >= length) return;
    const scene = container.scene;
    const previous = new Button(scene, x, y, t('pager.previous'), `${testId}.previous`, () => (this.starts.pop(), redraw()), { width: 96, height: 30, tone: 'secondary', size: 13 });
    const next = new Button(scene, x + 104, y, t('pager.next'), `${testId}.next`, () => (this.starts.push(end), redraw()), { width: 96, height: 30, tone: 'secondary', size: 13 });
    container.add(previous.setEnabled(!first));
    container.add(next.setEnabled(end < length));
  }
}
