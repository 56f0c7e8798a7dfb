import type { Skill } from '../../shared/bots/skill.js';
import type { Level } from '../../shared/scenario/levels.js';
import type { Mode } from '../../shared/protocol/messages.js';

/**
 * What the server decided when it created a drill, written before anyone can join it. A finished
 * drill is verified against this record, never against what its room or a client claimed: a
 * result counts only for the scenario, mode, seed, team, competition and solo post the server
 * itself chose. The drill's record id is fixed here, so the two join on it.
 */
export interface DrillCreation {
  id: string;
  code: string;
  mode: Mode;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  speed: number;
  team: string | null;
  competitionId: string | null;
  /** The post a solo player practises; null in the other modes. */
  soloPost: string | null;
  /** The skill of every bot in the drill (solo: the one asked for; otherwise competent). */
  botSkill: Skill;
  /** The difficulty the drill runs at (shared/scenario/drawMorning.ts). */
  level: Level;
  createdAt: string;
}
