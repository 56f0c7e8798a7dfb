import { describe, expect, it } from 'vitest';
import { advanceTo } from '../../../shared/engine/advanceTo.js';
import { applyIntent } from '../../../shared/engine/applyIntent.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import { roomView } from '../../../shared/engine/viewFor.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import { replay } from '../../../shared/replay/replay.js';
import { runBotDrill } from '../../../shared/sim/runBotDrill.js';
import { SKILLS } from '../../../shared/bots/skill.js';
import { humanRoster, miniScenario } from '../../helpers/fixtures.js';

const scenario = miniScenario();
const mixed = (seed: number) => Object.fromEntries(scenario.posts.map((p, i) => [p.id, SKILLS[(seed + i) % 3]!]));

describe('determinism', () => {
  it('gives byte-identical state and event log for the same scenario, seed, roster and inputs', () => {
    const recorded = runBotDrill(scenario, 42, mixed(42));
    const first = replay(recorded.morning, { seed: 42, roster: recorded.roster }, recorded.inputs);
    const second = replay(recorded.morning, { seed: 42, roster: recorded.roster }, recorded.inputs);
    expect(JSON.stringify(second.state)).toBe(JSON.stringify(first.state));
    expect(JSON.stringify(second.events)).toBe(JSON.stringify(first.events));
    expect(first.rejected).toEqual([]);
  });

  it('replays 20 recorded drills with different seeds to exactly their scores and events', () => {
    for (let seed = 100; seed < 120; seed++) {
      const recorded = runBotDrill(scenario, seed, mixed(seed));
      const again = replay(recorded.morning, { seed, roster: recorded.roster }, recorded.inputs, recorded.state.clock);
      expect(again.state.scores).toEqual(recorded.state.scores);
      expect(JSON.stringify(again.state)).toBe(JSON.stringify(recorded.state));
      expect(JSON.stringify(again.events)).toBe(JSON.stringify(recorded.events));
    }
  });

  it('continues a copy of a drill taken mid-way exactly as the drill itself, step for step alongside it', () => {
    // The engine keeps look-ups per drill state (each duty's progress, each room's facts). A copy,
    // as a checkpoint or a debugger makes, has none of them, and two drills played side by side,
    // as a server plays many, must not share any.
    const index = indexScenario(scenario);
    for (let seed = 200; seed < 210; seed++) {
      const recorded = runBotDrill(scenario, seed, mixed(seed));
      const half = Math.floor(recorded.inputs.length / 2);
      const original = createDrill(scenario, { seed, roster: recorded.roster }).state;
      const step = (state: typeof original, input: (typeof recorded.inputs)[number]) => {
        const events = advanceTo(index, state, input.at);
        if ('intent' in input) {
          const result = applyIntent(index, state, input.post, input.intent);
          expect(result.ok).toBe(true);
          if (result.ok) events.push(...result.events);
          roomView(index, state, input.post);
        }
        return events;
      };
      for (const input of recorded.inputs.slice(0, half)) step(original, input);
      const copy = JSON.parse(JSON.stringify(original)) as typeof original;
      const fromOriginal = [];
      const fromCopy = [];
      for (const input of recorded.inputs.slice(half)) {
        fromCopy.push(...step(copy, input));
        fromOriginal.push(...step(original, input));
      }
      fromCopy.push(...advanceTo(index, copy, recorded.state.clock));
      fromOriginal.push(...advanceTo(index, original, recorded.state.clock));
      expect(JSON.stringify(fromCopy)).toBe(JSON.stringify(fromOriginal));
      expect(JSON.stringify(copy)).toBe(JSON.stringify(recorded.state));
      expect(JSON.stringify(original)).toBe(JSON.stringify(recorded.state));
    }
  });

  it('does not depend on how the clock is sliced', () => {
    const index = indexScenario(scenario);
    const roster = humanRoster(scenario);
    const jump = createDrill(scenario, { seed: 9, roster });
    const jumpEvents = [...jump.events, ...advanceTo(index, jump.state, scenario.clock.end)];
    const slices = createDrill(scenario, { seed: 9, roster });
    const sliceEvents = [...slices.events];
    for (let t = scenario.clock.start; t <= scenario.clock.end; t += 7) sliceEvents.push(...advanceTo(index, slices.state, t));
    sliceEvents.push(...advanceTo(index, slices.state, scenario.clock.end));
    expect(JSON.stringify(slices.state)).toBe(JSON.stringify(jump.state));
    expect(JSON.stringify(sliceEvents)).toBe(JSON.stringify(jumpEvents));
  });

  it('plays differently with a different seed', () => {
    const a = replay(scenario, { seed: 1, roster: humanRoster(scenario) }, []);
    const b = replay(scenario, { seed: 2, roster: humanRoster(scenario) }, []);
    expect(JSON.stringify(a.events)).not.toBe(JSON.stringify(b.events));
  });

  it('refuses an input logged before the clock', () => {
    const result = replay(scenario, { seed: 1, roster: humanRoster(scenario) }, [
      { at: scenario.clock.start + 600, control: { type: 'inject', inject: 'power-cut' } },
      { at: scenario.clock.start, control: { type: 'inject', inject: 'power-cut' } },
    ]);
    expect(result.rejected).toEqual([{ index: 1, rejection: expect.objectContaining({ code: 'clock-backwards' }) }]);
  });
});
