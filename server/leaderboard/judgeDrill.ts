import { compareReplay } from '../../shared/replay/verifyReplay.js';
import type { LoadedScenario } from '../services.js';
import type { DrillRecord } from '../store/drillRecord.js';
import type { DrillVerdict } from '../store/verdict.js';

/**
 * The server's check of a finished drill: re-run the engine over its stored input log on the
 * scenario as loaded now (the same comparison a replay shows its viewer, shared/replay), and
 * accept the drill only if the replay gives exactly the stored result with no input refused.
 * Nothing a client or a database edit claims about a result counts unless the log reproduces it.
 */
export function judgeDrill(scenarios: ReadonlyMap<string, LoadedScenario>, r: DrillRecord): DrillVerdict {
  const place = boardOf(r);
  const loaded = scenarios.get(r.scenarioId);
  if (!loaded) return { status: 'refused', reason: `scenario "${r.scenarioId}" is not loaded on this server`, ...place, total: Number(r.total) || 0, durationSeconds: 0 };
  const { verification, replayed } = compareReplay(loaded.scenario, loaded.hash, r);
  const durationSeconds = replayed?.ending ? replayed.ending.at - loaded.scenario.clock.start : 0;
  if (!verification.matches) {
    const reason = verification.differences
      .slice(0, 3)
      .map((d) =>
        d.what === 'scenarioHash'
          ? `scenario "${r.scenarioId}" has changed since the drill ran (hash ${String(d.stored).slice(0, 12)}… ≠ ${String(d.replayed).slice(0, 12)}…)`
          : `${d.what}: stored ${String(d.stored)} ≠ replayed ${String(d.replayed)}`,
      )
      .join('; ');
    return { status: 'refused', reason, ...place, total: Number(r.total) || 0, durationSeconds };
  }
  return { status: 'verified', reason: null, ...place, total: r.total, durationSeconds };
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
