import { describe, expect, it } from 'vitest';
import { getLocale } from '../../client/i18n/locale.js';
import { t, tOr } from '../../client/i18n/t.js';
import { translate } from '../../shared/i18n/translate.js';

// The catalogue itself (both languages, placeholders, plural forms, refusal codes) is checked in
// test/shared/i18n/catalogue.test.ts; these are the client's wrappers around it.
describe('t', () => {
  it('fills placeholders and picks the language asked for', () => {
    expect(t('name.tooLong', { max: 24 }, 'en')).toBe('Use at most 24 characters');
    expect(t('name.tooLong', { max: 24 }, 'zh-CN')).toBe('名字最多 24 个字符');
  });

  it('uses the current language when none is given', () => {
    expect(t('menu.join')).toBe(translate('menu.join', getLocale()));
  });

  it('picks a plural form from the count', () => {
    expect(t('debrief.moreCauses', { count: 1 }, 'en')).toBe('1 more effect');
    expect(t('debrief.moreCauses', { count: 3 }, 'en')).toBe('3 more effects');
    expect(t('console.heat', { heat: 40, count: 1 }, 'en')).toBe('Heat 40 · 1 post out');
  });

  it('leaves a placeholder with no value visible rather than dropping it', () => {
    expect(t('toast.memoFrom', {}, 'en')).toBe('Memo from {room}');
  });
});

describe('tOr', () => {
  it('translates keys built at run time that exist', () => {
    expect(tOr('rejection.seat-taken', 'server said no')).toBe(t('rejection.seat-taken'));
  });

  it('falls back for keys built at run time that do not exist', () => {
    expect(tOr('rejection.no-such-code', 'server said no')).toBe('server said no');
  });

  it('shows a plural entry asked for without its count with the count left visible', () => {
    expect(tOr('hud.waiting', 'x')).toContain('{count}');
  });
});
