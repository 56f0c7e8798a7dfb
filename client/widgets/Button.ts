import Phaser from 'phaser';
import { registerClickable } from '../game/testHooks.js';
import { addText, fitLine } from './text.js';
import { COLORS, CSS } from './theme.js';

export type ButtonTone = 'primary' | 'secondary' | 'danger' | 'ghost' | 'choice';

export interface ButtonOptions {
  width: number;
  height?: number;
  tone?: ButtonTone;
  size?: number;
  /** Wrap the label within the button (for long dialogue answers). */
  wrap?: boolean;
  align?: 'left' | 'center';
  icon?: string;
}

/** The least room kept between a fitted label and the button's edge. */
const FIT_PADDING = 6;

const TONES: Record<ButtonTone, { fill: number; hover: number; text: string; stroke: number }> = {
  primary: { fill: COLORS.teal, hover: 0x0b6a69, text: CSS.white, stroke: 0x0b5f5e },
  secondary: { fill: COLORS.paper, hover: 0xe9e2d2, text: CSS.ink, stroke: 0x8aa0bf },
  danger: { fill: COLORS.red, hover: 0xbb3a3a, text: CSS.white, stroke: 0xa83232 },
  ghost: { fill: COLORS.ink2, hover: 0x3b5080, text: CSS.white, stroke: 0x4a5f8f },
  choice: { fill: COLORS.white, hover: 0xe4f3f1, text: CSS.ink, stroke: 0x9fb4c8 },
};

/**
 * A clickable label: rounded box, optional icon, enabled/disabled and selected states. It calls
 * back on click and knows nothing else; it registers itself for the browser tests under `testId`.
 */
export class Button extends Phaser.GameObjects.Container {
  private readonly box: Phaser.GameObjects.Rectangle;
  private readonly text: Phaser.GameObjects.Text;
  private readonly tone: ButtonTone;
  /** The whole label, even when the button shows it shortened. */
  private label: string;
  private readonly fit: ((text: Phaser.GameObjects.Text) => void) | undefined;
  private isEnabled = true;
  private isSelected = false;
  private readonly unregister: () => void;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    label: string,
    readonly testId: string,
    private readonly onClick: () => void,
    options: ButtonOptions,
  ) {
    super(scene, x, y);
    this.tone = options.tone ?? 'primary';
    const size = options.size ?? 18;
    const padX = 14;
    const iconSpace = options.icon ? 34 : 0;
    const width = options.width;
    this.text = addText(scene, 0, 0, label, {
      size,
      color: TONES[this.tone].text,
      bold: this.tone !== 'choice',
      width: options.wrap ? width - padX * 2 - iconSpace : undefined,
      align: options.align ?? 'center',
    });
    this.label = label;
    // A label that does not wrap is fitted to one line of the button; it may come closer to
    // the edges than the usual padding before it shrinks.
    this.fit = options.wrap ? undefined : (text) => fitLine(text.setFontSize(size), width - FIT_PADDING * 2 - iconSpace, size);
    this.fit?.(this.text);
    const height = Math.max(options.height ?? 44, this.text.height + 16);
    this.box = scene.add.rectangle(0, 0, width, height, TONES[this.tone].fill).setOrigin(0).setRounded(Math.min(10, height / 2));
    this.box.setStrokeStyle(2, TONES[this.tone].stroke);
    const left = options.align === 'left';
    this.text.setOrigin(left ? 0 : 0.5, 0.5).setPosition(left ? padX + iconSpace : width / 2 + iconSpace / 2, height / 2);
    this.add(this.box);
    if (options.icon) this.add(scene.add.image(padX + 12, height / 2, options.icon).setDisplaySize(26, 26));
    this.add(this.text);
    this.setSize(width, height);

    this.box.setInteractive({ useHandCursor: true });
    this.box.on('pointerover', () => this.paint(true));
    this.box.on('pointerout', () => this.paint(false));
    this.box.on('pointerup', () => {
      if (this.isEnabled && this.visibleInScene()) this.onClick();
    });
    this.unregister = registerClickable({
      testId: () => testId,
      object: this.box,
      label: () => this.label,
      enabled: () => this.isEnabled && this.visibleInScene(),
      overflows: () => this.text.displayWidth > this.box.width,
      selected: () => this.isSelected,
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.unregister());
    scene.add.existing(this);
  }

  get buttonHeight(): number {
    return this.box.height;
  }

  setLabel(label: string): this {
    this.label = label;
    this.text.setText(label);
    this.fit?.(this.text);
    return this;
  }

  setEnabled(enabled: boolean): this {
    this.isEnabled = enabled;
    this.setAlpha(enabled ? 1 : 0.45);
    if (this.box.input) this.box.input.cursor = enabled ? 'pointer' : 'default';
    return this;
  }

  setSelected(selected: boolean): this {
    this.isSelected = selected;
    this.paint(false);
    return this;
  }

  private paint(hover: boolean): void {
    const tone = TONES[this.tone];
    const fill = this.isSelected ? COLORS.gold : hover && this.isEnabled ? tone.hover : tone.fill;
    this.box.setFillStyle(fill);
    this.box.setStrokeStyle(this.isSelected ? 3 : 2, this.isSelected ? 0xb07d0b : tone.stroke);
  }

  /** Hidden parents or a sleeping scene make a button unclickable, whatever its own flag says. */
  private visibleInScene(): boolean {
    let node: Phaser.GameObjects.Container | null = this;
    while (node) {
      if (!node.visible || node.alpha === 0) return false;
      node = node.parentContainer;
    }
    return this.scene?.sys.isActive() === true;
  }
}
