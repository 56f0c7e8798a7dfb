import { createHash } from 'node:crypto';
import type { DrillState, Roster } from '../../../shared/engine/drillState.js';
import type { DrillEvent } from '../../../shared/engine/events.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import type { Skill } from '../../../shared/bots/skill.js';
import type { Control } from '../../../shared/protocol/intents.js';
import { DrillDriver } from '../../../shared/session/DrillDriver.js';
import type { ReplayRecord } from '../../../shared/replay/replayRecord.js';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { teamTotal } from '../../../shared/scores/dimensions.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { drawMorning } from '../../../shared/scenario/drawMorning.js';

/** The scenario's hash as the server computes it (server/scenarios/loadScenarioSet.ts). */
export function hashOf(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}

export interface Recorded {
  record: ReplayRecord;
  /** The drill as it was when it was recorded, and everything that happened in it. */
  state: DrillState;
  events: DrillEvent[];
}

/**
 * Plays a drill with bots on every post, the way the server does (its driver), with a trainer's
 * commands at the given times, and stores it as the server would. Without commands it is
 * shared/sim/runBotDrill.ts itself.
 */
export function recordDrill(scenario: Scenario, seed: number, skills: Record<string, Skill>, controls: { at: number; control: Control }[] = []): Recorded {
  const run = controls.length === 0 ? runBotDrill(scenario, seed, skills) : runWithControls(scenario, seed, skills, controls);
  const { state } = run;
  const record: ReplayRecord = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: hashOf(scenario),
    seed,
    level: 'standard',
    roster: run.roster,
    inputs: run.inputs,
    untilClock: state.clock,
    scores: { ...state.scores },
    total: teamTotal(state.scores),
    ending: state.ending!,
    expected: Object.fromEntries(Object.entries(state.expected).map(([id, x]) => [id, x.status])),
  };
  return { record, state, events: run.events };
}

/**
 * A trainer at the given times, through the same driver the server uses (a refused command is not
 * logged), on the morning the seed draws at the standard level, as the server's drill does.
 */
function runWithControls(written: Scenario, seed: number, skills: Record<string, Skill>, controls: { at: number; control: Control }[]) {
  const scenario = drawMorning(written, seed).scenario;
  const index = indexScenario(scenario);
  const roster: Roster = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  const driver = new DrillDriver(index, { seed, roster });
  driver.start(Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }])));
  for (const due of controls) {
    if (driver.ended) break;
    driver.advance(due.at);
    if (!driver.ended) driver.control(due.control, 'p1');
  }
  driver.advance(scenario.clock.end);
  return { state: driver.state, events: driver.drain(), roster, inputs: driver.log };
}
