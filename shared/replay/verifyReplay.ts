import type { DrillState, Ending } from '../engine/drillState.js';
import type { Scenario } from '../scenario/schema.js';
import { formatClockTime } from '../scenario/clockTime.js';
import { DIMENSIONS, teamTotal } from '../scores/dimensions.js';
import { replay } from '../replay/replay.js';
import type { ReplayRecord } from './replayRecord.js';
import type { Difference, Verification } from './verification.js';

/**
 * Re-runs a stored drill and compares what comes out with what was stored: the scenario it ran
 * on, each score, the total, the ending and every expected action, and that the engine accepted
 * every logged input. A scenario file changed since the drill is named as a difference (the
 * replay still runs, so its own differences show too).
 */
export function verifyReplay(scenario: Scenario, scenarioHash: string, record: ReplayRecord): Verification {
  return compareReplay(scenario, scenarioHash, record).verification;
}

/**
 * verifyReplay with the replayed drill itself (null when it could not run), for callers that
 * also need what the replay produced, such as the leaderboard's time taken.
 */
export function compareReplay(scenario: Scenario, scenarioHash: string, record: ReplayRecord): { verification: Verification; replayed: DrillState | null } {
  const differences: Difference[] = [];
  const differ = (what: string, stored: Difference['stored'], replayed: Difference['replayed']) => {
    if (stored !== replayed) differences.push({ what, stored, replayed });
  };
  differ('scenarioId', record.scenarioId, scenario.id);
  differ('scenarioVersion', record.scenarioVersion, scenario.version);
  differ('scenarioHash', record.scenarioHash, scenarioHash);

  let result: ReturnType<typeof replay>;
  try {
    result = replay(scenario, { seed: record.seed, roster: record.roster }, record.inputs, record.untilClock);
  } catch (err) {
    // A roster or seed the scenario cannot take: nothing was replayed to compare.
    differences.push({ what: 'replay', stored: 'a finished drill', replayed: err instanceof Error ? err.message : String(err) });
    return { verification: { matches: false, differences }, replayed: null };
  }
  const { state } = result;
  for (const dim of DIMENSIONS) differ(`scores.${dim}`, record.scores[dim] ?? null, state.scores[dim]);
  differ('total', record.total, teamTotal(state.scores));
  differ('ending', endingLabel(record.ending), state.ending ? endingLabel(state.ending) : null);
  const expectedIds = new Set([...Object.keys(record.expected), ...Object.keys(state.expected)]);
  for (const id of [...expectedIds].sort()) differ(`expected.${id}`, record.expected[id] ?? null, state.expected[id]?.status ?? null);
  differ('rejectedInputs', 0, result.rejected.length);
  return { verification: { matches: differences.length === 0, differences }, replayed: state };
}

/** An ending as one comparable, readable value, to the second: "resolved · condition · 11:59:30". */
function endingLabel(ending: Ending): string {
  return `${ending.id ?? '-'} · ${ending.reason} · ${formatClockTime(ending.at)}:${String(ending.at % 60).padStart(2, '0')}`;
}
