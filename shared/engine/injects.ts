import type { Inject } from '../scenario/schema.js';
import type { Cause, NpcState } from './drillState.js';
import { applyEffects } from './effects.js';
import { expiryOf, settleMood } from './mood.js';
import { nextRandom, randomInt } from './rng.js';
import { shownOrder } from './shownOrder.js';
import { emit, type Transition } from './transition.js';
import { floorArrive, floorClosed } from './work/floor.js';
import { callClosed, queueCall } from './work/phone.js';

export function fireInject(tx: Transition, inject: Inject, origin?: Cause): void {
  const { state, index } = tx;
  state.fired[inject.id] = (state.fired[inject.id] ?? 0) + 1;
  emit(tx, { type: 'inject', room: inject.room, inject: inject.id, title: inject.title, message: inject.message, ...(origin && { origin }) });
  for (const x of index.deadlinesFrom.get(inject.id) ?? []) {
    const progress = state.expected[x.id]!;
    if ('of' in x.deadline && progress.deadline === undefined && progress.status === 'pending') {
      progress.deadline = state.clock + x.deadline.within;
      emit(tx, { type: 'expected', expected: x.id, status: 'pending', deadline: progress.deadline });
    }
  }
  const cause: Cause = { kind: 'inject', inject: inject.id, ...(origin && { origin }) };
  applyEffects(tx, inject.effects, { room: inject.room, cause });
  for (const interactionId of inject.spawn) spawnNpc(tx, interactionId);
}

function spawnNpc(tx: Transition, interactionId: string): void {
  const { state, index } = tx;
  const interaction = index.interactions.get(interactionId)!;
  const archetype = index.archetypes.get(interaction.npc)!;
  // Each arrival differs a little (the seed decides), so two runs of a scenario are not identical.
  const mood = Math.min(100, Math.max(0, archetype.traits.mood + randomInt(state, 21) - 10));
  const npc: NpcState = {
    id: `n${state.seq}`,
    archetype: archetype.id,
    room: interaction.room,
    status: 'waiting',
    interaction: interactionId,
    openedAt: state.clock,
    patienceUntil: state.clock,
    expiresAt: state.clock,
    mood,
    moodAt: state.clock,
    order: [],
  };
  state.npcs.push(npc);
  emit(tx, { type: 'npcArrived', room: npc.room, npc: npc.id, archetype: archetype.id, interaction: interactionId });
  openInteraction(tx, npc, interactionId);
  if (state.work) {
    queueCall(tx, npc);
    floorArrive(tx, npc);
  }
}

/** The NPC now waits for an answer to this interaction; its patience starts over. */
export function openInteraction(tx: Transition, npc: NpcState, interactionId: string): void {
  const { state, index } = tx;
  const interaction = index.interactions.get(interactionId)!;
  const archetype = index.archetypes.get(npc.archetype)!;
  settleMood(tx, npc);
  npc.status = 'waiting';
  npc.interaction = interactionId;
  npc.openedAt = state.clock;
  const nth = (state.openings[interactionId] = (state.openings[interactionId] ?? 0) + 1);
  npc.order = shownOrder(state.seed, interactionId, nth, interaction.responses.length);
  const explicit = interaction.timeout.after;
  const patience = explicit ?? Math.round(archetype.traits.patience * (0.85 + 0.3 * nextRandom(state)));
  npc.patienceUntil = state.clock + patience;
  npc.expiresAt = expiryOf(npc, archetype);
  emit(tx, { type: 'interactionOpened', room: npc.room, npc: npc.id, interaction: interactionId, expiresAt: npc.expiresAt, order: npc.order.map((i) => interaction.responses[i]!.id) });
}

/** The conversation is over: the NPC leaves, satisfied or not. */
export function closeNpc(tx: Transition, npc: NpcState, satisfied: boolean): void {
  settleMood(tx, npc);
  npc.status = satisfied ? 'done' : 'left';
  tx.state.npcs.splice(tx.state.npcs.indexOf(npc), 1);
  tx.state.departed.push(npc);
  emit(tx, { type: 'npcLeft', room: npc.room, npc: npc.id, satisfied, mood: npc.mood });
  if (tx.state.work) {
    callClosed(tx, npc);
    floorClosed(tx, npc);
  }
}
