import { describe, expect, it } from 'vitest';
import { nestQuotes, nestQuotesIn } from '../../shared/i18n/text.js';

describe('nestQuotes', () => {
  it('turns a line’s own double quotes into single ones, so it can sit inside “…”', () => {
    expect(`“${nestQuotes('“华瑞 余额”这个词十分钟里冒出三十多条')}”`).toBe('“‘华瑞 余额’这个词十分钟里冒出三十多条”');
  });

  it('leaves a line without quotes alone, in both languages', () => {
    expect(nestQuotesIn({ 'zh-CN': '你好', en: 'He said “wait”' })).toEqual({ 'zh-CN': '你好', en: 'He said ‘wait’' });
  });
});
