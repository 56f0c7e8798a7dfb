import { beforeAll, describe, expect, it } from 'vitest';
import { libraryScenario } from '../../../helpers/libraryScenario.js';
import { advanceTo } from '../../../../shared/engine/advanceTo.js';
import { applyIntent } from '../../../../shared/engine/applyIntent.js';
import { createDrill } from '../../../../shared/engine/createDrill.js';
import type { DrillState } from '../../../../shared/engine/drillState.js';
import { indexScenario, type ScenarioIndex } from '../../../../shared/engine/scenarioIndex.js';
import { roomView } from '../../../../shared/engine/viewFor.js';
import type { Scenario } from '../../../../shared/scenario/schema.js';
import { at, humanRoster } from '../../../helpers/fixtures.js';

let flagship: Scenario;
let index: ScenarioIndex;
beforeAll(async () => {
  flagship = await libraryScenario('huarui-upgrade-outage');
  index = indexScenario(flagship);
});

const OPS = 'incident-commander';
const drill = (seed = 1) => createDrill(flagship, { seed, roster: humanRoster(flagship) }).state;
const board = (state: DrillState) => roomView(index, state, OPS).work!.board!;
const start = (state: DrillState, kind: 'investigation' | 'fix' | 'level' | 'group' | 'dispatch', option: string, post = OPS) => {
  const r = applyIntent(index, state, post, { type: 'board', kind, option });
  return r.ok ? 'accepted' : r.rejection.code;
};

describe('the incident board', () => {
  it('runs investigations in parallel on its staff, and a finished one brings what it found', () => {
    const state = drill();
    expect(board(state)).toMatchObject({ staff: 6, free: 6, running: [], done: [] });
    expect(start(state, 'investigation', 'targeted-check')).toBe('accepted');
    expect(board(state)).toMatchObject({ free: 3, running: [{ id: 'targeted-check', staff: 3, doneAt: at('09:50') }] });
    // Another way to the same goal is ruled out; the data check is not open before 09:35.
    expect(start(state, 'investigation', 'full-audit')).toBe('already-done');
    expect(start(state, 'investigation', 'parallel-forensics')).toBe('not-available');
    advanceTo(index, state, at('09:36'));
    expect(start(state, 'investigation', 'parallel-forensics')).toBe('accepted');
    expect(board(state).free).toBe(1);
    const events = advanceTo(index, state, at('09:51'));
    expect(events.find((e) => e.type === 'boardDone')).toMatchObject({ kind: 'investigation', option: 'targeted-check', at: at('09:50'), free: 4 });
    expect(events.some((e) => e.type === 'inject' && e.inject === 'root-cause-found')).toBe(true);
    expect(state.facts['root-cause']).toContain('ops');
  });

  it('refuses what it cannot start and changes nothing', () => {
    const state = drill();
    start(state, 'investigation', 'full-audit');
    const before = JSON.stringify(state);
    expect(start(state, 'fix', 'rollback-rebuild')).toBe('not-available');
    expect(start(state, 'investigation', 'no-such-step')).toBe('unknown-option');
    expect(start(state, 'investigation', 'full-audit')).toBe('already-running');
    expect(start(state, 'investigation', 'targeted-check', 'pr-officer')).toBe('not-your-room');
    expect(JSON.stringify(state)).toBe(before);
    // Four on the audit leave two: the rollback needs four once the cause is known.
    state.facts['root-cause'] = ['ops'];
    expect(start(state, 'fix', 'rollback-rebuild')).toBe('no-staff');
    expect(JSON.stringify(state).length).toBe(before.length + ',"root-cause":["ops"]'.length);
  });

  it('draws whether a fix works from the seed: the same seed, the same luck, and about its chance over seeds', () => {
    const outcome = (seed: number) => {
      const state = drill(seed);
      state.facts['root-cause'] = ['ops'];
      start(state, 'fix', 'hotfix');
      const done = advanceTo(index, state, at('10:15')).find((e) => e.type === 'boardDone');
      return done && done.type === 'boardDone' ? done.ok : undefined;
    };
    expect(outcome(7)).toBe(outcome(7));
    const results = Array.from({ length: 200 }, (_, seed) => outcome(seed));
    expect(results.every((r) => r !== undefined)).toBe(true);
    const worked = results.filter(Boolean).length / results.length;
    expect(worked).toBeGreaterThan(0.3);
    expect(worked).toBeLessThan(0.6);
  });

  it('after a failed fix, another can be tried, one at a time', () => {
    const failed = Array.from({ length: 50 }, (_, seed) => seed).find((seed) => {
      const state = drill(seed);
      state.facts['root-cause'] = ['ops'];
      start(state, 'fix', 'vendor-new-build');
      const done = advanceTo(index, state, at('10:05')).find((e) => e.type === 'boardDone');
      return done?.type === 'boardDone' && done.ok === false;
    })!;
    const state = drill(failed);
    state.facts['root-cause'] = ['ops'];
    start(state, 'fix', 'vendor-new-build');
    const events = advanceTo(index, state, at('10:05'));
    expect(events.some((e) => e.type === 'inject' && e.inject === 'hotfix-side-effect')).toBe(true);
    expect(start(state, 'fix', 'vendor-new-build')).toBe('already-done');
    expect(start(state, 'fix', 'rollback-rebuild')).toBe('accepted');
    expect(start(state, 'fix', 'hotfix')).toBe('already-running');
  });

  it('shows its options in a seeded order without their marks', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => board(drill(seed)).options.map((o) => o.id).join()));
    expect(orders.size).toBeGreaterThan(5);
    expect(JSON.stringify(board(drill()))).not.toMatch(/quality|chance|"note"/);
  });
});
