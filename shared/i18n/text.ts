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

/**
 * Makes a line safe to put inside “…”: its own double quotes become single ones (‘…’), as
 * Chinese and English typesetting both nest them, instead of a doubled “““.
 */
export function nestQuotes(line: string): string {
  return line.replace(/“/g, '‘').replace(/”/g, '’');
}

/** nestQuotes for both languages of a line. */
export function nestQuotesIn(text: Text): Text {
  return { 'zh-CN': nestQuotes(text['zh-CN']), en: nestQuotes(text.en) };
}
