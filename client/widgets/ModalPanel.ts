import Phaser from 'phaser';
import { t } from '../i18n/t.js';
import { Button } from './Button.js';
import { RedrawGate } from './RedrawGate.js';
import { addText } from './text.js';
import { COLORS, DEPTH } from './theme.js';

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Nearly the whole world: the room's work panels need the room for long lines in both languages. */
export const WIDE_FRAME: Frame = { x: 24, y: 16, width: 1232, height: 688 };

/**
 * A panel over the room (the statement desk, a review, a report, a claim picker): a shade that
 * swallows clicks meant for what is underneath, a framed sheet, a title and a close button. It
 * redraws only when the inputs its subclass gives `drawn` change.
 */
export abstract class ModalPanel extends Phaser.GameObjects.Container {
  protected readonly drawn = new RedrawGate();

  constructor(
    scene: Phaser.Scene,
    protected readonly frame: Frame,
    private readonly closeId: string,
  ) {
    super(scene, 0, 0);
    this.setDepth(DEPTH.modal).setVisible(false);
    scene.add.existing(this);
  }

  get isOpen(): boolean {
    return this.visible;
  }

  close(): void {
    this.setVisible(false);
    this.removeAll(true);
    this.drawn.reset();
  }

  /** Shows the panel; the next render draws whatever its inputs. */
  protected show(): void {
    this.setVisible(true);
    this.drawn.reset();
  }

  /** Clears the panel and draws its shade, sheet, title and close button; returns the y below the title. */
  protected drawFrame(title: string): number {
    this.removeAll(true);
    const { x, y, width, height } = this.frame;
    const scene = this.scene;
    this.add(scene.add.rectangle(0, 0, 1280, 720, COLORS.night, 0.6).setOrigin(0).setInteractive());
    this.add(scene.add.rectangle(x, y, width, height, COLORS.paper).setOrigin(0).setRounded(16).setStrokeStyle(3, COLORS.teal));
    this.add(addText(scene, x + 24, y + 18, title, { size: 20, bold: true, width: width - 200 }));
    this.add(new Button(scene, x + width - 140, y + 14, t('memo.close'), this.closeId, () => this.close(), { width: 116, height: 40, tone: 'secondary', size: 16 }));
    return y + 64;
  }

  protected put<T extends Phaser.GameObjects.GameObject>(object: T): T {
    this.add(object);
    return object;
  }
}
