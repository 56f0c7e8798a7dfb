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
    seed: number;
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
}
