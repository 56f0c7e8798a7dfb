import type { Locale, Text } from '../i18n/text.js';
import { DIMENSION_LABELS } from '../scores/dimensions.js';
import type { ChainStep } from './schema.js';
import { joinTexts, say, signed } from './strings.js';

/** One link of a cause chain as a sentence, in both languages. */
export function describeStep(step: ChainStep): Text {
  switch (step.kind) {
    case 'choice':
      return say('debrief.step.choice', { who: step.who, npc: step.npc, choice: step.choice });
    case 'share':
      return say('debrief.step.share', { who: step.who, fact: step.fact, rooms: joinTexts(step.rooms) });
    case 'reaction':
      if (step.reply) return say('debrief.step.reply', { npc: step.npc, reply: step.reply });
      return say('debrief.step.mood', { npc: step.npc, from: step.moodFrom ?? '—', to: step.moodTo ?? '—' });
    case 'timeout':
      return say('debrief.step.timeout', { room: step.room, npc: step.npc, outcome: step.outcome });
    case 'inject':
      return say(step.byTrainer ? 'debrief.step.trainer' : step.followUp ? 'debrief.step.followUp' : 'debrief.step.inject', { title: step.title });
    case 'duty':
      return say(`debrief.step.duty.${step.status}`, { title: step.title });
    case 'score':
      return say('debrief.step.score', { dim: DIMENSION_LABELS[step.dim], delta: signed(step.delta), value: step.value, reason: step.reason });
  }
}

/** A whole chain on one line: "X answered Y → Y: '…' → Trust −5 (to 55): …". */
export function describeChain(steps: readonly ChainStep[], locale: Locale): string {
  return steps.map((s) => describeStep(s)[locale]).join(' → ');
}
