import { describe, expect, it } from 'vitest';
import type { DrillEvent } from '../../shared/engine/events.js';
import { feedPosts } from '../../client/view/feed.js';
import { toNotice } from '../../client/view/notices.js';
import { toViewModel } from '../../client/view/toViewModel.js';
import { scenarioInfo, stateJson } from './fixtures.js';

const view = toViewModel(stateJson(), { role: 'player', post: 'manager', name: '王芳' }, { scenario: scenarioInfo });
const base = { seq: 1, at: 36000 };

describe('notifications', () => {
  it('shows an inject with its title and message', () => {
    const e = { ...base, type: 'inject', inject: 'power-cut', title: { 'zh-CN': '停电', en: 'Power cut' }, message: { 'zh-CN': '网点停电了', en: 'The branch lost power' } } as DrillEvent;
    expect(toNotice(e, view, 'en')).toEqual({ tone: 'info', title: 'Power cut', body: 'The branch lost power' });
  });

  it('shows a memo received with the sending room and the fact in words', () => {
    const e = { ...base, type: 'factShared', fact: 'root-cause', from: 'phone', to: ['lobby'], post: 'agent' } as DrillEvent;
    expect(toNotice(e, view, 'zh-CN')).toEqual({ tone: 'memo', title: '热线 通报', body: '原因已确认' });
  });

  it('confirms a memo sent, naming the recipients', () => {
    const e = { ...base, type: 'factShared', fact: 'root-cause', from: 'lobby', to: ['phone'], post: 'manager' } as DrillEvent;
    expect(toNotice(e, view, 'en')?.title).toBe('Memo sent to Hotline');
  });

  it('says who left, and whether they left angry', () => {
    const names = new Map([['n3', 'Anxious depositor']]);
    const left = (satisfied: boolean) => toNotice({ ...base, type: 'npcLeft', npc: 'n3', satisfied, mood: 10 } as DrillEvent, view, 'en', names);
    expect(left(true)).toMatchObject({ tone: 'good', title: 'Anxious depositor left satisfied' });
    expect(left(false)).toMatchObject({ tone: 'bad', title: 'Anxious depositor left angry' });
  });

  it('reports duties met and missed, not the ones still pending', () => {
    const duty = (status: string) => toNotice({ ...base, type: 'expected', expected: 'report-regulator', status } as DrillEvent, view, 'en');
    expect(duty('missed')).toMatchObject({ tone: 'bad', title: 'Deadline missed: Report regulator' });
    expect(duty('met')).toMatchObject({ tone: 'good' });
    expect(duty('pending')).toBeNull();
  });

  it('does not notify score changes (they float where they happen)', () => {
    const e = { ...base, type: 'score', dim: 'trust', delta: 1, value: 61, reason: { 'zh-CN': '好', en: 'good' }, cause: { kind: 'inject' } } as DrillEvent;
    expect(toNotice(e, view, 'en')).toBeNull();
  });
});

describe('notices of statements under approval', () => {
  const title = { 'zh-CN': '情况说明', en: 'Holding statement' };
  const work = { claims: [], composing: [], published: [], feed: [], reports: [], board: null, reviews: [{ statement: 'holding', title, author: 'pr', since: 36000, lines: [], claims: [], tone: 'plain' as const }] };
  const withWork = { ...view, panel: { ...view.panel!, work } };

  it('tells the approver a draft waits, and nobody else', () => {
    const e = { ...base, type: 'draftSubmitted', post: 'pr', statement: 'holding', approver: 'manager' } as DrillEvent;
    expect(toNotice(e, withWork, 'en')).toEqual({ tone: 'info', title: 'A draft waits for your approval: Holding statement', body: '' });
    expect(toNotice({ ...e, approver: 'commander' } as DrillEvent, withWork, 'en')).toBeNull();
  });

  it('tells the author the verdict and nothing of whether the draft was sound', () => {
    const e = { ...base, type: 'draftReviewed', post: 'manager', statement: 'holding', verdict: 'return', risky: true, sound: false } as DrillEvent;
    expect(toNotice(e, withWork, 'zh-CN')).toEqual({ tone: 'info', title: '草稿被退回修改：情况说明', body: '' });
    expect(toNotice({ ...e, risky: false, sound: true } as DrillEvent, withWork, 'zh-CN')).toEqual(toNotice(e, withWork, 'zh-CN'));
  });
});

describe('the newsroom feed', () => {
  it('posts injects for the newsroom and public ones, and timeouts in the newsroom', () => {
    const events = [
      { ...base, seq: 1, type: 'inject', room: 'newsroom', inject: 'viral', title: { 'zh-CN': '热帖', en: 'Viral' }, message: { 'zh-CN': '转发过万', en: '10k shares' } },
      { ...base, seq: 2, type: 'inject', room: 'lobby', inject: 'queue', title: { 'zh-CN': '排队', en: 'Queue' }, message: { 'zh-CN': '排队', en: 'Queue' } },
      { ...base, seq: 3, type: 'timeout', room: 'newsroom', npc: 'n9', interaction: 'x', outcome: { 'zh-CN': '博主发文', en: 'The blogger posted' } },
    ] as DrillEvent[];
    expect(feedPosts(events, 'newsroom').map((p) => [p.seq, p.tone])).toEqual([
      [1, 'news'],
      [3, 'bad'],
    ]);
  });
});
