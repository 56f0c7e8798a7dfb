import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { libraryScenario } from '../../../helpers/libraryScenario.js';
import { applyIntent } from '../../../../shared/engine/applyIntent.js';
import { createDrill } from '../../../../shared/engine/createDrill.js';
import { DrillDriver } from '../../../../shared/session/DrillDriver.js';
import type { DrillState } from '../../../../shared/engine/drillState.js';
import { indexScenario, type ScenarioIndex } from '../../../../shared/engine/scenarioIndex.js';
import { roomView } from '../../../../shared/engine/viewFor.js';
import { FIELD_POINTS } from '../../../../shared/engine/work/reports.js';
import type { Scenario } from '../../../../shared/scenario/schema.js';
import { at, humanRoster } from '../../../helpers/fixtures.js';

let flagship: Scenario;
let index: ScenarioIndex;
beforeAll(async () => {
  flagship = await libraryScenario('huarui-upgrade-outage');
  index = indexScenario(flagship);
});

const POST = 'incident-commander';
const truthful = { cause: 'faulty-upgrade-code', scope: 'scope-some-accounts', funds: 'funds-in-ledger', data: 'no-sign-of-leak', recovery: 'recovery-plan' };
const code = (r: ReturnType<typeof applyIntent>) => (r.ok ? 'accepted' : r.rejection.code);

/**
 * A flagship drill played by expert bots up to the report desk (11:08, before the ops bot files),
 * with ops knowing exactly `knows` of the facts the report's claims rest on.
 */
function atTheDesk(seed = 1, knows = ['upgrade-anomaly', 'root-cause', 'no-leak-evidence']): DrillState {
  const lineup = Object.fromEntries(flagship.posts.map((p) => [p.id, { kind: 'bot' as const, skill: 'expert' as const }]));
  const driver = new DrillDriver(index, { seed, roster: lineup });
  driver.start(lineup);
  driver.advance(at('11:08'));
  const state = structuredClone(driver.state);
  for (const fact of ['upgrade-anomaly', 'root-cause', 'no-leak-evidence', 'service-restored']) {
    const rooms = (state.facts[fact] ?? []).filter((r) => r !== 'ops');
    state.facts[fact] = knows.includes(fact) ? [...rooms, 'ops'] : rooms;
  }
  expect(state.phase).toBe('running');
  return state;
}

describe('the regulator report', () => {
  it('opens at its time for its post only, with every field\'s claims in a seeded order', () => {
    const early = createDrill(flagship, { seed: 1, roster: humanRoster(flagship) }).state;
    expect(roomView(index, early, POST).work!.reports).toEqual([]);
    expect(code(applyIntent(index, early, POST, { type: 'fileReport', report: 'regulator-report', fields: truthful }))).toBe('report-not-open');
    const state = atTheDesk();
    const view = roomView(index, state, POST).work!.reports[0]!;
    expect(view.fields.map((f) => f.id)).toEqual(['cause', 'scope', 'funds', 'data', 'recovery']);
    expect(view.fields.find((f) => f.id === 'cause')!.options.find((o) => o.id === 'faulty-upgrade-code')!.status).toBe('confirmed');
    expect(JSON.stringify(view)).not.toContain('accurate');
    expect(roomView(index, state, 'pr-officer').work!.reports).toEqual([]);
  });

  it('scores each field by what ops could confirm: verified facts, guesses, untruths and blanks', () => {
    const state = atTheDesk();
    const result = applyIntent(index, state, POST, { type: 'fileReport', report: 'regulator-report', fields: truthful });
    if (!result.ok) throw new Error(result.rejection.reason);
    expect(result.events.find((e) => e.type === 'reportFiled')).toMatchObject({ fields: Object.keys(truthful).map((field) => ({ field, verdict: 'accurate' })) });
    const byReport = result.events.filter((e) => e.type === 'score' && e.cause.kind === 'report');
    expect(byReport.map((e) => e.type === 'score' && e.delta)).toEqual(Object.keys(truthful).map(() => FIELD_POINTS.accurate));
    expect(state.flags['regulator-reported']).toBe(true);
    expect(state.flags['report-inaccurate']).toBeUndefined();

    const guessing = atTheDesk(1, ['upgrade-anomaly']);
    const g = applyIntent(index, guessing, POST, { type: 'fileReport', report: 'regulator-report', fields: { ...truthful, cause: 'hacking-attack', data: null } });
    expect(g.ok && g.events.find((e) => e.type === 'reportFiled')).toMatchObject({
      fields: [
        { field: 'cause', verdict: 'wrong' },
        { field: 'scope', verdict: 'accurate' },
        { field: 'funds', verdict: 'accurate' },
        { field: 'data', verdict: 'blank' },
        { field: 'recovery', verdict: 'unconfirmed' },
      ],
    });
    expect(guessing.flags['report-inaccurate']).toBe(true);
    expect(guessing.followUps.some((f) => f.inject === 'regulator-rebuke')).toBe(true);
  });

  it('refuses a report it cannot file and changes nothing', () => {
    const state = atTheDesk();
    const before = JSON.stringify(state);
    const file = (post: string, report: string, fields: Record<string, string | null>) => code(applyIntent(index, state, post, { type: 'fileReport', report, fields }));
    expect(file(POST, 'no-such-report', truthful)).toBe('unknown-report');
    expect(file('pr-officer', 'regulator-report', truthful)).toBe('not-your-report');
    expect(file(POST, 'regulator-report', { ...truthful, mood: 'funds-in-ledger' })).toBe('bad-report');
    expect(file(POST, 'regulator-report', { ...truthful, cause: 'funds-in-ledger' })).toBe('bad-report');
    expect(JSON.stringify(state)).toBe(before);
    expect(file(POST, 'regulator-report', truthful)).toBe('accepted');
    expect(file(POST, 'regulator-report', truthful)).toBe('already-filed');
  });

  it('never scores a report with a guess above the same report with that field left for a follow-up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom('cause', 'scope', 'funds', 'data', 'recovery'), fc.integer({ min: 0, max: 3 }), (seed, field, pick) => {
        const state = atTheDesk(seed, ['upgrade-anomaly']);
        const options = flagship.reports[0]!.fields.find((f) => f.id === field)!.claims;
        const claim = options[pick % options.length]!;
        const guessed = structuredClone(state);
        const blank = structuredClone(state);
        applyIntent(index, guessed, POST, { type: 'fileReport', report: 'regulator-report', fields: { ...truthful, [field]: claim } });
        applyIntent(index, blank, POST, { type: 'fileReport', report: 'regulator-report', fields: { ...truthful, [field]: null } });
        const status = roomView(index, state, POST).work!.reports[0]!.fields.find((f) => f.id === field)!.options.find((o) => o.id === claim)!.status;
        if (status !== 'confirmed') expect(guessed.scores.compliance).toBeLessThan(blank.scores.compliance);
      }),
      { numRuns: 100 },
    );
  });
});
