import { DEFAULT_LOCALE, LOCALES, type Locale, type Text } from '../../shared/i18n/text.js';

/** The player's language, remembered in localStorage so the next visit opens in it. */
const STORAGE_KEY = 'crisisDrill.locale';
const listeners = new Set<(locale: Locale) => void>();

function stored(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

let current: Locale = stored();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  if (globalThis.document) document.documentElement.lang = locale;
  for (const listener of listeners) listener(locale);
}

/** Calls back on every change of language; returns the function that stops it. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A scenario line in the current language. */
export function pickText(text: Text): string {
  return text[current];
}
