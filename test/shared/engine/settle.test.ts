import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios } from '../../../server/scenarios/loadScenarios.js';
import type { Skill } from '../../../shared/bots/skill.js';
import { advanceToNext } from '../../../shared/engine/advanceTo.js';
import { applyInput } from '../../../shared/engine/applyInput.js';
import { holds } from '../../../shared/engine/conditions.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import type { DrillState } from '../../../shared/engine/drillState.js';
import { indexScenario, type ScenarioIndex } from '../../../shared/engine/scenarioIndex.js';
import { roomView } from '../../../shared/engine/viewFor.js';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';

/**
 * Settling re-checks only the standing conditions whose inputs changed. Its contract is that of
 * checking them all: once a step is over, no conditional inject that has not fired holds, no
 * open or missed duty's condition holds, and no ending holds while the drill runs.
 */
function unsettled(index: ScenarioIndex, state: DrillState): string[] {
  if (state.phase !== 'running') return [];
  const tx = { index, state };
  const found: string[] = [];
  for (const inject of index.conditionalInjects) {
    if (state.fired[inject.id] === undefined && holds(tx, inject.when!, {})) found.push(`inject ${inject.id}`);
  }
  for (const x of index.scenario.expected) {
    const status = state.expected[x.id]!.status;
    if ((status === 'pending' || status === 'missed') && holds(tx, x.done, {})) found.push(`duty ${x.id} (${status})`);
  }
  for (const e of index.scenario.endings) if (e.when && holds(tx, e.when, {})) found.push(`ending ${e.id}`);
  return found.map((what) => `${what} at ${state.clock}`);
}

/**
 * What each post's view shows of its room's facts, against the same view of a fresh copy of the
 * state (which has no lists kept from before): a list kept too long shows up as a difference.
 */
function staleFactLists(index: ScenarioIndex, state: DrillState): string[] {
  const copy = JSON.parse(JSON.stringify(state)) as DrillState;
  return index.scenario.posts
    .filter((p) => JSON.stringify(roomView(index, state, p.id).facts) !== JSON.stringify(roomView(index, copy, p.id).facts))
    .map((p) => `facts seen by ${p.id} at ${state.clock}`);
}

type StepCheck = (index: ScenarioIndex, state: DrillState) => string[];

/** Replays a recorded bot drill, stopping at every instant something is due, and checks after each step. */
function checkEveryStep(scenario: Scenario, seed: number, skills: Record<string, Skill>, inspect: StepCheck): { steps: number; problems: string[] } {
  const run = runBotDrill(scenario, seed, skills);
  // The drill runs on the morning the seed drew from the scenario's variants, as the server's does.
  const index = indexScenario(run.morning);
  const { state } = createDrill(run.morning, { seed, roster: run.roster });
  const problems = inspect(index, state);
  let steps = 0;
  const check = () => {
    steps++;
    problems.push(...inspect(index, state));
  };
  for (const input of run.inputs) {
    while (state.phase === 'running' && state.clock < input.at) {
      advanceToNext(index, state, input.at);
      check();
    }
    // Bots act after everything due at their second, as the simulator and server do.
    const before = state.clock;
    advanceToNext(index, state, input.at);
    if (state.clock !== before) check();
    const result = applyInput(index, state, input);
    expect(result.ok).toBe(true);
    check();
  }
  while (state.phase === 'running') {
    advanceToNext(index, state, run.morning.clock.end);
    check();
  }
  expect(JSON.stringify(state)).toBe(JSON.stringify(run.state));
  return { steps, problems };
}

describe('after each step', () => {
  let scenarios: Scenario[];
  beforeAll(async () => {
    scenarios = [...(await loadScenarios()).values()];
  });

  /** Every scenario, mixed skills, `seeds` drills each, checked at every step. */
  function everyStep(seeds: number, inspect: StepCheck): { steps: number; problems: string[] } {
    const skills = ['novice', 'competent', 'expert'] as const;
    let steps = 0;
    const problems: string[] = [];
    for (const scenario of scenarios) {
      for (let seed = 0; seed < seeds; seed++) {
        const roster = Object.fromEntries(scenario.posts.map((p, i) => [p.id, skills[(seed + i) % 3]!]));
        const checked = checkEveryStep(scenario, seed, roster, inspect);
        steps += checked.steps;
        problems.push(...checked.problems.map((p) => `${scenario.id} seed ${seed}: ${p}`));
      }
    }
    return { steps, problems };
  }

  it('leaves no standing condition holding unanswered, in every scenario and at every skill', () => {
    const { steps, problems } = everyStep(12, unsettled);
    expect(problems).toEqual([]);
    expect(steps).toBeGreaterThan(5000);
  });

  it('shows every post the facts its room knows now, never a list kept from before', () => {
    const { steps, problems } = everyStep(4, staleFactLists);
    expect(problems).toEqual([]);
    expect(steps).toBeGreaterThan(1500);
  });

  it('fires a condition that names a time of day at that time, not at the next change', () => {
    const flagship = scenarios.find((s) => s.id === 'huarui-upgrade-outage')!;
    const index = indexScenario(flagship);
    expect(index.watchers.clock.length).toBeGreaterThan(0);
    const roster = Object.fromEntries(flagship.posts.map((p) => [p.id, { kind: 'human' as const }]));
    const { state } = createDrill(flagship, { seed: 7, roster });
    // Nobody plays: only the clock moves, so whatever fires on time alone must fire at its time.
    const fired: number[] = [];
    while (state.phase === 'running') {
      const events = advanceToNext(index, state, flagship.clock.end);
      expect(unsettled(index, state)).toEqual([]);
      if (events.some((e) => e.type === 'inject' || e.type === 'expected' || e.type === 'ended')) fired.push(state.clock);
    }
    expect(fired.length).toBeGreaterThan(3);
  });
});
