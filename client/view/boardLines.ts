import type { Locale } from '../../shared/i18n/text.js';
import type { CompetitionView } from '../../shared/protocol/competition.js';
import type { BoardRow } from '../../shared/protocol/leaderboard.js';
import { DIMENSIONS } from '../../shared/scores/dimensions.js';
import { t } from '../i18n/t.js';

/** One line of a board as the Leaderboard scene draws it: every cell already text. */
export interface BoardLine {
  rank: string;
  name: string;
  total: string;
  dims: string[];
  finished: string;
  duration: string;
}

const score = (n: number | undefined) => (n === undefined ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));

function finished(iso: string, locale: Locale): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

function line(rank: string, name: string, result: Omit<BoardRow, 'rank' | 'name'> | null, locale: Locale, status?: string): BoardLine {
  return {
    rank,
    name,
    total: result ? score(result.total) : (status ?? '—'),
    dims: DIMENSIONS.map((d) => (result ? score(result.scores[d]) : '')),
    finished: result ? finished(result.finishedAt, locale) : '',
    duration: result ? t('board.minutes', { n: Math.round(result.durationSeconds / 60) }, locale) : '',
  };
}

export function boardLines(rows: readonly BoardRow[], locale: Locale): BoardLine[] {
  return rows.map((r) => line(String(r.rank), r.name, r, locale));
}

/** Standings of a competition: ranked teams, then teams still playing (or without a result). */
export function standingLines(view: CompetitionView, locale: Locale): BoardLine[] {
  return view.standings.map((s) => line(s.rank === null ? '–' : String(s.rank), s.team, s.result, locale, s.status === 'finished' ? undefined : t(`competition.status.${s.status}`, undefined, locale)));
}
