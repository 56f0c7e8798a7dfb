import { describe, expect, it } from 'vitest';
import { checkWindow, endOf, phaseOf, standings } from '../../server/competitions/competitionRules.js';
import type { VerdictRow } from '../../server/store/verdict.js';

const c = { opensAt: '2026-03-01T09:00:00.000Z', closesAt: '2026-03-01T17:00:00.000Z', closedAt: null as string | null };
const row = (name: string, total: number, finishedAt: string): VerdictRow => ({ drillId: `${name}-${total}`, name, post: null, total, scores: {}, finishedAt, durationSeconds: 3600, intact: true });

describe('competition rules', () => {
  it('is upcoming before its window, open inside it, closed at its end or when the organiser closes it', () => {
    expect(phaseOf(c, new Date('2026-03-01T08:59:59Z'))).toBe('upcoming');
    expect(phaseOf(c, new Date('2026-03-01T09:00:00Z'))).toBe('open');
    expect(phaseOf(c, new Date('2026-03-01T17:00:00Z'))).toBe('closed');
    expect(phaseOf({ ...c, closedAt: '2026-03-01T12:00:00.000Z' }, new Date('2026-03-01T12:30:00Z'))).toBe('closed');
    expect(endOf({ ...c, closedAt: '2026-03-01T12:00:00.000Z' })).toBe('2026-03-01T12:00:00.000Z');
    expect(endOf(c)).toBe(c.closesAt);
  });

  it('accepts a window that ends in the future after it opens, for at most 31 days', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(checkWindow(undefined, undefined, now)).toEqual({ ok: true, opensAt: '2026-03-01T00:00:00.000Z', closesAt: '2026-03-02T00:00:00.000Z' });
    expect(checkWindow('2026-03-02T00:00:00Z', '2026-03-01T12:00:00Z', now).ok).toBe(false);
    expect(checkWindow(undefined, '2026-02-28T00:00:00Z', now).ok).toBe(false);
    expect(checkWindow(undefined, '2026-04-15T00:00:00Z', now).ok).toBe(false);
  });

  it('ranks each team once by its best total, ties to the earlier finish, then the teams still playing', () => {
    const entries = ['A', 'B', 'C', 'D'].map((team) => ({ team, code: 'X', enteredAt: '' }));
    const results = [row('A', 70, '2026-03-01T10:00:00Z'), row('B', 80, '2026-03-01T11:00:00Z'), row('C', 80, '2026-03-01T10:30:00Z'), row('A', 75, '2026-03-01T12:00:00Z')];
    const open = standings(entries, results, 'open');
    expect(open.map((s) => [s.rank, s.team, s.status, s.result?.total ?? null])).toEqual([
      [1, 'C', 'finished', 80],
      [2, 'B', 'finished', 80],
      [3, 'A', 'finished', 75],
      [null, 'D', 'playing', null],
    ]);
    expect(standings(entries, results, 'closed').at(-1)!.status).toBe('no-result');
  });
});
