import type { Level } from '../../shared/scenario/levels.js';
/** A team competition as stored: one scenario, one seed and one speed for every team. */
export interface CompetitionRecord {
  id: string;
  name: string;
  scenarioId: string;
  seed: number;
  /** Every team's drill runs at this level too. */
  level: Level;
  speed: number;
  opensAt: string;
  closesAt: string;
  /** Set when the organiser closed it before its window ran out. */
  closedAt: string | null;
  /** sha256 of the organiser key: the key itself is only ever in the organiser's hands. */
  organiserKeyHash: string;
  createdAt: string;
}

/** A team that entered, with the join code of its drill. */
export interface CompetitionEntry {
  team: string;
  code: string;
  enteredAt: string;
}
