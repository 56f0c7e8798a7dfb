import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../shared/protocol/serverMessages.js';
import { CHAT_KEPT_PER_CHANNEL, ChatLog } from '../../client/view/chatLog.js';
import { EVERY_CHANNEL, channelsOf, markSeen, rowsOf, tabsOf, unreadOf } from '../../client/view/chatModel.js';

const seats = [
  { post: 'branch-manager', roomType: 'lobby', name: { 'zh-CN': '网点负责人', en: 'Branch manager' } },
  { post: 'pr-officer', roomType: 'newsroom', name: { 'zh-CN': '公关·舆情', en: 'PR officer' } },
  { post: 'incident-commander', roomType: 'ops', name: { 'zh-CN': '应急指挥', en: 'Incident commander' } },
];
const pr = { isTrainer: false, post: 'pr-officer' };
const trainer = { isTrainer: true, post: null };
const line = (seq: number, channel: string, from: ChatLine['from'], text = `line ${seq}`, at = 9 * 3600 + seq * 60): ChatLine => ({ seq, channel, from, text, at });
const sam = { post: 'pr-officer', name: 'Sam' };
const wang = { post: 'incident-commander', name: '王芳' };
const coach = { trainer: true as const, name: 'Coach' };

describe('the chat panel model', () => {
  it('gives a player the team and a pair with each other post, and the trainer every pair', () => {
    expect(channelsOf(pr, seats)).toEqual(['team', 'branch-manager~pr-officer', 'incident-commander~pr-officer']);
    expect(channelsOf({ isTrainer: false, post: null }, seats)).toEqual(['team']);
    expect(channelsOf(trainer, seats)).toEqual(['team', 'branch-manager~pr-officer', 'branch-manager~incident-commander', 'incident-commander~pr-officer']);
  });

  it('names a player’s pair by the other room, and any pair for the trainer by both', () => {
    expect(tabsOf([], new Map(), pr, seats, 'en').map((t) => t.label)).toEqual(['Team', 'Lobby', 'Ops']);
    expect(tabsOf([], new Map(), trainer, seats, 'zh-CN').map((t) => t.label)).toEqual(['全部频道', '全队', '大堂 ↔ 舆情', '大堂 ↔ 指挥', '指挥 ↔ 舆情']);
    // Two posts of one kind of room: the post's own name tells them apart.
    const two = [...seats, { post: 'deputy', roomType: 'ops', name: { 'zh-CN': '副指挥', en: 'Deputy' } }];
    expect(tabsOf([], new Map(), pr, two, 'en').map((t) => t.label)).toEqual(['Team', 'Lobby', 'Incident commander', 'Deputy']);
  });

  it('counts as unread only what others wrote after what was seen', () => {
    const lines = [line(1, 'team', sam), line(2, 'incident-commander~pr-officer', wang), line(3, 'team', coach), line(4, 'team', wang)];
    expect(Object.fromEntries(unreadOf(lines, new Map(), pr))).toEqual({ 'incident-commander~pr-officer': 1, team: 2 });
    const seen = new Map<string, number>();
    expect(markSeen(seen, lines, 'team')).toBe(true);
    expect(Object.fromEntries(unreadOf(lines, seen, pr))).toEqual({ 'incident-commander~pr-officer': 1 });
    // The trainer's first tab sums every channel; its own lines are never news.
    const tabs = tabsOf(lines, new Map(), trainer, seats, 'en');
    expect(tabs.find((t) => t.id === EVERY_CHANNEL)?.unread).toBe(3);
    expect(markSeen(seen, lines, EVERY_CHANNEL)).toBe(true);
    expect(unreadOf(lines, seen, trainer).size).toBe(0);
  });

  it('shows each line with its drill-clock time and writer; the channel on the trainer’s first tab', () => {
    const lines = [line(1, 'incident-commander~pr-officer', sam, 'Is the cause confirmed?', 9 * 3600 + 35 * 60), line(2, 'incident-commander~pr-officer', coach, '等通报')];
    expect(rowsOf(lines, 'incident-commander~pr-officer', pr, seats, 'en')).toEqual([
      { seq: 1, time: '09:35', who: 'PR officer (Sam)', text: 'Is the cause confirmed?', tone: 'mine', channel: null },
      { seq: 2, time: '09:02', who: 'Trainer', text: '等通报', tone: 'trainer', channel: null },
    ]);
    expect(rowsOf(lines, EVERY_CHANNEL, trainer, seats, 'zh-CN').map((r) => [r.who, r.tone, r.channel])).toEqual([
      ['公关·舆情（Sam）', 'other', '指挥 ↔ 舆情'],
      ['培训师', 'mine', '指挥 ↔ 舆情'],
    ]);
    expect(rowsOf(lines, 'team', pr, seats, 'en')).toEqual([]);
  });
});

describe('the chat log', () => {
  it('keeps lines in the server’s order, once each; a history replaces them', () => {
    const log = new ChatLog();
    expect(log.add(line(2, 'team', sam))).toBe(true);
    expect(log.add(line(1, 'team', wang))).toBe(true);
    expect(log.add(line(2, 'team', sam))).toBe(false);
    expect(log.lines.map((l) => l.seq)).toEqual([1, 2]);
    log.replace([line(7, 'team', sam), line(5, 'team', sam)]);
    expect(log.lines.map((l) => l.seq)).toEqual([5, 7]);
  });

  it('drops the oldest lines of a channel past what a page keeps, not those of quieter channels', () => {
    const log = new ChatLog();
    log.add(line(1, 'incident-commander~pr-officer', sam));
    for (let i = 2; i <= CHAT_KEPT_PER_CHANNEL + 11; i++) log.add(line(i, 'team', sam));
    expect(log.lines.filter((l) => l.channel === 'team')).toHaveLength(CHAT_KEPT_PER_CHANNEL);
    expect(log.lines[0]!.seq).toBe(1);
    expect(log.lines[1]!.seq).toBe(12);
  });
});
