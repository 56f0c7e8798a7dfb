import type { Generated } from 'kysely';

/** The tables as Kysely sees them; JSON columns hold text. */
export interface Database {
  drills: {
    seq: Generated<number>;
    id: string;
    mode: string;
    scenario_id: string;
    scenario_version: number;
    scenario_hash: string;
    /** bigint: PostgreSQL hands it back as a string. */
    seed: number | string;
    team: string | null;
    roster: string;
    inputs: string;
    until_clock: number;
    scores: string;
    total: number;
    ending: string;
    expected: string;
    started_at: string;
    finished_at: string;
    report_token: string | null;
    competition_id: string | null;
    /** 'standard' in rows written before levels existed. */
    level: string;
  };
  surveys: {
    seq: Generated<number>;
    drill_id: string;
    name: string;
    post: string | null;
    answers: string;
    submitted_at: string;
  };
  checkpoints: {
    code: string;
    payload: string;
    updated_at: string;
  };
  verdicts: {
    drill_id: string;
    scenario_id: string;
    scenario_hash: string;
    board: string | null;
    name: string | null;
    post: string | null;
    competition_id: string | null;
    status: string;
    reason: string | null;
    total: number;
    finished_at: string;
    duration_seconds: number;
    digest: string;
    checked_at: string;
  };
  competitions: {
    id: string;
    name: string;
    scenario_id: string;
    /** bigint: PostgreSQL hands it back as a string. */
    seed: number | string;
    speed: number;
    opens_at: string;
    closes_at: string;
    closed_at: string | null;
    organiser_key_hash: string;
    created_at: string;
    /** 'standard' in rows written before levels existed. */
    level: string;
  };
  drill_creations: {
    id: string;
    code: string;
    mode: string;
    scenario_id: string;
    scenario_hash: string;
    /** bigint: PostgreSQL hands it back as a string. */
    seed: number | string;
    speed: number;
    team: string | null;
    competition_id: string | null;
    solo_post: string | null;
    bot_skill: string;
    created_at: string;
    /** 'standard' in rows written before levels existed. */
    level: string;
  };
  competition_entries: {
    competition_id: string;
    team: string;
    code: string;
    entered_at: string;
  };
}
