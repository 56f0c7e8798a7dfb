import type { DrillSetup } from '../engine/createDrill.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { DrillInput } from '../protocol/intents.js';
import { DrillDriver } from './DrillDriver.js';

export type Regeneration = { ok: true; driver: DrillDriver } | { ok: false; entry: number; reason: string };

const isBotMove = (input: DrillInput) => 'intent' in input && input.by === 'bot';

/**
 * Re-runs a stored log the way the live drill ran: the people's entries (the start, their moves,
 * changes of holder, the trainer's commands) are fed to a fresh driver, which plays every bot
 * itself from the drill's seed. The log it writes must equal the stored one entry for entry: a bot
 * move that was edited, added or dropped, or a move from someone who did not hold the post at
 * that moment, shows up as the first entry where the two differ.
 */
export function regenerateLog(index: ScenarioIndex, setup: DrillSetup, log: readonly DrillInput[], untilClock: number): Regeneration {
  const driver = new DrillDriver(index, setup);
  const differ = (limit: number): Regeneration | undefined => {
    const at = firstDifference(driver.log, log, limit);
    return at === undefined ? undefined : { ok: false, entry: at, reason: describe(driver.log[at], log[at]) };
  };
  for (let i = 0; i < log.length; i++) {
    const input = log[i]!;
    if (isBotMove(input)) continue;
    const result = driver.replayEntry(input);
    // A refusal usually follows an earlier difference (a bot move that was edited away, say): name that first.
    if (!result.ok) return differ(i) ?? { ok: false, entry: i, reason: `entry ${i} is refused: ${result.rejection.reason}` };
  }
  driver.advance(untilClock);
  return differ(Math.max(driver.log.length, log.length)) ?? { ok: true, driver };
}

/** The first position below `limit` where the two logs differ, if any. */
function firstDifference(a: readonly DrillInput[], b: readonly DrillInput[], limit: number): number | undefined {
  for (let i = 0; i < limit; i++) {
    if (i >= a.length || i >= b.length) return i < Math.max(a.length, b.length) ? i : undefined;
    if (canonical(a[i]) !== canonical(b[i])) return i;
  }
  return undefined;
}

function describe(regenerated: DrillInput | undefined, stored: DrillInput | undefined): string {
  const show = (x: DrillInput | undefined) => (x === undefined ? 'nothing' : JSON.stringify(x));
  return `the log has ${show(stored)} where the drill re-run from its seed has ${show(regenerated)}`;
}

/** JSON with keys in sorted order, so that a log read back from storage compares equal whatever its key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
