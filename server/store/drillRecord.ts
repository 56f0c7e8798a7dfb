import type { Ending, ExpectedStatus, Roster } from '../../shared/engine/drillState.js';
import type { DrillInput } from '../../shared/protocol/intents.js';
import type { Mode } from '../../shared/protocol/messages.js';
import type { Scores } from '../../shared/scores/dimensions.js';
import type { Level } from '../../shared/scenario/levels.js';

/** Everything needed to show, rank and replay a finished drill. */
export interface DrillRecord {
  id: string;
  mode: Mode;
  scenarioId: string;
  scenarioVersion: number;
  /** Hash of the scenario as loaded, so a replay can tell if the file has changed since. */
  scenarioHash: string;
  seed: number;
  team: string | null;
  roster: Roster;
  /** The accepted inputs in order; replaying them from the seed gives the same result. */
  inputs: DrillInput[];
  /** The scenario clock when the drill stopped (the replay runs on to here). */
  untilClock: number;
  scores: Scores;
  total: number;
  ending: Ending;
  expected: Record<string, ExpectedStatus>;
  startedAt: string;
  finishedAt: string;
  /** The secret in report and survey links: only the trainer and the drill's players are given it. */
  reportToken: string;
  /** The team competition this drill was played in, if any. */
  competitionId: string | null;
  /** The difficulty it ran at: with the seed, what the morning was. */
  level: Level;
}
