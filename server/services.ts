import type { LevelMedians } from '../shared/sim/levelMedians.js';
import type { Scenario } from '../shared/scenario/schema.js';
import type { JoinLimit } from './net/joinGuard.js';
import type { ScaleOut } from './scale/scaleOut.js';
import type { DrillStore } from './store/DrillStore.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** sha256 of the scenario as validated: ties a stored drill to the exact rules it ran on. */
  hash: string;
  /** The simulator's medians per level (scenarios/measured/levels.json), or null if not measured on this version. */
  levels?: LevelMedians | null;
}

/** What rooms and routes need from the process around them; tests build their own. */
export interface ServerServices {
  scenarios: Map<string, LoadedScenario>;
  store: DrillStore;
  reconnectSeconds: number;
  limits: { perSecond: number; burst: number; maxStrikes: number };
  /** Failed joins per client address (see net/joinGuard.ts); the default when absent. */
  joinLimit?: JoinLimit;
  /** How long a drill restored after a restart waits for anyone to come back before it is wound up. */
  abandonSeconds: number;
  /** Enables the test-only "__throw" message used to prove that a failing drill is contained. */
  testHooks: boolean;
  /** Set when several processes share matchmaking over Redis; absent for one process (the default). */
  scaleOut?: ScaleOut;
  log: { info(message: string): void; error(message: string): void };
  /** The built client to serve (default dist/client; the browser tests serve the test build). */
  clientDir?: string;
}
