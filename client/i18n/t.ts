import type { Locale } from '../../shared/i18n/text.js';
import { isMessageKey, translate, type MessageKey, type Params, type ParamsOf, type PluralKey } from '../../shared/i18n/translate.js';
import { getLocale } from './locale.js';

export type StringKey = MessageKey;
export type { Params };
type Args<K extends StringKey> = K extends PluralKey ? [params: Params & { readonly count: number }, locale?: Locale] : [params?: Params, locale?: Locale];

/**
 * A UI string in the current language (or the one given), from the one catalogue
 * (shared/i18n/catalogue.ts). A plural entry needs its `count`.
 */
export function t<K extends StringKey>(key: K, ...args: Args<K>): string {
  const [params, locale = getLocale()] = args as [Params | undefined, Locale | undefined];
  return translate(key, locale, ...([params] as ParamsOf<K>));
}

/** A string whose key is built at run time (a refusal code, a skill); the fallback if there is none. */
export function tOr(key: string, fallback: string, params?: Params): string {
  return isMessageKey(key) ? translate(key, getLocale(), params as never) : fallback;
}
