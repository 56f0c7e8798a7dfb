import { matchMaker } from '@colyseus/core';
import { DRILL_ROOM } from '../../shared/protocol/messages.js';
import { issueTicket } from '../rooms/creationTickets.js';
import { processIdentity } from '../scale/processIdentity.js';
import type { ServerServices } from '../services.js';
import { CheckpointSchema, type Checkpoint } from './Checkpoint.js';

export interface RestoreReport {
  /** Codes of the drills rebuilt, paused, on this process. */
  restored: string[];
  /** Checkpoints that could not be restored, with why; they are left in the database. */
  refused: { code: string; reason: string }[];
  /** Checkpoints of other processes (another PUBLIC_ADDRESS), left to them. */
  others: number;
}

function parse(payload: string): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'its payload is not JSON' };
  }
  if ((json as { version?: unknown } | null)?.version === 1) return { ok: false, reason: 'it was written by an earlier version of the server, whose logs cannot be verified' };
  const parsed = CheckpointSchema.safeParse(json);
  if (parsed.success) return { ok: true, checkpoint: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `its payload is not a checkpoint (${issue.path.join('.') || 'payload'}: ${issue.message})` };
}

/**
 * Start-up: rebuilds every drill this process had running when it stopped, by the same join code,
 * paused (the trainer resumes it), by replaying its checkpointed input log. Call it after
 * `createApp` and before `listen`: until the matchMaker accepts, it creates rooms in this process,
 * never on another one of a cluster. A checkpoint that cannot be restored (scenario gone or
 * changed, unreadable, a log that does not replay) is logged and left; it never stops start-up.
 *
 * Each process restores only the checkpoints it wrote (`owner` is its public address), so with
 * a database shared by several processes, a restarted process takes back its own drills only.
 */
export async function restoreCheckpoints(services: ServerServices): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], refused: [], others: 0 };
  const owner = processIdentity(services.scaleOut);
  let rows: { code: string; payload: string }[];
  try {
    rows = await services.store.listCheckpoints();
  } catch (err) {
    services.log.error(`Checkpoints could not be read, so no running drill was restored: ${String(err)}`);
    return report;
  }
  for (const row of rows) {
    const refuse = (reason: string) => {
      report.refused.push({ code: row.code, reason });
      services.log.error(`Drill ${row.code} was not restored (its checkpoint is left in the database): ${reason}`);
    };
    const parsed = parse(row.payload);
    if (!parsed.ok) {
      refuse(parsed.reason);
      continue;
    }
    const c = parsed.checkpoint;
    if (c.owner !== owner) {
      report.others++;
      continue;
    }
    if (c.code !== row.code) {
      refuse(`it is filed under ${row.code} but names drill ${c.code}`);
      continue;
    }
    const loaded = services.scenarios.get(c.scenario.id);
    if (!loaded) {
      refuse(`scenario "${c.scenario.id}" is not loaded (its file is gone, or the checker refused it)`);
      continue;
    }
    if (loaded.hash !== c.scenario.hash) {
      refuse(`scenario "${c.scenario.id}" changed since the drill started (hash ${c.scenario.hash.slice(0, 12)}, now ${loaded.hash.slice(0, 12)}); put back the version it ran on to resume it`);
      continue;
    }
    try {
      await matchMaker.createRoom(DRILL_ROOM, await issueTicket(matchMaker.presence, { kind: 'restore', checkpoint: c }));
    } catch (err) {
      refuse(`it could not be rebuilt: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    report.restored.push(c.code);
    const mode = c.creation.mode;
    const goesOn = mode === 'team' ? 'it goes on when its players are ready again' : mode === 'solo' ? 'its player resumes it' : 'the trainer resumes it';
    services.log.info(
      `Drill ${c.code} (${mode}, ${c.scenario.id}) restored from its checkpoint at scenario clock ${c.clock} with ${c.inputs.length} inputs, ${c.phase === 'lobby' ? 'in its lobby' : 'paused'}; ${goesOn}. If nobody comes back within ${Math.round(services.abandonSeconds / 60)} min it is closed${c.phase === 'lobby' ? '' : ' and stored as abandoned'}.`,
    );
  }
  return report;
}
