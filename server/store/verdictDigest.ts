import { createHash } from 'node:crypto';

/** The drill columns a verdict depends on, as stored (JSON columns as their text). */
export interface DigestedDrill {
  mode: string;
  scenario_hash: string;
  seed: number | string;
  team: string | null;
  roster: string;
  inputs: string;
  until_clock: number;
  scores: string;
  total: number;
  ending: string;
  expected: string;
  finished_at: string;
  competition_id: string | null;
}

export interface DigestedVerdict {
  status: string;
  board: string | null;
  name: string | null;
  post: string | null;
  total: number;
  duration_seconds: number;
  competition_id: string | null;
}

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
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
