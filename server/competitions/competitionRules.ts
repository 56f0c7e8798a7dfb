import type { CompetitionView, Standing } from '../../shared/protocol/competition.js';
import type { CompetitionEntry, CompetitionRecord } from '../store/competitionRecord.js';
import type { VerdictRow } from '../store/verdict.js';

const DAY_MS = 24 * 3600 * 1000;
/** A competition runs for at most this long: long enough for a month of branch rounds. */
export const MAX_WINDOW_MS = 31 * DAY_MS;

/** Where a competition stands at `now`: teams may enter only while it is open. */
export function phaseOf(c: Pick<CompetitionRecord, 'opensAt' | 'closesAt' | 'closedAt'>, now: Date): CompetitionView['phase'] {
  if (c.closedAt !== null || now.getTime() >= Date.parse(c.closesAt)) return 'closed';
  return now.getTime() < Date.parse(c.opensAt) ? 'upcoming' : 'open';
}

/** When results stop counting: the organiser's close, or the end of the window if earlier. */
export function endOf(c: Pick<CompetitionRecord, 'closesAt' | 'closedAt'>): string {
  return c.closedAt !== null && c.closedAt < c.closesAt ? c.closedAt : c.closesAt;
}

/** The window asked for, checked: a clear reason, or the two instants. */
export function checkWindow(opensAt: string | undefined, closesAt: string | undefined, now: Date): { ok: true; opensAt: string; closesAt: string } | { ok: false; reason: string } {
  const opens = opensAt ? new Date(opensAt) : now;
  const closes = closesAt ? new Date(closesAt) : new Date(opens.getTime() + DAY_MS);
  if (closes.getTime() <= now.getTime()) return { ok: false, reason: 'closesAt: the window must end in the future' };
  if (closes.getTime() <= opens.getTime()) return { ok: false, reason: 'closesAt: the window must end after it opens' };
  if (closes.getTime() - opens.getTime() > MAX_WINDOW_MS) return { ok: false, reason: 'closesAt: a competition lasts at most 31 days' };
  return { ok: true, opensAt: opens.toISOString(), closesAt: closes.toISOString() };
}

/**
 * Standings: every team that entered, ranked by its verified total (ties to the earlier
 * finish); teams without a verified result follow, still playing while the competition is open.
 * `results` are already verified and finished before the competition's end.
 */
export function standings(entries: readonly CompetitionEntry[], results: readonly VerdictRow[], phase: CompetitionView['phase']): Standing[] {
  const best = new Map<string, VerdictRow>();
  for (const r of results) {
    const held = best.get(r.name);
    if (!held || r.total > held.total || (r.total === held.total && r.finishedAt < held.finishedAt)) best.set(r.name, r);
  }
  const ranked = [...best.values()].sort((a, b) => b.total - a.total || a.finishedAt.localeCompare(b.finishedAt) || a.drillId.localeCompare(b.drillId));
  const out: Standing[] = ranked.map((r, i) => ({
    team: r.name,
    status: 'finished',
    rank: i + 1,
    result: { post: r.post, total: r.total, scores: r.scores, finishedAt: r.finishedAt, durationSeconds: r.durationSeconds },
  }));
  for (const e of entries) {
    if (!best.has(e.team)) out.push({ team: e.team, status: phase === 'closed' ? 'no-result' : 'playing', rank: null, result: null });
  }
  return out;
}
