import { advanceTo } from '../../shared/engine/advanceTo.js';
import { applyControl } from '../../shared/engine/applyControl.js';
import { applyIntent } from '../../shared/engine/applyIntent.js';
import { createDrill } from '../../shared/engine/createDrill.js';
import type { DrillState } from '../../shared/engine/drillState.js';
import type { DrillEvent } from '../../shared/engine/events.js';
import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import type { Control, Intent } from '../../shared/protocol/intents.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { at, humanRoster } from './fixtures.js';

/** A drill held by humans, driven step by step by a test, keeping the whole event log. */
export function drive(scenario: Scenario, seed = 1) {
  const index = indexScenario(scenario);
  const created = createDrill(scenario, { seed, roster: humanRoster(scenario) });
  const state: DrillState = created.state;
  const log: DrillEvent[] = [...created.events];
  return {
    index,
    state,
    log,
    to(hhmm: string) {
      const events = advanceTo(index, state, at(hhmm));
      log.push(...events);
      return events;
    },
    act(post: string, intent: Intent) {
      const result = applyIntent(index, state, post, intent);
      if (result.ok) log.push(...result.events);
      return result;
    },
    control(control: Control) {
      const result = applyControl(index, state, control);
      if (result.ok) log.push(...result.events);
      return result;
    },
    waitingIn(room: string) {
      return state.npcs.filter((n) => n.room === room && n.status === 'waiting');
    },
    scoreEvents() {
      return log.filter((e): e is Extract<DrillEvent, { type: 'score' }> => e.type === 'score');
    },
  };
}
