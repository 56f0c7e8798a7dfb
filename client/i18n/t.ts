import type { Locale } from '../../shared/i18n/text.js';
import { getLocale } from './locale.js';
import { STRINGS, type StringKey } from './strings.js';

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a missing value is left visible rather than silently dropped. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A UI string in the current language (or the one given). */
export function t(key: StringKey, params?: Params, locale: Locale = getLocale()): string {
  return fill(STRINGS[key][locale], params);
}

/** A string whose key is built at run time (a refusal code, a skill); the fallback if there is none. */
export function tOr(key: string, fallback: string, params?: Params): string {
  return key in STRINGS ? t(key as StringKey, params) : fallback;
}
