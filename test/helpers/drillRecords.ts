import { randomUUID } from 'node:crypto';
import type { Skill } from '../../shared/bots/skill.js';
import { teamTotal } from '../../shared/scores/dimensions.js';
import { runBotDrill } from '../../shared/sim/runBotDrill.js';
import type { LoadedScenario } from '../../server/services.js';
import type { DrillRecord } from '../../server/store/drillRecord.js';

export interface RecordSpec {
  seed: number;
  skill?: Skill;
  mode?: DrillRecord['mode'];
  team?: string;
  /** For solo practice: the post the named player held (bots held the others). */
  solo?: { post: string; name: string };
  finishedAt?: string;
  competitionId?: string | null;
}

/**
 * A finished drill as DrillRoom.finish would store it, played by bots through the real engine:
 * its log replays to its scores. (The roster names the solo player; the engine plays the same
 * whoever holds a post.)
 */
export function playedRecord(loaded: LoadedScenario, spec: RecordSpec): DrillRecord {
  const { scenario } = loaded;
  const skill = spec.skill ?? 'competent';
  const run = runBotDrill(scenario, spec.seed, Object.fromEntries(scenario.posts.map((p) => [p.id, skill])));
  const roster = structuredClone(run.roster);
  if (spec.solo) roster[spec.solo.post] = { kind: 'human', name: spec.solo.name };
  const mode = spec.mode ?? (spec.solo ? 'solo' : 'team');
  return {
    id: randomUUID(),
    mode,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: loaded.hash,
    seed: spec.seed,
    team: mode === 'team' ? (spec.team ?? `team-${spec.seed}`) : null,
    roster,
    inputs: run.inputs,
    untilClock: run.state.clock,
    scores: run.state.scores,
    total: teamTotal(run.state.scores),
    ending: run.state.ending!,
    expected: Object.fromEntries(Object.entries(run.state.expected).map(([id, x]) => [id, x.status])),
    startedAt: '2026-11-22T08:00:00.000Z',
    finishedAt: spec.finishedAt ?? '2026-11-22T09:00:00.000Z',
    reportToken: randomUUID(),
    competitionId: spec.competitionId ?? null,
  };
}
