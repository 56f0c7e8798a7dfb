import Phaser from 'phaser';
import type { WorkIntent } from '../net/DrillConnection.js';
import { getLocale } from '../i18n/locale.js';
import { RedrawGate } from './RedrawGate.js';

/**
 * A desk of a room's own work (the board, the inbox, the hotline, the floor): a layer of game
 * objects drawn again only when what it shows, the language or one of the desk's own choices (a
 * tab, a page, a picked ticket) changed, and the way to send the room's moves.
 */
export abstract class WorkDesk extends Phaser.GameObjects.Container {
  protected readonly content: Phaser.GameObjects.Container;
  private readonly drawn = new RedrawGate();
  private again: (() => void) | null = null;

  constructor(
    scene: Phaser.Scene,
    protected readonly send: (intent: WorkIntent) => void,
  ) {
    super(scene, 0, 0);
    this.content = scene.add.container(0, 0);
    this.add(this.content);
    scene.add.existing(this);
  }

  /**
   * Called by the desk's `render`: `again` renders the same inputs once more (after a choice of
   * the desk's own); `draw` lays the desk out afresh, when any of `inputs` or the language changed.
   */
  protected drawWhenChanged(again: () => void, inputs: readonly unknown[], draw: () => void): void {
    this.again = again;
    if (!this.drawn.changed([...inputs, getLocale()])) return;
    this.content.removeAll(true);
    draw();
  }

  /** One of the desk's own choices changed: draw again with the inputs last given. */
  protected refresh(): void {
    this.again?.();
  }

  /** Adds a game object to the desk's layer and returns it. */
  protected put<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.content.add(o);
    return o;
  }
}
