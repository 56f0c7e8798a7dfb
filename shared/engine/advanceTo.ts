import type { DrillEvent } from './events.js';
import { applyEffects } from './effects.js';
import { closeNpc, fireInject, openInteraction } from './injects.js';
import { finish, missDeadline, settle } from './progress.js';
import type { Transition } from './transition.js';
import { holds } from './conditions.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import type { DrillState } from './drillState.js';
import { settleMood } from './mood.js';

interface Due {
  at: number;
  /**
   * Among things due at the same second: injects, then follow-ups, then timeouts, then deadlines,
   * then a bare re-check of time conditions.
   */
  rank: number;
  run: (tx: Transition) => void;
}

/**
 * Moves the drill clock forward to `to`, firing everything due on the way in time order, then
 * ends the drill if its clock has run out. Everything due at the same second is processed in a
 * fixed order, so the result is the same however the caller slices time.
 *
 * Mutates `state`; returns what happened.
 */
export function advanceTo(index: ScenarioIndex, state: DrillState, to: number): DrillEvent[] {
  const tx: Transition = { index, state, events: [] };
  if (state.phase === 'ended' || to < state.clock) return tx.events;
  const end = index.scenario.clock.end;
  const limit = Math.min(to, end);
  for (let due = nextDue(tx, limit); due && state.phase === 'running'; due = nextDue(tx, limit)) {
    state.clock = due.at;
    due.run(tx);
    settle(tx);
  }
  if (state.phase === 'running') {
    state.clock = limit;
    if (to >= end) finish(tx, { id: index.scenario.endings.find((e) => e.when === undefined)!.id, at: end, reason: 'time-up' });
  }
  return tx.events;
}

/** The earliest thing due at or before `limit`, if any. */
function nextDue({ index, state }: Transition, limit: number): Due | undefined {
  let best: Due | undefined;
  const offer = (candidate: Due) => {
    if (candidate.at > limit) return;
    if (!best || candidate.at < best.at || (candidate.at === best.at && candidate.rank < best.rank)) best = candidate;
  };

  const timed = index.timedInjects[state.nextTimed];
  if (timed) {
    offer({
      at: timed.at!,
      rank: 0,
      run: (tx) => {
        tx.state.nextTimed++;
        if (timed.when === undefined || holds(tx, timed.when, {})) fireInject(tx, timed);
      },
    });
  }

  const followUp = state.followUps[0];
  if (followUp) {
    offer({
      at: followUp.at,
      rank: 1,
      run: (tx) => {
        tx.state.followUps.shift();
        fireInject(tx, index.injects.get(followUp.inject)!, followUp.origin);
      },
    });
  }

  let expiring: (typeof state.npcs)[number] | undefined;
  for (const npc of state.npcs) {
    if (npc.status === 'waiting' && (!expiring || npc.expiresAt < expiring.expiresAt)) expiring = npc;
  }
  if (expiring) {
    const npc = expiring;
    offer({ at: npc.expiresAt, rank: 2, run: (tx) => timeOut(tx, npc) });
  }

  for (const x of index.scenario.expected) {
    const progress = state.expected[x.id]!;
    if (progress.status === 'pending' && progress.deadline !== undefined) {
      offer({ at: progress.deadline, rank: 3, run: (tx) => missDeadline(tx, x.id) });
    }
  }
  const checkpoint = index.checkpoints[state.nextCheckpoint];
  if (checkpoint !== undefined) offer({ at: checkpoint, rank: 4, run: (tx) => void tx.state.nextCheckpoint++ });
  return best;
}

/** Nobody answered in time: the scenario's timeout plays out. */
function timeOut(tx: Transition, npc: (typeof tx.state.npcs)[number]): void {
  const interaction = tx.index.interactions.get(npc.interaction)!;
  const timeout = interaction.timeout;
  settleMood(tx, npc);
  tx.events.push({ type: 'timeout', room: npc.room, npc: npc.id, interaction: interaction.id, outcome: timeout.outcome, seq: tx.state.seq++, at: tx.state.clock });
  const cause = { kind: 'timeout' as const, npc: npc.id, archetype: npc.archetype, interaction: interaction.id };
  applyEffects(tx, timeout.effects, { room: npc.room, npc, cause });
  if (timeout.next) openInteraction(tx, npc, timeout.next);
  else closeNpc(tx, npc, false);
}

/** When the engine next has something to do by itself, so a simulator can jump straight there. */
export function nextDueAt(index: ScenarioIndex, state: DrillState): number {
  if (state.phase === 'ended') return Infinity;
  const end = index.scenario.clock.end;
  return nextDue({ index, state, events: [] }, end)?.at ?? end;
}
