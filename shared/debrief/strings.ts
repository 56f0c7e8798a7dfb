import type { Text } from '../i18n/text.js';
import { translate, translateBoth, type MessageKey, type Param, type ParamsOf } from '../i18n/translate.js';

/**
 * The debrief's sentences are the `debrief.*` entries of the one catalogue
 * (shared/i18n/catalogue.ts). Scenario text (names, answers, notes, procedures) is never written
 * there: it comes from the scenario file, and is passed in as a Text parameter.
 */
export type SayValue = Param | Text;

/** A message in both languages; a Text value gives each language its own words. */
export function say<K extends MessageKey>(key: K, ...params: ParamsOf<K, Readonly<Record<string, SayValue>>>): Text {
  return translateBoth(key, ...params);
}

/** The same words in both languages (a number, a time). */
export function same(value: string): Text {
  return { 'zh-CN': value, en: value };
}

/** Joins lines with the list separator of each language. */
export function joinTexts(items: readonly Text[]): Text {
  const sep = { 'zh-CN': translate('debrief.list.sep', 'zh-CN'), en: translate('debrief.list.sep', 'en') };
  return { 'zh-CN': items.map((t) => t['zh-CN']).join(sep['zh-CN']), en: items.map((t) => t.en).join(sep.en) };
}

export function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}
