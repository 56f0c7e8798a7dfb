import i18next from 'i18next';
import { CATALOGUE, type Entry, type MessageKey, type PluralKey } from './catalogue.js';
import { DEFAULT_LOCALE, LOCALES, type Locale, type Text } from './text.js';

export type { MessageKey, PluralKey };
export type Param = string | number;
export type Params = Readonly<Record<string, Param>>;
/** The parameters a key takes: a plural entry needs its `count`. */
export type ParamsOf<K extends MessageKey, P = Params> = K extends PluralKey ? [params: P & { readonly count: number }] : [params?: P];

/**
 * The i18next resources of a catalogue: one flat object per language, a plural entry written as
 * i18next's `key_one`, `key_other` (the suffixes are the CLDR forms of Intl.PluralRules) and
 * i18next picks the form from `count`.
 */
export function resourcesOf(catalogue: Readonly<Record<string, Entry>>): Record<Locale, Record<string, string>> {
  const resources = Object.fromEntries(LOCALES.map((l) => [l, {} as Record<string, string>])) as Record<Locale, Record<string, string>>;
  for (const [key, entry] of Object.entries(catalogue)) {
    for (const locale of LOCALES) {
      const value = entry[locale];
      if (typeof value === 'string') resources[locale][key] = value;
      else {
        for (const [form, text] of Object.entries(value)) resources[locale][`${key}_${form}`] = text;
        // Asked for without a count (a run-time key), i18next falls back to the bare key: the
        // `other` form, its {count} left visible like any missing value.
        resources[locale][key] = value.other;
      }
    }
  }
  return resources;
}

const RESOURCES = resourcesOf(CATALOGUE);

/**
 * One i18next instance of its own (not the global one), ready when this module is loaded: both
 * languages are in memory, so init runs synchronously; no backend, no language detector (the
 * caller passes the locale). Keys are flat ("menu.join" is one key, not a path), placeholders are
 * `{name}`, and nothing is HTML-escaped here: the report escapes what it writes, Phaser text needs none.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: RESOURCES[l] }])),
  lng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  fallbackLng: false,
  load: 'currentOnly',
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
});
// `{name, lowercase}`: "Bot (Novice)" on a button, "(bot, novice)" inside a sentence, from one key.
i18n.services.formatter?.add('lowercase', (value: unknown, lng: string | undefined) => String(value).toLocaleLowerCase(lng));

/** Whether a key made at run time (a refusal code, a skill) is in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE, key);
}

/**
 * A message in one language with its `{name}` placeholders filled. A `count` parameter also picks
 * the plural form. A placeholder with no value is left visible rather than silently dropped.
 */
export function translate<K extends MessageKey>(key: K, locale: Locale, ...[params = {}]: ParamsOf<K>): string {
  // Values go in `replace`, so that a parameter can never be read as an i18next option (lng, ns…).
  const count = typeof params.count === 'number' ? { count: params.count } : {};
  return i18n.t(key, { lng: locale, replace: params, ...count });
}

/** A message in both languages; a Text parameter gives each language its own words. */
export function translateBoth<K extends MessageKey>(key: K, ...[params = {}]: ParamsOf<K, Readonly<Record<string, Param | Text>>>): Text {
  const inLocale = (locale: Locale) => [Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[locale] : value]))] as ParamsOf<K>;
  return { 'zh-CN': translate(key, 'zh-CN', ...inLocale('zh-CN')), en: translate(key, 'en', ...inLocale('en')) };
}
