import { createHash } from 'node:crypto';
import type { Database } from './database.js';

/** The drill columns a verdict depends on, as stored (JSON columns as their text). */
export type DigestedDrill = Pick<
  Database['drills'],
  'mode' | 'scenario_hash' | 'team' | 'roster' | 'inputs' | 'until_clock' | 'scores' | 'total' | 'ending' | 'expected' | 'finished_at' | 'competition_id'
> & { seed: number | string; level?: string };

export type DigestedVerdict = Pick<Database['verdicts'], 'status' | 'board' | 'name' | 'post' | 'total' | 'duration_seconds' | 'competition_id'>;

/**
 * A fingerprint of a drill and the verdict written for it. Reading a board recomputes it: a row
 * whose drill (inputs, scores, total…) or verdict was edited since no longer matches and is
 * judged again by replay instead of being ranked on trust. Numbers go through Number() because
 * PostgreSQL returns bigint as text.
 */
export function verdictDigest(d: DigestedDrill, v: DigestedVerdict): string {
  const parts = [
    d.mode, d.scenario_hash, Number(d.seed), d.team, d.roster, d.inputs, Number(d.until_clock), d.scores, Number(d.total), d.ending, d.expected, d.finished_at, d.competition_id,
    v.status, v.board, v.name, v.post, Number(v.total), Number(v.duration_seconds), v.competition_id,
  ];
  // Added after the first verdicts were written: standard, what every earlier drill ran at, is left
  // out so that their digests still match.
  if (d.level !== undefined && d.level !== 'standard') parts.push(d.level);
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
