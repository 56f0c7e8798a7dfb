import type { DrillEvent } from './events.js';
import { applyEffects } from './effects.js';
import { closeNpc, fireInject, openInteraction } from './injects.js';
import { dutiesOf, missDeadline } from './duties.js';
import { finish } from './endings.js';
import { settle } from './settle.js';
import { beginTransition, emit, markStale, type Transition } from './transition.js';
import { holds } from './conditions.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import type { DrillState, NpcState } from './drillState.js';
import type { ExpectedAction } from '../scenario/schema.js';
import { settleMood } from './mood.js';
import { blowUp, nextBlowUp } from './work/feed.js';

/**
 * Something the engine must do at a time. One is reused for a whole advance: this runs in the
 * hottest loop of a simulation.
 */
interface Due {
  at: number;
  /**
   * Among things due at the same second: injects, then follow-ups, then timeouts, then deadlines,
   * then a bare re-check of time conditions, then a post in the feed blowing up.
   */
  rank: 0 | 1 | 2 | 3 | 4 | 5;
  /** The NPC that times out. */
  npc: NpcState | undefined;
  /** The duty whose deadline passes. */
  expected: ExpectedAction | undefined;
  /** The feed post whose heat reaches its threshold. */
  item: string | undefined;
}

const newDue = (): Due => ({ at: 0, rank: 0, npc: undefined, expected: undefined, item: undefined });

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
  const due = newDue();
  const limit = Math.min(to, index.scenario.clock.end);
  while (state.phase === 'running' && nextDue(tx, limit, due)) runDue(tx, due);
  if (state.phase === 'running') moveClock(tx, to);
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
  const due = newDue();
  if (!nextDue(tx, Math.min(limit, index.scenario.clock.end), due)) {
    moveClock(tx, limit);
    return tx.events;
  }
  const instant = due.at;
  do runDue(tx, due);
  while (state.phase === 'running' && nextDue(tx, instant, due));
  if (state.phase === 'running') moveClock(tx, instant);
  return tx.events;
}

/** Nothing more is due before `to`: the clock moves there, and the drill ends if that is its end. */
function moveClock(tx: Transition, to: number): void {
  const end = tx.index.scenario.clock.end;
  tx.state.clock = Math.min(to, end);
  if (to >= end) finish(tx, { id: tx.index.scenario.endings.find((e) => e.when === undefined)!.id, at: end, reason: 'time-up' });
}

function runDue(tx: Transition, due: Due): void {
  const { index, state } = tx;
  state.clock = due.at;
  // Conditions on the time of day can only change as the clock reaches one of the times they name.
  if (due.at === index.checkpoints[state.nextCheckpoint]) markStale(tx, index.watchers.clock);
  switch (due.rank) {
    case 0: {
      const timed = index.timedInjects[state.nextTimed++]!;
      if (timed.when === undefined || holds(tx, timed.when, {})) fireInject(tx, timed);
      break;
    }
    case 1: {
      const followUp = state.followUps.shift()!;
      fireInject(tx, index.injects.get(followUp.inject)!, followUp.origin);
      break;
    }
    case 2:
      timeOut(tx, due.npc!);
      break;
    case 3:
      missDeadline(tx, due.expected!);
      break;
    case 4:
      state.nextCheckpoint++;
      break;
    case 5:
      blowUp(tx, due.item!);
      break;
  }
  settle(tx);
}

/** Finds the earliest thing due at or before `limit` and writes it into `due`; false if there is none. */
function nextDue(tx: Transition, limit: number, due: Due): boolean {
  const { index, state } = tx;
  let at = Infinity;
  let rank: Due['rank'] = 0;
  let npc: NpcState | undefined;
  let expected: ExpectedAction | undefined;

  const timed = index.timedInjects[state.nextTimed];
  if (timed && timed.at! <= limit) at = timed.at!;

  const followUp = state.followUps[0];
  if (followUp && followUp.at <= limit && followUp.at < at) {
    at = followUp.at;
    rank = 1;
  }

  let expiring: NpcState | undefined;
  for (const n of state.npcs) {
    if (n.status === 'waiting' && (!expiring || n.expiresAt < expiring.expiresAt)) expiring = n;
  }
  if (expiring && expiring.expiresAt <= limit && expiring.expiresAt < at) {
    at = expiring.expiresAt;
    rank = 2;
    npc = expiring;
  }

  const duties = dutiesOf(index, state);
  for (let i = 0; i < duties.length; i++) {
    const progress = duties[i]!;
    const deadline = progress.deadline;
    if (deadline !== undefined && deadline <= limit && deadline < at && progress.status === 'pending') {
      at = deadline;
      rank = 3;
      expected = index.scenario.expected[i];
    }
  }

  const checkpoint = index.checkpoints[state.nextCheckpoint];
  if (checkpoint !== undefined && checkpoint <= limit && checkpoint < at) {
    at = checkpoint;
    rank = 4;
  }
  let item: string | undefined;
  const blowing = state.work && nextBlowUp(state.work, index.feedItems);
  if (blowing && blowing.at <= limit && blowing.at < at) {
    at = Math.max(blowing.at, state.clock);
    rank = 5;
    item = blowing.id;
  }
  if (at === Infinity) return false;
  due.at = at;
  due.rank = rank;
  due.npc = rank === 2 ? npc : undefined;
  due.expected = rank === 3 ? expected : undefined;
  due.item = rank === 5 ? item : undefined;
  return true;
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

