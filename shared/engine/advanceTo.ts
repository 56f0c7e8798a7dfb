import type { DrillEvent } from './events.js';
import { applyEffects } from './effects.js';
import { closeNpc, fireInject, openInteraction } from './injects.js';
import { finish, missDeadline, settle } from './progress.js';
import { beginTransition, emit, markStale, type Transition } from './transition.js';
import { holds } from './conditions.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import type { DrillState, NpcState } from './drillState.js';
import { settleMood } from './mood.js';

/** Something the engine must do at a time. Plain data: this runs in the hottest loop of a simulation. */
interface Due {
  at: number;
  /**
   * Among things due at the same second: injects, then follow-ups, then timeouts, then deadlines,
   * then a bare re-check of time conditions.
   */
  rank: 0 | 1 | 2 | 3 | 4;
  /** The NPC that times out, or the expected action whose deadline passes. */
  ref?: string;
}

/**
 * Moves the drill clock forward to `to`, firing everything due on the way in time order, then
 * ends the drill if its clock has run out. Everything due at the same second is processed in a
 * fixed order, so the result is the same however the caller slices time.
 *
 * Mutates `state`; returns what happened.
 */
export function advanceTo(index: ScenarioIndex, state: DrillState, to: number): DrillEvent[] {
  const tx = beginTransition(index, state);
  if (state.phase === 'ended' || to < state.clock) return tx.events;
  while (stepTowards(tx, to));
  return tx.events;
}

/**
 * Moves to the next instant at which something is due, at or before `limit`, and does
 * everything due at that instant; if nothing is due by then, moves the clock to `limit` (ending
 * the drill if that is its end). A simulator calls this to stop at every instant where
 * something happened and let its bots look. It must not stop between two things due in the
 * same second: a replay applies logged inputs only after everything due at their time.
 */
export function advanceToNext(index: ScenarioIndex, state: DrillState, limit: number): DrillEvent[] {
  const tx = beginTransition(index, state);
  if (state.phase !== 'running' || limit < state.clock) return tx.events;
  const first = nextDue(index, state, Math.min(limit, index.scenario.clock.end));
  const instant = first ? first.at : limit;
  while (stepTowards(tx, instant));
  return tx.events;
}

/** One step towards `to`; true if something due was done (so there may be more). */
function stepTowards(tx: Transition, to: number): boolean {
  const { index, state } = tx;
  if (state.phase !== 'running') return false;
  const end = index.scenario.clock.end;
  const limit = Math.min(to, end);
  const due = nextDue(index, state, limit);
  if (due) {
    state.clock = due.at;
    // Conditions on the time of day can only change as the clock reaches one of the times they name.
    if (due.at === index.checkpoints[state.nextCheckpoint]) markStale(tx, index.watchers.clock);
    run(tx, due);
    settle(tx);
    return true;
  }
  state.clock = limit;
  if (to >= end) finish(tx, { id: index.scenario.endings.find((e) => e.when === undefined)!.id, at: end, reason: 'time-up' });
  return false;
}

function run(tx: Transition, due: Due): void {
  const { index, state } = tx;
  switch (due.rank) {
    case 0: {
      const timed = index.timedInjects[state.nextTimed++]!;
      if (timed.when === undefined || holds(tx, timed.when, {})) fireInject(tx, timed);
      return;
    }
    case 1: {
      const followUp = state.followUps.shift()!;
      fireInject(tx, index.injects.get(followUp.inject)!, followUp.origin);
      return;
    }
    case 2:
      timeOut(tx, state.npcs.find((n) => n.id === due.ref)!);
      return;
    case 3:
      missDeadline(tx, due.ref!);
      return;
    case 4:
      state.nextCheckpoint++;
      return;
  }
}

/** The earliest thing due at or before `limit`, if any. */
function nextDue(index: ScenarioIndex, state: DrillState, limit: number): Due | undefined {
  let best: Due | undefined;
  const timed = index.timedInjects[state.nextTimed];
  if (timed && timed.at! <= limit) best = { at: timed.at!, rank: 0 };

  const followUp = state.followUps[0];
  if (followUp && followUp.at <= limit && (!best || followUp.at < best.at)) best = { at: followUp.at, rank: 1 };

  let expiring: NpcState | undefined;
  for (const npc of state.npcs) {
    if (npc.status === 'waiting' && (!expiring || npc.expiresAt < expiring.expiresAt)) expiring = npc;
  }
  if (expiring && expiring.expiresAt <= limit && (!best || expiring.expiresAt < best.at)) {
    best = { at: expiring.expiresAt, rank: 2, ref: expiring.id };
  }

  for (const x of index.scenario.expected) {
    const progress = state.expected[x.id]!;
    const deadline = progress.deadline;
    if (deadline !== undefined && deadline <= limit && progress.status === 'pending' && (!best || deadline < best.at)) {
      best = { at: deadline, rank: 3, ref: x.id };
    }
  }

  const checkpoint = index.checkpoints[state.nextCheckpoint];
  if (checkpoint !== undefined && checkpoint <= limit && (!best || checkpoint < best.at)) best = { at: checkpoint, rank: 4 };
  return best;
}

/** Nobody answered in time: the scenario's timeout plays out. */
function timeOut(tx: Transition, npc: NpcState): void {
  const interaction = tx.index.interactions.get(npc.interaction)!;
  const timeout = interaction.timeout;
  settleMood(tx, npc);
  emit(tx, { type: 'timeout', room: npc.room, npc: npc.id, interaction: interaction.id, outcome: timeout.outcome });
  const cause = { kind: 'timeout' as const, npc: npc.id, archetype: npc.archetype, interaction: interaction.id };
  applyEffects(tx, timeout.effects, { room: npc.room, npc, cause });
  if (timeout.next) openInteraction(tx, npc, timeout.next);
  else closeNpc(tx, npc, false);
}

