import { describe, expect, it } from 'vitest';
import { summarizeSurveys } from '../../../shared/debrief/summarizeSurveys.js';

const answer = (name: string, before: number, after: number, wentWell = '', toChange = '') => ({
  name, post: 'pr', submittedAt: '2026-01-01T00:00:00Z', answers: { wentWell, toChange, confidenceBefore: before, confidenceAfter: after },
});

describe('the survey summary', () => {
  it('gives the mean confidence before and after, and the mean change per trainee', () => {
    const s = summarizeSurveys([answer('a', 2, 4), answer('b', 3, 3), answer('c', 1, 5)]);
    expect(s).toMatchObject({ count: 3, before: 2, after: 4, change: 2 });
  });

  it('keeps every written lesson with its author, and leaves out blank ones', () => {
    const s = summarizeSurveys([answer('a', 2, 4, '  统一口径  ', ''), answer('b', 3, 3, '', 'Share facts sooner')]);
    expect(s.wentWell).toEqual([{ name: 'a', post: 'pr', text: '统一口径' }]);
    expect(s.toChange).toEqual([{ name: 'b', post: 'pr', text: 'Share facts sooner' }]);
  });

  it('says nothing rather than zero when nobody answered', () => {
    expect(summarizeSurveys([])).toEqual({ count: 0, before: null, after: null, change: null, wentWell: [], toChange: [] });
  });
});
