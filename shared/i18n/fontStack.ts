import type { Locale } from './text.js';

/**
 * System fonts that carry Simplified Chinese on each platform, in order of preference: Noto/Source
 * Han (Linux, Debian's fonts-noto-cjk, Android), PingFang and Hiragino (macOS, iOS), Microsoft
 * YaHei (Windows), WenQuanYi (older Linux). Nothing is downloaded: a CJK web font would cost
 * megabytes, and every desktop the bank uses already has one of these.
 */
const CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei"';

/** Latin system fonts on each platform (Arial is Liberation Sans on Debian), then DejaVu, which fontconfig always has. */
const LATIN_FONTS = '"Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans"';

/**
 * The font stack for text in a language. Chinese text takes its letters and punctuation from the
 * CJK font. English text takes them from a Latin font first: a CJK font draws curly quotes
 * full-width, which leaves gaps around every quotation in English. Chinese names inside English
 * text still fall back to the CJK fonts.
 */
export function fontStackFor(locale: Locale): string {
  return locale === 'en' ? `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif` : `${CJK_FONTS}, sans-serif`;
}
