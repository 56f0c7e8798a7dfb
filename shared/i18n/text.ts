import { z } from 'zod';

/** The languages every player-visible line must exist in. zh-CN is the default for the bank users. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const line = z.string().trim().min(1, 'must not be empty');

/** A line a player can see, in both languages: a missing translation is a load error, not a blank. */
export const TextSchema = z.strictObject({ 'zh-CN': line, en: line });
export type Text = z.infer<typeof TextSchema>;

export function pick(text: Text, locale: Locale): string {
  return text[locale];
}
