import type { SurfacePolicy } from '../sim/surfacePolicies.js';

/**
 * How the simulator's bots may play unlike the live drill's, whose bots always play by their
 * skill alone: by the surface of the options (the gameability check), or at a human reader's pace
 * (the pacing check: answering a card, and a step of room work such as a statement line or a
 * ticket, take this many scenario seconds instead of the skill's time).
 */
export interface BotStyle {
  surface?: SurfacePolicy;
  handlingSeconds?: number;
  stepSeconds?: number;
}
