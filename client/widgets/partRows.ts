import type Phaser from 'phaser';
import { Button } from './Button.js';

/** One part of a form (an element of a statement, a field of a report) with what it holds so far. */
export interface PartRow {
  id: string;
  testId: string;
  label: string;
  state: string;
}

const ROW = 44;

/**
 * The left column of a form: one row per part, the open one marked; clicking a row opens its
 * choices in the pane beside it. Returns the y below the rows.
 */
export function drawPartRows(container: Phaser.GameObjects.Container, rows: readonly PartRow[], open: string, at: { x: number; y: number; width: number }, onOpen: (id: string) => void): number {
  let y = at.y;
  for (const row of rows) {
    const button = new Button(container.scene, at.x, y, `${row.label} · ${row.state}`, row.testId, () => onOpen(row.id), { width: at.width, height: ROW - 6, tone: 'secondary', size: 14, align: 'left' });
    container.add(button.setSelected(row.id === open));
    y += Math.max(ROW, button.buttonHeight + 6);
  }
  return y;
}
