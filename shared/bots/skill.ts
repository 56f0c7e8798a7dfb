import { z } from 'zod';
import type { Quality } from '../scenario/schema.js';

export const SKILLS = ['novice', 'competent', 'expert'] as const;
export const SkillSchema = z.enum(SKILLS);
export type Skill = z.infer<typeof SkillSchema>;

/**
 * How a bot of each skill behaves, in scenario minutes. A novice notices late, works slowly,
 * picks answers without regard to the procedure and seldom passes facts on; an expert is the
 * reverse. These are the only knobs: the policy itself is the same for all three.
 */
export interface SkillProfile {
  /** Minutes from an NPC starting to wait until the bot turns to it, as [min, max]. */
  reaction: [number, number];
  /** Minutes the bot is occupied after each answer. */
  handling: number;
  /** Relative weight of picking a response of each quality among those available. */
  choice: Record<Quality, number>;
  /** Chance that the bot shares a newly known fact with the rooms missing it. */
  shareChance: number;
  /** Minutes before the bot sends a memo about a fact it decided to share. */
  shareDelay: [number, number];
  /** Whether the bot answers the most urgent NPC first (otherwise the first to arrive, or any). */
  triage: 'urgent' | 'arrival' | 'random';
  /** Whether the bot holds off while its best answer still waits on a fact or flag, as long as the NPC can wait. */
  waitsForBetter: boolean;
}

export const SKILL_PROFILES: Record<Skill, SkillProfile> = {
  expert: {
    reaction: [1, 3],
    handling: 1,
    choice: { best: 90, good: 10, poor: 0, bad: 0 },
    shareChance: 1,
    shareDelay: [1, 2],
    triage: 'urgent',
    waitsForBetter: true,
  },
  competent: {
    reaction: [2, 7],
    handling: 2,
    choice: { best: 45, good: 35, poor: 15, bad: 5 },
    shareChance: 0.6,
    shareDelay: [3, 10],
    triage: 'arrival',
    waitsForBetter: false,
  },
  novice: {
    reaction: [4, 16],
    handling: 3,
    choice: { best: 1, good: 1, poor: 1, bad: 1 },
    shareChance: 0.2,
    shareDelay: [10, 30],
    triage: 'random',
    waitsForBetter: false,
  },
};
