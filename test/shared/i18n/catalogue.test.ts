import { describe, expect, it } from 'vitest';
import { SKILLS } from '../../../shared/bots/skill.js';
import { CATALOGUE, type Entry, type PluralForms } from '../../../shared/i18n/catalogue.js';
import { LOCALES, type Locale } from '../../../shared/i18n/text.js';
import { isMessageKey, resourcesOf, translate, translateBoth, type MessageKey } from '../../../shared/i18n/translate.js';
import { REJECTION_CODES } from '../../../shared/protocol/rejections.js';

const entries = Object.entries(CATALOGUE) as [MessageKey, Entry][];
const isPlural = (entry: Entry): entry is { [l in Locale]: PluralForms } => typeof entry.en !== 'string';
/** Every text of an entry in one language: the string, or each plural form. */
const textsOf = (entry: Entry, locale: Locale): string[] => {
  const value = entry[locale];
  return typeof value === 'string' ? [value] : Object.values(value);
};
/** `{name}` and `{name, format}` both name the value `name`. */
const placeholders = (s: string) => [...s.matchAll(/\{\s*(\w+)\s*(?:,[^}]*)?\}/g)].map((m) => m[1]!).sort();
const formats = (s: string) => [...s.matchAll(/\{\s*\w+\s*,([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((f) => f.trim()));
const paramsFor = (entry: Entry, count: number) => Object.fromEntries(placeholders(textsOf(entry, 'en')[0]!).map((name) => [name, name === 'count' ? count : `<${name}>`]));

describe('the message catalogue', () => {
  it('has every key in both languages, none blank', () => {
    for (const [key, entry] of entries) {
      for (const locale of LOCALES) {
        expect(entry[locale], `${key} in ${locale}`).toBeDefined();
        for (const text of textsOf(entry, locale)) expect(text.trim(), `${key} in ${locale}`).toBeTruthy();
      }
    }
  });

  it('uses the same placeholders in both languages and in every plural form', () => {
    for (const [key, entry] of entries) {
      const expected = placeholders(textsOf(entry, 'en')[0]!);
      for (const locale of LOCALES) for (const text of textsOf(entry, locale)) expect(placeholders(text), `${key} in ${locale}: ${text}`).toEqual(expected);
    }
  });

  it('gives every plural entry exactly the forms its language has (Chinese: other; English: one, other)', () => {
    const plurals = entries.filter(([, entry]) => isPlural(entry));
    expect(plurals.length).toBeGreaterThan(10);
    for (const [key, entry] of plurals) {
      for (const locale of LOCALES) {
        const value = entry[locale];
        expect(typeof value, `${key} in ${locale}: both languages are plural`).toBe('object');
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        expect(Object.keys(value).sort(), `${key} in ${locale}`).toEqual([...needed].sort());
      }
    }
    expect(new Intl.PluralRules('zh-CN').resolvedOptions().pluralCategories).toEqual(['other']);
  });

  it('makes every message that shows a {count} a plural entry, and only those', () => {
    for (const [key, entry] of entries) expect(isPlural(entry), key).toBe(textsOf(entry, 'en').some((s) => placeholders(s).includes('count')));
  });

  it('uses only the formats the formatter knows', () => {
    const used = new Set(entries.flatMap(([, entry]) => LOCALES.flatMap((l) => textsOf(entry, l).flatMap(formats))));
    expect([...used]).toEqual(['lowercase']);
  });

  it('writes the Chinese side in Chinese (no English left untranslated)', () => {
    const words = (s: string) => s.replace(/\{[^}]*\}/g, '');
    const untranslated = entries.filter(([, entry]) => textsOf(entry, 'zh-CN').some((zh) => textsOf(entry, 'en').includes(zh) && /[a-z]{3}/i.test(words(zh))));
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });

  it('namespaces the report and the debrief sentences', () => {
    const namespaces = new Set(entries.map(([key]) => key.split('.')[0]));
    for (const ns of ['report', 'debrief', 'quality', 'skill', 'menu', 'rejection']) expect(namespaces).toContain(ns);
    // i18next reads these as flat keys: no key may look like a plural or context form of another.
    for (const [key] of entries) expect(key, key).not.toMatch(/_(zero|one|two|few|many|other)$/);
  });

  it('has a message for every refusal code the server can send', () => {
    for (const code of REJECTION_CODES) expect(isMessageKey(`rejection.${code}`), code).toBe(true);
  });

  it('names every bot skill and every room type', () => {
    for (const skill of SKILLS) expect(isMessageKey(`skill.${skill}`), skill).toBe(true);
    for (const type of ['lobby', 'phone', 'newsroom', 'ops']) expect(isMessageKey(`roomType.${type}`), type).toBe(true);
  });

  it('resolves every key through i18next in both languages, every placeholder filled', () => {
    for (const [key, entry] of entries) {
      for (const locale of LOCALES) {
        for (const count of [0, 1, 2, 5]) {
          const text = translate(key, locale, paramsFor(entry, count) as never);
          expect(text, `${key} in ${locale}`).not.toBe(key);
          expect(placeholders(text), `${key} in ${locale}: ${text}`).toEqual([]);
        }
      }
    }
  });

  it('becomes i18next resources with the plural suffixes', () => {
    const resources = resourcesOf(CATALOGUE);
    expect(resources.en['debrief.moreCauses_one']).toBe('{count} more effect');
    expect(resources.en['debrief.moreCauses_other']).toBe('{count} more effects');
    expect(resources['zh-CN']['debrief.moreCauses_other']).toBe('还有 {count} 条影响');
    expect(Object.hasOwn(resources['zh-CN'], 'debrief.moreCauses_one')).toBe(false);
    expect(resources.en['menu.join']).toBe('Join');
    // Without a count (a key made at run time) the bare key gives the `other` form, {count} visible.
    expect(resources.en['debrief.moreCauses']).toBe('{count} more effects');
  });
});

describe('translate', () => {
  it('fills placeholders and picks the language asked for', () => {
    expect(translate('name.tooLong', 'en', { max: 24 })).toBe('Use at most 24 characters');
    expect(translate('name.tooLong', 'zh-CN', { max: 24 })).toBe('名字最多 24 个字符');
  });

  it('picks the plural form from the count', () => {
    expect(translate('debrief.moreCauses', 'en', { count: 1 })).toBe('1 more effect');
    expect(translate('debrief.moreCauses', 'en', { count: 2 })).toBe('2 more effects');
    expect(translate('debrief.moreCauses', 'en', { count: 0 })).toBe('0 more effects');
    expect(translate('debrief.moreCauses', 'zh-CN', { count: 1 })).toBe('还有 1 条影响');
    expect(translate('report.surveyCount', 'en', { count: 1 })).toBe('1 trainee answered');
    expect(translate('report.surveyCount', 'en', { count: 3 })).toBe('3 trainees answered');
    expect(translate('debrief.waiting.title', 'en', { room: 'Phone queue', count: 1 })).toBe('In Phone queue, 1 person gave up waiting');
    expect(translate('hud.waiting', 'en', { count: 1 })).toBe('1 waiting');
  });

  it('leaves a placeholder with no value visible rather than dropping it', () => {
    expect(translate('toast.memoFrom', 'en', {})).toBe('Memo from {room}');
  });

  it('inserts values as they are: no escaping, no second round of placeholders or nesting', () => {
    const hostile = '<b>{room}</b> $t(menu.join) {{x}} & “quoted”';
    expect(translate('toast.memoFrom', 'en', { room: hostile })).toBe(`Memo from ${hostile}`);
  });

  it('never reads a parameter as an i18next option', () => {
    expect(translate('name.tooLong', 'en', { max: 24, lng: 'zh-CN', ns: 'other', defaultValue: 'x' })).toBe('Use at most 24 characters');
  });

  it('gives both languages at once, a Text parameter in each its own words', () => {
    const post = { 'zh-CN': '公关专员', en: 'PR officer' };
    expect(translateBoth('debrief.who.bot', { post, skill: translateBoth('skill.expert') })).toEqual({ 'zh-CN': '公关专员（机器人·专家）', en: 'PR officer (bot, expert)' });
    expect(translateBoth('skill.expert')).toEqual({ 'zh-CN': '专家', en: 'Expert' });
  });
});
