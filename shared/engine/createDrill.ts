import type { Scenario } from '../scenario/schema.js';
import { advanceTo } from './advanceTo.js';
import type { DrillState, ExpectedState, Roster } from './drillState.js';
import type { DrillEvent } from './events.js';
import { settle } from './settle.js';
import { seedState } from './rng.js';
import { beginTransition, markAllStale } from './transition.js';
import { indexScenario } from './scenarioIndex.js';
import { emptyWorkState, hasWork } from './work/workState.js';
import { scheduleArrivals } from './arrivals.js';

export interface DrillSetup {
  seed: number;
  /** Every post of the scenario, each held by a human or a bot. */
  roster: Roster;
}

/**
 * A new drill at the start of its clock, with everything due at that first second already
 * fired. Throws on a roster that does not cover the scenario's posts: that is a caller's bug,
 * not a player's move.
 */
export function createDrill(scenario: Scenario, setup: DrillSetup): { state: DrillState; events: DrillEvent[] } {
  if (!Number.isInteger(setup.seed) || setup.seed < 0 || setup.seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 2^32-1, got ${setup.seed}`);
  }
  const postIds = scenario.posts.map((p) => p.id);
  const missing = postIds.filter((p) => !setup.roster[p]);
  const unknown = Object.keys(setup.roster).filter((p) => !postIds.includes(p));
  if (missing.length || unknown.length) {
    throw new Error(`roster must hold exactly the posts of ${scenario.id}: missing [${missing}], unknown [${unknown}]`);
  }
  const expected: Record<string, ExpectedState> = {};
  for (const x of scenario.expected) {
    expected[x.id] = 'at' in x.deadline ? { status: 'pending', deadline: x.deadline.at } : { status: 'pending' };
  }
  const facts: Record<string, string[]> = {};
  for (const f of scenario.facts) if (f.knownBy.length) facts[f.id] = [...f.knownBy];

  const state: DrillState = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed: setup.seed,
    rng: seedState(setup.seed),
    clock: scenario.clock.start,
    phase: 'running',
    scores: { ...scenario.baseline },
    flags: {},
    facts,
    npcs: [],
    departed: [],
    followUps: [],
    fired: {},
    openings: {},
    nextTimed: 0,
    nextCheckpoint: 0,
    expected,
    seq: 0,
    roster: Object.fromEntries(Object.entries(setup.roster).map(([post, seat]) => [post, { ...seat }])),
    ...(hasWork(scenario) && { work: emptyWorkState(scenario) }),
  };
  scheduleArrivals(state, scenario.arrivals);
  const index = indexScenario(scenario);
  const tx = beginTransition(index, state);
  markAllStale(tx);
  settle(tx);
  const events = [...tx.events, ...advanceTo(index, state, scenario.clock.start)];
  return { state, events };
}
