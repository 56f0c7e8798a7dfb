/**
 * The server's own judgement of a finished drill, made by re-running the engine over its input
 * log (server/leaderboard/judgeDrill.ts). Boards and standings rank these, never a drill's own
 * claim about its scores.
 */
export interface DrillVerdict {
  /** `verified`: the replay gave the stored result on the loaded scenario; `refused`: it did not. */
  status: 'verified' | 'refused';
  reason: string | null;
  /** `team`, `solo:<post>`, or null for a drill no board ranks (training, a solo run left to bots). */
  board: string | null;
  /** The team, or the solo player's display name. */
  name: string | null;
  post: string | null;
  /** The total the replay produced (the stored one if the replay could not run). */
  total: number;
  /** Scenario seconds from the start of the clock to the ending: replayed, so it cannot be forged. */
  durationSeconds: number;
}

/** One ranked line as the store reads it, with whether its drill still matches its verdict. */
export interface VerdictRow {
  drillId: string;
  name: string;
  post: string | null;
  total: number;
  scores: Record<string, number>;
  finishedAt: string;
  durationSeconds: number;
  /** False when the drill or its verdict was changed after the verdict was written. */
  intact: boolean;
}
