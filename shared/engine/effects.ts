import type { Text } from '../i18n/text.js';
import type { Effect } from '../scenario/schema.js';
import { clampScore, type Dimension } from '../scores/dimensions.js';
import type { Cause, NpcState } from './drillState.js';
import { CALM, currentMood, setMood } from './mood.js';
import { factsChanged } from './roomFacts.js';
import { emit, markStale, type Transition } from './transition.js';
import { exposeClaimsBy } from './work/claims.js';
import { postFeedItem } from './work/feed.js';

/** Where effects land: the room they happen in, the NPC involved, and the cause they carry. */
export interface EffectScope {
  room: string;
  npc?: NpcState;
  cause: Cause;
}

export function applyEffects(tx: Transition, effects: readonly Effect[], scope: EffectScope): void {
  for (const effect of effects) applyEffect(tx, effect, scope);
}

function applyEffect(tx: Transition, e: Effect, scope: EffectScope): void {
  const { state, index } = tx;
  switch (e.type) {
    case 'score': {
      // An influential NPC (a blogger with a following) moves reputation further, both ways.
      const influence = e.dim === 'reputation' && scope.npc ? index.archetypes.get(scope.npc.archetype)!.traits.influence : 1;
      changeScore(tx, e.dim, e.delta * influence, e.reason, scope.cause);
      return;
    }
    case 'mood': {
      const npc = scope.npc!;
      setMood(tx, npc, currentMood(npc, index.archetypes.get(npc.archetype)!, state.clock) + e.delta, scope.cause);
      return;
    }
    case 'crowd':
      for (const npc of state.npcs) {
        if (npc.room !== e.room || npc.status !== 'waiting') continue;
        const mood = currentMood(npc, index.archetypes.get(npc.archetype)!, state.clock);
        if (mood < CALM) setMood(tx, npc, mood + e.delta, scope.cause);
      }
      return;
    case 'setFlag':
    case 'clearFlag': {
      const set = e.type === 'setFlag';
      if ((state.flags[e.flag] === true) === set) return;
      if (set) state.flags[e.flag] = true;
      else delete state.flags[e.flag];
      markStale(tx, index.watchers.flag.get(e.flag));
      emit(tx, { type: 'flag', flag: e.flag, set, cause: scope.cause });
      return;
    }
    case 'learnFact':
      learnFact(tx, e.fact, e.room ?? scope.room, scope.cause);
      return;
    case 'followUp': {
      const due = state.clock + e.after;
      const followUp = { at: due, seq: state.seq, inject: e.inject, origin: scope.cause };
      const i = state.followUps.findIndex((f) => f.at > due);
      state.followUps.splice(i === -1 ? state.followUps.length : i, 0, followUp);
      emit(tx, { type: 'followUpScheduled', room: scope.room, inject: e.inject, due, cause: scope.cause });
      return;
    }
    case 'cancelFollowUp': {
      const before = state.followUps.length;
      state.followUps = state.followUps.filter((f) => f.inject !== e.inject);
      const count = before - state.followUps.length;
      if (count > 0) emit(tx, { type: 'followUpCancelled', room: scope.room, inject: e.inject, count, cause: scope.cause });
      return;
    }
    case 'feedPost':
      if (state.work) postFeedItem(tx, e.item, scope.cause);
      return;
  }
}

export function changeScore(tx: Transition, dim: Dimension, delta: number, reason: Text, cause: Cause): void {
  const before = tx.state.scores[dim];
  const value = clampScore(before + delta);
  if (value === before) return;
  tx.state.scores[dim] = value;
  markStale(tx, tx.index.watchers.score.get(dim));
  emit(tx, { type: 'score', dim, delta: value - before, value, reason, cause });
}

export function learnFact(tx: Transition, fact: string, room: string, cause: Cause): void {
  const rooms = (tx.state.facts[fact] ??= []);
  if (rooms.includes(room)) return;
  rooms.push(room);
  factsChanged(tx.state);
  markStale(tx, tx.index.watchers.fact.get(fact));
  emit(tx, { type: 'factLearned', room, fact, cause });
  if (rooms.length === 1) exposeClaimsBy(tx, fact, cause);
}
