import Phaser from 'phaser';
import { RENDER_SCALE } from '../game/renderScale.js';
import { getLocale, onLocaleChange } from '../i18n/locale.js';
import { fontStackFor } from '../../shared/i18n/fontStack.js';
import { clampLines, ELLIPSIS, wrapCjk } from '../text/wrapCjk.js';
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
 * All text goes through here: the font stack of the current language, a texture at screen resolution (sharp after
 * the camera zoom) and, given a width, the wrapper that breaks Chinese between characters.
 */
export function addText(scene: Phaser.Scene, x: number, y: number, content: string, options: TextOptions = {}): Phaser.GameObjects.Text {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: fontStackFor(getLocale()),
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
  const text = scene.add.text(x, y, content, style);
  // A text kept on screen across a change of language (a heading whose words are swapped)
  // takes the new language's fonts too.
  const stop = onLocaleChange((locale) => text.active && text.setFontFamily(fontStackFor(locale)));
  text.once(Phaser.GameObjects.Events.DESTROY, stop);
  return text;
}

/** A label may shrink to this share of its font size before it is cut. */
const MIN_FIT_SCALE = 0.8;

/**
 * Makes a one-line text fit `maxWidth`: first a smaller font (down to 80% of `size`), then the
 * end cut off with an ellipsis. English labels run much longer than Chinese ones in the same box.
 */
export function fitLine(text: Phaser.GameObjects.Text, maxWidth: number, size: number): void {
  if (text.width <= maxWidth) return;
  text.setFontSize(Math.max(Math.ceil(size * MIN_FIT_SCALE), Math.floor((size * maxWidth) / text.width)));
  if (text.width <= maxWidth) return;
  const full = [...text.text];
  const cut = (n: number) => full.slice(0, n).join('').trimEnd() + ELLIPSIS;
  // The longest start of the label that fits with the ellipsis (each try re-measures the text).
  let fits = 0;
  let tooLong = full.length;
  while (tooLong - fits > 1) {
    const mid = (fits + tooLong) >> 1;
    if (text.setText(cut(mid)).width <= maxWidth) fits = mid;
    else tooLong = mid;
  }
  text.setText(cut(fits));
}
