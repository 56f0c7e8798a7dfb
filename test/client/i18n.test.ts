import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/text.js';
import { REJECTION_CODES } from '../../shared/protocol/rejections.js';
import { SKILLS } from '../../shared/bots/skill.js';
import { STRINGS } from '../../client/i18n/strings.js';
import { fill, t, tOr } from '../../client/i18n/t.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI string table', () => {
  it('has every key in both languages, none blank', () => {
    for (const [key, text] of Object.entries(STRINGS)) {
      for (const locale of LOCALES) expect(text[locale]?.trim(), `${key} in ${locale}`).toBeTruthy();
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(STRINGS)) expect(placeholders(text['zh-CN']), key).toEqual(placeholders(text.en));
  });

  it('writes the Chinese side in Chinese (no English left untranslated)', () => {
    const entries: [string, { 'zh-CN': string; en: string }][] = Object.entries(STRINGS);
    const untranslated = entries.filter(([, text]) => text['zh-CN'] === text.en && /[a-z]{3}/i.test(text.en));
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });

  it('has a message for every refusal code the server can send', () => {
    for (const code of REJECTION_CODES) expect(STRINGS, code).toHaveProperty(`rejection.${code}`);
  });

  it('names every bot skill and every room type', () => {
    for (const skill of SKILLS) expect(STRINGS).toHaveProperty(`skill.${skill}`);
    for (const type of ['lobby', 'phone', 'newsroom', 'ops']) expect(STRINGS).toHaveProperty(`roomType.${type}`);
  });
});

describe('t', () => {
  it('fills placeholders and picks the language asked for', () => {
    expect(t('name.tooLong', { max: 24 }, 'en')).toBe('Use at most 24 characters');
    expect(t('name.tooLong', { max: 24 }, 'zh-CN')).toBe('名字最多 24 个字符');
  });

  it('leaves a placeholder with no value visible rather than dropping it', () => {
    expect(fill('Memo from {room}', {})).toBe('Memo from {room}');
  });

  it('falls back for keys built at run time that do not exist', () => {
    expect(tOr('rejection.no-such-code', 'server said no')).toBe('server said no');
  });
});
