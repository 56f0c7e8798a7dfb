import type Phaser from 'phaser';

/**
 * Every clickable widget registers here under a stable test id ("menu.solo", "response.<id>",
 * "npc.<id>"), so browser tests can find it and click it with a real mouse event at its place on
 * the page. Nothing here clicks anything.
 */
export interface Clickable {
  /** The test id; a function because a row on a board changes who it stands for. */
  testId(): string;
  readonly object: Phaser.GameObjects.GameObject & { getBounds(): Phaser.Geom.Rectangle };
  label(): string;
  enabled(): boolean;
  /** Whether the label is drawn wider than the widget (a label that does not fit). */
  overflows?(): boolean;
}

const registered = new Set<Clickable>();

export function registerClickable(item: Clickable): () => void {
  registered.add(item);
  return () => registered.delete(item);
}

export function clickables(): Clickable[] {
  return [...registered];
}
