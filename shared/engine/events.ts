import type { Text } from '../i18n/text.js';
import type { Dimension } from '../scores/dimensions.js';
import type { Cause, Ending, ExpectedStatus } from './drillState.js';

interface Base {
  seq: number;
  at: number;
  /** The room the event happens in, for per-post visibility; absent when everyone may see it. */
  room?: string;
}

/** What the engine reports as it runs: the server forwards them, the debrief is built from them. */
export type DrillEvent = Base &
  (
    | { type: 'inject'; inject: string; title: Text; message: Text; origin?: Cause }
    | { type: 'npcArrived'; npc: string; archetype: string; interaction: string }
    /** `order`: the responses' ids in the order shown. */
    | { type: 'interactionOpened'; npc: string; interaction: string; expiresAt: number; order: string[] }
    /** `position`: where the chosen response was shown (1 = first), of `shown` in all. */
    | { type: 'response'; post: string; npc: string; interaction: string; response: string; quality: string; position: number; shown: number }
    | { type: 'timeout'; npc: string; interaction: string; outcome: Text }
    | { type: 'npcLeft'; npc: string; satisfied: boolean; mood: number }
    | { type: 'mood'; npc: string; from: number; to: number; cause: Cause }
    | { type: 'score'; dim: Dimension; delta: number; value: number; reason: Text; cause: Cause }
    | { type: 'flag'; flag: string; set: boolean; cause: Cause }
    | { type: 'factLearned'; fact: string; cause: Cause }
    | { type: 'factShared'; fact: string; from: string; to: string[]; post: string }
    | { type: 'followUpScheduled'; inject: string; due: number; cause: Cause }
    | { type: 'followUpCancelled'; inject: string; count: number; cause: Cause }
    | { type: 'expected'; expected: string; status: ExpectedStatus; deadline?: number }
    | { type: 'deadlineExtended'; expected: string; deadline: number }
    | { type: 'ended'; ending: Ending }
  );

export type DrillEventType = DrillEvent['type'];
