import { describe, expect, it } from 'vitest';
import { deltaLabel, toScoreChange, type ScoreEvent } from '../../client/view/scoreChange.js';
import { toViewModel } from '../../client/view/toViewModel.js';
import { scenarioInfo, stateJson } from './fixtures.js';

const view = toViewModel(stateJson(), { role: 'player', post: 'manager', name: '王芳' }, { scenario: scenarioInfo });

function score(over: Partial<ScoreEvent>): ScoreEvent {
  return {
    type: 'score',
    seq: 4,
    at: 36000,
    dim: 'reputation',
    delta: -4,
    value: 61,
    reason: { 'zh-CN': '来电者等了六分钟后挂断', en: 'caller hung up after 6 minutes' },
    cause: { kind: 'timeout', npc: 'n7', interaction: 'call-1' },
    ...over,
  } as ScoreEvent;
}

describe('score changes in words', () => {
  it('reads "−4 Public reputation: caller hung up after 6 minutes", with a true minus sign', () => {
    const change = toScoreChange(score({}), view.seats, 'en');
    expect(change.headline).toBe('−4 Public reputation: caller hung up after 6 minutes');
    expect(change.byline).toBe('nobody answered in time');
    expect(change.npc).toBe('n7');
  });

  it('says it in Chinese with Chinese punctuation', () => {
    expect(toScoreChange(score({}), view.seats, 'zh-CN').headline).toBe('−4 舆情声誉：来电者等了六分钟后挂断');
  });

  it('names the post and the person who chose the answer', () => {
    const change = toScoreChange(score({ delta: 3, dim: 'trust', cause: { kind: 'response', post: 'manager', npc: 'n3' } }), view.seats, 'en');
    expect(change.headline.startsWith('+3 Customer trust: ')).toBe(true);
    expect(change.byline).toBe('by Branch manager · 王芳');
  });

  it('says when a bot made the choice', () => {
    const change = toScoreChange(score({ cause: { kind: 'response', post: 'agent' } }), view.seats, 'en');
    expect(change.byline).toBe('by Agent (bot)');
  });

  it('names injects, memos, deadlines and the trainer as causes', () => {
    const by = (kind: 'inject' | 'expected' | 'control') => toScoreChange(score({ cause: { kind } }), view.seats, 'en').byline;
    expect([by('inject'), by('expected'), by('control')]).toEqual(['an event', 'a duty deadline', 'the trainer']);
  });

  it('labels deltas with their sign and at most one decimal', () => {
    expect([deltaLabel(2), deltaLabel(-0.26), deltaLabel(0)]).toEqual(['+2', '−0.3', '±0']);
  });
});

