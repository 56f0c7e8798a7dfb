import Phaser from 'phaser';
import { RENDER_SCALE } from '../game/renderScale.js';
import { FONT_STACK } from '../text/fontStack.js';
import { clampLines, wrapCjk } from '../text/wrapCjk.js';
import { CSS } from './theme.js';

export interface TextOptions {
  size?: number;
  color?: string;
  bold?: boolean;
  /** Wrap to this width with the CJK-aware breaker. */
  width?: number;
  align?: 'left' | 'center' | 'right';
  lineSpacing?: number;
  maxLines?: number;
}

/**
 * All text goes through here: the CJK font stack, a texture at screen resolution (sharp after
 * the camera zoom) and, given a width, the wrapper that breaks Chinese between characters.
 */
export function addText(scene: Phaser.Scene, x: number, y: number, content: string, options: TextOptions = {}): Phaser.GameObjects.Text {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT_STACK,
    fontSize: `${options.size ?? 16}px`,
    fontStyle: options.bold ? 'bold' : 'normal',
    color: options.color ?? CSS.ink,
    align: options.align ?? 'left',
    lineSpacing: options.lineSpacing ?? Math.round((options.size ?? 16) * 0.3),
    resolution: RENDER_SCALE,
    maxLines: options.maxLines ?? 0,
  };
  if (options.width) {
    const width = options.width;
    style.wordWrap = {
      callback: (text: string, object: Phaser.GameObjects.Text) => {
        const measure = (s: string) => object.context.measureText(s).width;
        return clampLines(wrapCjk(text, width, measure), options.maxLines ?? 0, width, measure);
      },
    };
  }
  return scene.add.text(x, y, content, style);
}
