import { DIMENSIONS, teamTotal } from '../../shared/scores/dimensions.js';
import { replay } from '../../shared/sim/replay.js';
import type { LoadedScenario } from '../services.js';
import type { DrillRecord } from '../store/drillRecord.js';
import type { DrillVerdict } from '../store/verdict.js';

/**
 * The server's check of a finished drill: re-run the engine over its stored input log on the
 * scenario as loaded now, and accept the drill only if the replay gives exactly the stored
 * result (scores, total, ending, expected actions) with no input refused. Nothing a client or
 * a database edit claims about a result counts unless the log reproduces it.
 */
export function judgeDrill(scenarios: ReadonlyMap<string, LoadedScenario>, r: DrillRecord): DrillVerdict {
  const place = boardOf(r);
  const refuse = (reason: string, durationSeconds = 0): DrillVerdict => ({ status: 'refused', reason, ...place, total: Number(r.total) || 0, durationSeconds });
  const loaded = scenarios.get(r.scenarioId);
  if (!loaded) return refuse(`scenario "${r.scenarioId}" is not loaded on this server`);
  if (loaded.hash !== r.scenarioHash) return refuse(`scenario "${r.scenarioId}" has changed since the drill ran (hash ${r.scenarioHash.slice(0, 12)}… ≠ ${loaded.hash.slice(0, 12)}…)`);
  let run;
  try {
    run = replay(loaded.scenario, { seed: r.seed, roster: r.roster }, r.inputs, r.untilClock);
  } catch (err) {
    return refuse(`the input log cannot be replayed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { state } = run;
  const durationSeconds = state.ending ? state.ending.at - loaded.scenario.clock.start : 0;
  if (run.rejected.length > 0) {
    const first = run.rejected[0]!;
    return refuse(`input #${first.index} is refused on replay (${first.rejection.code}: ${first.rejection.reason})`, durationSeconds);
  }
  if (!state.ending) return refuse('the replayed drill does not end', durationSeconds);
  for (const d of DIMENSIONS) {
    if (state.scores[d] !== r.scores?.[d]) return refuse(`stored ${d} ${r.scores?.[d]} ≠ replayed ${state.scores[d]}`, durationSeconds);
  }
  const total = teamTotal(state.scores);
  if (Math.abs(total - Number(r.total)) > 1e-9) return refuse(`stored total ${r.total} ≠ replayed ${total}`, durationSeconds);
  if (JSON.stringify(state.ending) !== JSON.stringify(r.ending)) return refuse(`stored ending ${JSON.stringify(r.ending)} ≠ replayed ${JSON.stringify(state.ending)}`, durationSeconds);
  for (const [id, x] of Object.entries(state.expected)) {
    if (r.expected?.[id] !== x.status) return refuse(`expected action "${id}": stored ${r.expected?.[id]} ≠ replayed ${x.status}`, durationSeconds);
  }
  return { status: 'verified', reason: null, ...place, total, durationSeconds };
}

/**
 * Which board a drill belongs on: team drills on the scenario's team board under the team's
 * name; solo practice on the board of the practised post under the player's name. A training
 * session, or a solo run whose player had left (bots held every post), is on no board.
 */
function boardOf(r: DrillRecord): Pick<DrillVerdict, 'board' | 'name' | 'post'> {
  if (r.mode === 'team' && r.team) return { board: 'team', name: r.team, post: null };
  if (r.mode === 'solo') {
    const humans = Object.entries(r.roster ?? {}).filter(([, seat]) => seat.kind === 'human' && seat.name);
    if (humans.length === 1) {
      const [post, seat] = humans[0]!;
      return { board: `solo:${post}`, name: seat.name!, post };
    }
  }
  return { board: null, name: null, post: null };
}
