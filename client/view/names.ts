import type { Text } from '../../shared/i18n/text.js';
import { isMessageKey, translateBoth } from '../../shared/i18n/translate.js';

/**
 * A readable stand-in for an id the server sent no title for ("activate-emergency" →
 * "Activate emergency"), in both languages, so the screen never shows a blank.
 */
export function humanize(id: string): Text {
  const words = id.replace(/[-_]+/g, ' ').trim();
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return { 'zh-CN': label, en: label };
}

/** The generic name of a room type, for rooms whose scenario title is not known. */
export function roomTypeName(type: string): Text {
  const key = `roomType.${type}`;
  return isMessageKey(key) ? translateBoth(key) : humanize(type);
}
