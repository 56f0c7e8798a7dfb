import { beforeAll, describe, expect, it } from 'vitest';
import { libraryScenario } from '../../helpers/libraryScenario.js';
import { SKILLS, type Skill } from '../../../shared/bots/skill.js';
import type { Control } from '../../../shared/protocol/intents.js';
import { ReplayCursor } from '../../../shared/replay/ReplayCursor.js';
import { ReplayRecordSchema, type ReplayRecord } from '../../../shared/replay/replayRecord.js';
import { verifyReplay } from '../../../shared/replay/verifyReplay.js';
import type { Scenario } from '../../../shared/scenario/schema.js';
import { replay } from '../../../shared/replay/replay.js';
import { at } from '../../helpers/fixtures.js';
import { hashOf, recordDrill, type Recorded } from './recordDrill.js';
import { drawMorning } from '../../../shared/scenario/drawMorning.js';

const FLAGSHIP = 'huarui-upgrade-outage';
let scenario: Scenario;
let hash: string;

/** The morning a record's seed drew from the scenario: what the server replays it on. */
const morningOf = (record: ReplayRecord): Scenario => drawMorning(scenario, record.seed, record.level).scenario;

/** A different mix of skills for every seed. */
const mixed = (seed: number): Record<string, Skill> => Object.fromEntries(scenario.posts.map((p, i) => [p.id, SKILLS[(seed * 7 + i) % 3]!]));

/** What a trainer might do in a drill: optional injects, a deadline extended, sometimes an early end. */
function controlsFor(seed: number): { at: number; control: Control }[] {
  switch (seed % 4) {
    case 1:
      return [{ at: at('10:00'), control: { type: 'inject', inject: 'opt-second-call-wave' } }];
    case 2:
      return [
        { at: at('09:10'), control: { type: 'extendDeadline', expected: 'activate-emergency', minutes: 15 } },
        { at: at('10:30'), control: { type: 'inject', inject: 'opt-branch-power-cut' } },
      ];
    case 3:
      return [
        { at: at('09:40'), control: { type: 'inject', inject: 'opt-fake-leak-screenshot' } },
        { at: at('11:00'), control: { type: 'end' } },
      ];
    default:
      return [];
  }
}

const drills: Recorded[] = [];

beforeAll(async () => {
  scenario = await libraryScenario(FLAGSHIP);
  hash = hashOf(scenario);
  for (let seed = 3000; seed < 3020; seed++) drills.push(recordDrill(scenario, seed, mixed(seed), controlsFor(seed)));
});

describe('replay of recorded drills', () => {
  it('records drills that exercise what it must reproduce (controls, an early end, bots of each skill)', () => {
    const controls = drills.flatMap((d) => d.record.inputs.filter((i) => 'control' in i));
    expect(new Set(controls.map((i) => ('control' in i ? i.control.type : '')))).toEqual(new Set(['inject', 'extendDeadline', 'end']));
    expect(drills.some((d) => d.record.ending.reason === 'trainer')).toBe(true);
    expect(drills.some((d) => d.record.ending.reason !== 'trainer')).toBe(true);
    expect(new Set(drills.map((d) => d.record.total)).size).toBeGreaterThan(10);
  });

  it('20 recorded drills with different seeds reproduce their results exactly', () => {
    for (const { record } of drills) {
      expect(ReplayRecordSchema.parse(record)).toEqual(record);
      expect(verifyReplay(morningOf(record), hash, record), `seed ${record.seed}`).toEqual({ matches: true, differences: [] });
    }
  });

  it('steps through each of them to exactly the recorded state and events', () => {
    for (const { record, state, events } of drills) {
      const cursor = new ReplayCursor(morningOf(record), record);
      expect(cursor.rejected).toEqual([]);
      expect(cursor.eventsThrough(cursor.last)).toEqual(events);
      while (cursor.forward());
      expect(cursor.position).toBe(cursor.last);
      expect(JSON.stringify(cursor.state)).toBe(JSON.stringify(state));
    }
  });

  it('makes a step of every input, in log order, and of every instant where something happened', () => {
    const { record } = drills[2]!;
    const cursor = new ReplayCursor(morningOf(record), record);
    const inputSteps = cursor.steps.filter((s) => s.kind === 'input').map((s) => s.input);
    expect(inputSteps).toEqual(record.inputs.map((_, i) => i));
    expect(cursor.steps[0]!.kind).toBe('start');
    const timeSteps = cursor.steps.filter((s) => s.kind === 'time');
    expect(timeSteps.length).toBeGreaterThan(10);
    for (const step of timeSteps.slice(0, -1)) expect(step.events.length).toBeGreaterThan(0);
    for (const step of timeSteps) expect(new Set(step.events.map((e) => e.at))).toEqual(new Set([step.clock]));
    const clocks = cursor.steps.map((s) => s.clock);
    expect(clocks).toEqual([...clocks].sort((a, b) => a - b));
  });

  it('goes back and jumps to any step with the same state as stepping there from the start', () => {
    const { record } = drills[5]!;
    const forward = new ReplayCursor(morningOf(record), record);
    const states = [JSON.stringify(forward.state)];
    while (forward.forward()) states.push(JSON.stringify(forward.state));
    expect(states).toHaveLength(forward.last + 1);

    const cursor = new ReplayCursor(morningOf(record), record, 7);
    cursor.seek(cursor.last);
    for (let i = cursor.last; i > 0; i--) {
      expect(cursor.back()).toBe(true);
      expect(JSON.stringify(cursor.state), `back to ${i - 1}`).toBe(states[i - 1]);
    }
    expect(cursor.back()).toBe(false);
    for (const target of [40, 3, 3, 77, 76, 200, 14, cursor.last + 10, -5]) {
      cursor.seek(target);
      const expected = Math.max(0, Math.min(cursor.last, target));
      expect(cursor.position).toBe(expected);
      expect(JSON.stringify(cursor.state), `seek ${target}`).toBe(states[expected]);
    }
  });

  it('ends on the same state as a replay in one go', () => {
    const { record } = drills[7]!;
    const cursor = new ReplayCursor(morningOf(record), record);
    cursor.seek(cursor.last);
    const once = replay(morningOf(record), { seed: record.seed, roster: record.roster }, record.inputs, record.untilClock);
    expect(JSON.stringify(cursor.state)).toBe(JSON.stringify(once.state));
  });
});

describe('a replay that does not match', () => {
  const tampered = (change: (r: ReplayRecord) => void): ReplayRecord => {
    const copy = structuredClone(drills[0]!.record);
    change(copy);
    return copy;
  };

  it('names a tampered score, and only it', () => {
    const stored = drills[0]!.record.scores.trust;
    const forged = stored <= 90 ? stored + 7 : stored - 7;
    const result = verifyReplay(morningOf(drills[0]!.record), hash, tampered((r) => (r.scores.trust = forged)));
    expect(result.matches).toBe(false);
    expect(result.differences).toEqual([{ what: 'scores.trust', stored: forged, replayed: stored }]);
  });

  it('names a tampered total, ending and expected action', () => {
    const record = drills[0]!.record;
    const duty = Object.keys(record.expected)[0]!;
    const result = verifyReplay(
      morningOf(record),
      hash,
      tampered((r) => {
        r.total += 1;
        r.ending = { ...r.ending, at: r.ending.at - 60 };
        r.expected[duty] = r.expected[duty] === 'met' ? 'missed' : 'met';
      }),
    );
    expect(result.differences.map((d) => d.what)).toEqual(['total', 'ending', `expected.${duty}`]);
    expect(result.differences[0]).toEqual({ what: 'total', stored: record.total + 1, replayed: record.total });
  });

  it('finds a tampered input log through what it changes', () => {
    const record = drills[0]!.record;
    // Drop the first half of the log: the rest answers people who are no longer there.
    const result = verifyReplay(morningOf(drills[0]!.record), hash, tampered((r) => (r.inputs = r.inputs.slice(Math.floor(r.inputs.length / 2)))));
    expect(result.matches).toBe(false);
    const what = result.differences.map((d) => d.what);
    expect(what).toContain('rejectedInputs');
    expect(what.some((w) => w.startsWith('scores.'))).toBe(true);
    expect(result.differences.find((d) => d.what === 'rejectedInputs')!.stored).toBe(0);
    expect(record.inputs.length).toBeGreaterThan(20);
  });

  it('finds an answer swapped for another', () => {
    const record = drills[0]!.record;
    const cursor = new ReplayCursor(morningOf(record), record);
    // The first answer for which the scenario offered a different, available response.
    let swapped: ReplayRecord | null = null;
    for (let i = 0; i < record.inputs.length && !swapped; i++) {
      const input = record.inputs[i]!;
      if (!('intent' in input) || input.intent.type !== 'respond') continue;
      const step = cursor.steps.findIndex((s) => s.kind === 'input' && s.input === i);
      cursor.seek(step - 1);
      const npc = cursor.state.npcs.find((n) => n.id === (input.intent as { npc: string }).npc)!;
      const responses = morningOf(record).interactions.find((x) => x.id === npc.interaction)!.responses;
      const other = responses.find((r) => r.id !== (input.intent as { response: string }).response && r.requires === undefined);
      if (other) swapped = tampered((r) => ((r.inputs[i] as { intent: { response: string } }).intent.response = other.id));
    }
    const result = verifyReplay(morningOf(swapped!), hash, swapped!);
    expect(result.matches).toBe(false);
    expect(result.differences.length).toBeGreaterThan(0);
  });

  it('reports a scenario that changed since the drill, and replays it anyway', () => {
    const record = drills[0]!.record;
    expect(verifyReplay(morningOf(record), 'f'.repeat(64), record).differences).toEqual([{ what: 'scenarioHash', stored: record.scenarioHash, replayed: 'f'.repeat(64) }]);
    // A changed baseline moves every score from the start: the new hash and the scores say so.
    const changed = structuredClone(morningOf(record));
    changed.baseline = { ...changed.baseline, trust: changed.baseline.trust - 10 };
    const result = verifyReplay(changed, hashOf(changed), record);
    expect(result.differences.map((d) => d.what)).toContain('scenarioHash');
    expect(result.differences.map((d) => d.what)).toContain('scores.trust');
  });

  it('reports a log the engine refuses, in the cursor and in the verification', () => {
    const record = tampered((r) => r.inputs.splice(3, 0, { at: scenario.clock.start, control: { type: 'inject', inject: 'no-such-inject' } }));
    const cursor = new ReplayCursor(morningOf(record), record);
    expect(cursor.rejected.map((s) => [s.input, s.rejection!.code])).toEqual([[3, expect.stringMatching(/clock-backwards|unknown-inject/)]]);
    expect(verifyReplay(morningOf(record), hash, record).differences).toEqual([{ what: 'rejectedInputs', stored: 0, replayed: 1 }]);
  });

  it('reports a roster the scenario cannot take instead of throwing', () => {
    const result = verifyReplay(morningOf(drills[0]!.record), hash, tampered((r) => delete r.roster[scenario.posts[0]!.id]));
    expect(result.matches).toBe(false);
    expect(result.differences).toEqual([{ what: 'replay', stored: 'a finished drill', replayed: expect.stringContaining('roster') }]);
  });
});

describe('the replay input schema', () => {
  it('refuses malformed records with a reason', () => {
    const good = drills[0]!.record;
    const bad = [
      { ...good, seed: -1 },
      { ...good, seed: 1.5 },
      { ...good, inputs: [{ at: 1, post: 'x', intent: { type: 'respond', npc: 'drop table', response: 'a' } }] },
      { ...good, inputs: [{ at: 1, control: { type: 'end' }, extra: true }] },
      { ...good, scores: { trust: 1 } },
      { ...good, ending: { id: 'x', at: 1, reason: 'magic' } },
      { ...good, roster: { 'branch-manager': { kind: 'alien' } } },
      { ...good, expected: { x: 'done' } },
      { ...good, untilClock: undefined },
    ];
    for (const record of bad) expect(ReplayRecordSchema.safeParse(record).success, JSON.stringify(record).slice(0, 80)).toBe(false);
  });
});
