import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import { compareReplay } from '../../shared/replay/verifyReplay.js';
import { holderProblem, soloPlayer } from '../../shared/session/holderRules.js';
import { regenerateLog } from '../../shared/session/regenerateLog.js';
import { botRoster } from '../../shared/session/session.js';
import type { LoadedScenario } from '../services.js';
import { boardName } from '../../shared/protocol/leaderboard.js';
import { morningOf } from '../scenarios/morningOf.js';
import type { DrillCreation } from '../store/drillCreation.js';
import type { DrillRecord } from '../store/drillRecord.js';
import type { DrillVerdict } from '../store/verdict.js';

/**
 * The server's check of a finished drill. It is verified only if:
 *  - the server created it: its creation record exists and names the same scenario, mode, seed,
 *    level, team and competition (what a client sent never counts);
 *  - its log keeps the terms it was created on (holderRules.ts: bots of the drill's skill, the
 *    solo player on the solo post only, no trainer in a ranked drill);
 *  - re-run from the seed with the bots playing themselves, the log comes out entry for entry
 *    (no bot move edited, every move made by whoever held the post at that moment);
 *  - the replay gives exactly the stored result, with no input refused, on the scenario as loaded.
 */
export function judgeDrill(scenarios: ReadonlyMap<string, LoadedScenario>, r: DrillRecord, creation: DrillCreation | undefined): DrillVerdict {
  const place = boardOf(r, creation);
  const refused = (reason: string, durationSeconds = 0): DrillVerdict => ({ status: 'refused', reason, ...place, total: Number(r.total) || 0, durationSeconds });
  if (r.ending?.reason === 'abandoned') return { ...refused('abandoned before its end: on no board'), board: null, name: null, post: null };
  const loaded = scenarios.get(r.scenarioId);
  if (!loaded) return refused(`scenario "${r.scenarioId}" is not loaded on this server`);
  if (!creation) return refused('the server has no record of creating this drill');
  const mismatch = (
    [
      ['mode', creation.mode, r.mode],
      ['scenario', creation.scenarioId, r.scenarioId],
      ['scenario hash', creation.scenarioHash, r.scenarioHash],
      ['seed', creation.seed, r.seed],
      ['level', creation.level, r.level],
      ['team', creation.team, r.team],
      ['competition', creation.competitionId, r.competitionId],
    ] as const
  ).find(([, made, stored]) => made !== stored);
  if (mismatch) return refused(`${mismatch[0]}: created as ${String(mismatch[1])}, stored as ${String(mismatch[2])}`);

  const morning = morningOf(loaded, r.seed, r.level);
  const { verification, replayed } = compareReplay(morning, loaded.hash, r);
  const durationSeconds = replayed?.ending ? replayed.ending.at - morning.clock.start : 0;
  if (!verification.matches) {
    const reason = verification.differences
      .slice(0, 3)
      .map((d) =>
        d.what === 'scenarioHash'
          ? `scenario "${r.scenarioId}" has changed since the drill ran (hash ${String(d.stored).slice(0, 12)}… ≠ ${String(d.replayed).slice(0, 12)}…)`
          : `${d.what}: stored ${String(d.stored)} ≠ replayed ${String(d.replayed)}`,
      )
      .join('; ');
    return refused(reason, durationSeconds);
  }
  const broken = holderProblem(creation, r.inputs);
  if (broken) return refused(broken, durationSeconds);
  const index = indexScenario(morning);
  const again = regenerateLog(index, { seed: creation.seed, roster: botRoster(index, creation.botSkill) }, r.inputs, r.untilClock);
  if (!again.ok) return refused(`entry ${again.entry} of the log is not what was played: ${again.reason}`, durationSeconds);
  return { status: 'verified', reason: null, ...place, total: r.total, durationSeconds };
}

/**
 * Which board a drill belongs on: team drills on the scenario's team board under the team's
 * name; solo practice on the board of the practised post under the player's name (the one the
 * line-up names); each at the drill's level. A training session is on no board.
 */
function boardOf(r: DrillRecord, creation: DrillCreation | undefined): Pick<DrillVerdict, 'board' | 'name' | 'post'> {
  if (r.mode === 'team' && r.team) return { board: boardName('team', null, r.level), name: r.team, post: null };
  if (r.mode === 'solo' && creation?.soloPost) {
    const player = soloPlayer(creation, r.inputs);
    if (player) return { board: boardName('solo', creation.soloPost, r.level), name: player.name, post: creation.soloPost };
  }
  return { board: null, name: null, post: null };
}
