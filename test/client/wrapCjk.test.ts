import { describe, expect, it } from 'vitest';
import { clampLines, NO_LINE_END, NO_LINE_START, wrapCjk } from '../../client/text/wrapCjk.js';

// A monospace stand-in for the canvas: a Chinese character is two units wide, anything else one.
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef\u201c-\u201d]/u.test(ch) ? 2 : 1), 0);

describe('wrapCjk', () => {
  it('breaks Chinese between characters, since it has no spaces', () => {
    expect(wrapCjk('华瑞银行核心系统升级故障', 8, measure)).toEqual(['华瑞银行', '核心系统', '升级故障']);
  });

  it('keeps every line within the width', () => {
    const text = '昨夜华瑞银行完成了核心系统升级。今天 09:00，对账监控开始报警。接下来的三个半小时里：客户会打电话、来网点。';
    for (const line of wrapCjk(text, 20, measure)) expect(measure(line)).toBeLessThanOrEqual(20);
  });

  it('never starts a line with closing punctuation: the character before comes down with it', () => {
    const lines = wrapCjk('先报告再核实，然后发声。', 12, measure);
    expect(lines).toEqual(['先报告再核', '实，然后发', '声。']);
    for (const line of lines.slice(1)) expect(NO_LINE_START.has(line[0]!)).toBe(false);
  });

  it('never ends a line with opening punctuation', () => {
    const lines = wrapCjk('客户问：「我的钱还在吗？」', 8, measure);
    for (const line of lines) expect(NO_LINE_END.has(line.at(-1)!)).toBe(false);
    expect(lines.join('')).toBe('客户问：「我的钱还在吗？」');
  });

  it('keeps closing punctuation runs such as 。」 with the text they close', () => {
    const lines = wrapCjk('他说「好的。」然后走了', 10, measure);
    for (const line of lines) expect(NO_LINE_START.has(line[0]!)).toBe(false);
  });

  it('keeps Latin words whole and breaks English at spaces', () => {
    expect(wrapCjk('Report first, verify, then speak', 14, measure)).toEqual(['Report first,', 'verify, then', 'speak']);
  });

  it('mixes Chinese and Latin: a Latin word is never split across lines', () => {
    const lines = wrapCjk('请拨打客服热线 95588 咨询', 10, measure);
    expect(lines.some((l) => l.includes('95588'))).toBe(true);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(10);
  });

  it('keeps explicit line breaks', () => {
    expect(wrapCjk('第一行\n第二行', 100, measure)).toEqual(['第一行', '第二行']);
  });

  it('splits a word wider than the line by characters rather than overflowing', () => {
    expect(wrapCjk('abcdefghijklmnopqrst', 8, measure)).toEqual(['abcdefgh', 'ijklmnop', 'qrst']);
  });

  it('loses no characters except the spaces it breaks at', () => {
    const text = '华瑞银行：核心系统升级故障 (the core-upgrade outage)，请注意！';
    const lines = wrapCjk(text, 9, measure);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });
});

describe('clampLines', () => {
  it('ends a cut text with an ellipsis that still fits the width', () => {
    const lines = wrapCjk("Grandfather paying a grandson's fees", 20, measure);
    expect(lines.length).toBeGreaterThan(1);
    const [only] = clampLines(lines, 1, 20, measure);
    expect(only).toBe('Grandfather paying…');
    expect(measure(only!)).toBeLessThanOrEqual(20);
  });

  it('leaves text that fits alone', () => {
    expect(clampLines(['给孙子转学费的老人'], 1, 20, measure)).toEqual(['给孙子转学费的老人']);
  });

  it('cuts Chinese between characters', () => {
    expect(clampLines(wrapCjk('给孙子转学费的老人', 8, measure), 1, 8, measure)).toEqual(['给孙子…']);
  });
});
