import { createHash } from 'node:crypto';
import { advanceToNext } from '../../../shared/engine/advanceTo.js';
import { applyControl } from '../../../shared/engine/applyControl.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import type { DrillState, Roster } from '../../../shared/engine/drillState.js';
import type { DrillEvent } from '../../../shared/engine/events.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import { createCrew, crewActs, nextWake, notice, seatBot } from '../../../shared/bots/botCrew.js';
import type { Skill } from '../../../shared/bots/skill.js';
import type { Control, DrillInput } from '../../../shared/protocol/intents.js';
import type { ReplayRecord } from '../../../shared/replay/replayRecord.js';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { teamTotal } from '../../../shared/scores/dimensions.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';

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
 * Plays a drill with bots on every post, the way the server does, with a trainer's commands at
 * the given times (a refused command is not logged, as on the server), and stores it as the
 * server would. Without commands it is shared/sim/runBotDrill.ts itself.
 */
export function recordDrill(scenario: Scenario, seed: number, skills: Record<string, Skill>, controls: { at: number; control: Control }[] = []): Recorded {
  const run = controls.length === 0 ? runBotDrill(scenario, seed, skills) : runWithControls(scenario, seed, skills, controls);
  const { state } = run;
  const record: ReplayRecord = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: hashOf(scenario),
    seed,
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

function runWithControls(scenario: Scenario, seed: number, skills: Record<string, Skill>, controls: { at: number; control: Control }[]) {
  const index = indexScenario(scenario);
  const roster: Roster = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  const { state, events } = createDrill(scenario, { seed, roster });
  const crew = createCrew();
  for (const p of scenario.posts) seatBot(crew, index, p.id, skills[p.id]!, seed, state.clock);
  const inputs: DrillInput[] = [];
  let next = 0;
  while (state.phase === 'running') {
    const acted = crewActs(index, state, crew);
    inputs.push(...acted.inputs);
    events.push(...acted.events);
    if (state.phase !== 'running') break;
    const due = controls[next];
    if (due && due.at <= state.clock) {
      next++;
      const result = applyControl(index, state, due.control);
      if (result.ok) {
        inputs.push({ at: state.clock, control: due.control });
        events.push(...result.events);
        notice(crew, result.events, state.clock);
      }
      continue;
    }
    const happened = advanceToNext(index, state, Math.min(nextWake(crew), due?.at ?? Infinity));
    events.push(...happened);
    notice(crew, happened, state.clock);
  }
  return { state, events, roster, inputs };
}
