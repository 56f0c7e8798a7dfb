import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceTo } from '../../../shared/engine/advanceTo.js';
import { applyIntent } from '../../../shared/engine/applyIntent.js';
import { createDrill } from '../../../shared/engine/createDrill.js';
import type { DrillEvent } from '../../../shared/engine/events.js';
import { indexScenario } from '../../../shared/engine/scenarioIndex.js';
import type { DrillInput, Intent } from '../../../shared/protocol/intents.js';
import { replay } from '../../../shared/replay/replay.js';
import { DIMENSIONS, SCORE_MAX, SCORE_MIN } from '../../../shared/scores/dimensions.js';
import { humanRoster, miniScenario } from '../../helpers/fixtures.js';

const scenario = miniScenario();
const index = indexScenario(scenario);
const posts = scenario.posts.map((p) => p.id);
const rooms = scenario.rooms.map((r) => r.id);
const responseIds = [...new Set(scenario.interactions.flatMap((i) => i.responses.map((r) => r.id))), 'nonsense'];
const factIds = [...scenario.facts.map((f) => f.id), 'made-up'];

/**
 * A step: how far to move the clock, who acts, and a move. Most moves are aimed at an NPC
 * actually waiting in the post's room (resolved when the step runs), so that play goes deep;
 * the rest are arbitrary and mostly invalid.
 */
const stepArb = fc.record({
  minutes: fc.integer({ min: 0, max: 3 }),
  post: fc.constantFrom(...posts, 'intruder'),
  intent: fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('aimed' as const), npc: fc.nat(), response: fc.nat() }), weight: 4 },
    fc.record({ type: fc.constant('respond' as const), npc: fc.integer({ min: 0, max: 60 }).map((n) => `n${n}`), response: fc.constantFrom(...responseIds) }),
    fc.record({ type: fc.constant('shareFact' as const), fact: fc.constantFrom(...factIds), to: fc.array(fc.constantFrom(...rooms, 'vault'), { minLength: 1, maxLength: 3 }) }),
  ),
});

type Step = { minutes: number; post: string; intent: Intent | { type: 'aimed'; npc: number; response: number } };

function resolve(state: ReturnType<typeof createDrill>['state'], step: Step): Intent {
  if (step.intent.type !== 'aimed') return step.intent;
  const room = index.postRoom.get(step.post);
  const waiting = state.npcs.filter((n) => n.room === room && n.status === 'waiting');
  if (waiting.length === 0) return { type: 'respond', npc: 'n0', response: 'nothing' };
  const npc = waiting[step.intent.npc % waiting.length]!;
  const responses = index.interactions.get(npc.interaction)!.responses;
  return { type: 'respond', npc: npc.id, response: responses[step.intent.response % responses.length]!.id };
}

function play(seed: number, steps: Step[]) {
  const { state, events } = createDrill(scenario, { seed, roster: humanRoster(scenario) });
  const accepted: DrillInput[] = [];
  const log: DrillEvent[] = [...events];
  let rejectedChangedState = false;
  for (const step of steps) {
    log.push(...advanceTo(index, state, state.clock + step.minutes * 60));
    const intent = resolve(state, step);
    const before = JSON.stringify(state);
    const result = applyIntent(index, state, step.post, intent);
    if (result.ok) {
      accepted.push({ at: state.clock, post: step.post, intent });
      log.push(...result.events);
    } else if (JSON.stringify(state) !== before) rejectedChangedState = true;
  }
  log.push(...advanceTo(index, state, scenario.clock.end));
  return { state, log, accepted, rejectedChangedState };
}

describe('properties over random play', () => {
  let acceptedTotal = 0;
  let stepsTotal = 0;

  it('keeps every score within bounds, gives every change a cause, and never lets a refused intent change state', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(stepArb, { maxLength: 40 }), (seed, steps) => {
        const { state, log, accepted, rejectedChangedState } = play(seed, steps);
        expect(rejectedChangedState).toBe(false);
        acceptedTotal += accepted.length;
        stepsTotal += steps.length;
        for (const d of DIMENSIONS) {
          expect(state.scores[d]).toBeGreaterThanOrEqual(SCORE_MIN);
          expect(state.scores[d]).toBeLessThanOrEqual(SCORE_MAX);
        }
        for (const e of log) {
          if (e.type !== 'score') continue;
          expect(e.value).toBeGreaterThanOrEqual(SCORE_MIN);
          expect(e.value).toBeLessThanOrEqual(SCORE_MAX);
          expect(e.delta).not.toBe(0);
          expect(e.cause.kind).toBeTruthy();
          expect(e.reason.en.length && e.reason['zh-CN'].length).toBeTruthy();
        }
        expect(state.phase).toBe('ended');
      }),
      { numRuns: 300 },
    );
    // The property means little unless a good share of the moves were real ones.
    expect(acceptedTotal / stepsTotal).toBeGreaterThan(0.15);
  });

  it('replays the accepted inputs of any play to the identical state and log', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(stepArb, { maxLength: 40 }), (seed, steps) => {
        const played = play(seed, steps);
        const again = replay(scenario, { seed, roster: humanRoster(scenario) }, played.accepted);
        expect(again.rejected).toEqual([]);
        expect(JSON.stringify(again.state)).toBe(JSON.stringify(played.state));
        expect(JSON.stringify(again.events)).toBe(JSON.stringify(played.log));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the score log consistent: each value is the previous value plus its delta', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(stepArb, { maxLength: 40 }), (seed, steps) => {
        const { state, log } = play(seed, steps);
        const running = { ...scenario.baseline };
        for (const e of log) {
          if (e.type !== 'score') continue;
          running[e.dim] += e.delta;
          expect(running[e.dim]).toBe(e.value);
        }
        expect(running).toEqual(state.scores);
      }),
      { numRuns: 200 },
    );
  });
});
