import { MINUTE } from '../scenario/clockTime.js';
import type { Scenario } from '../scenario/schema.js';
import type { Skill } from '../bots/skill.js';
import { indexScenario } from '../engine/scenarioIndex.js';
import { roomsWithWork } from '../engine/work/roomsBusy.js';
import { DrillDriver, type Lineup } from '../session/DrillDriver.js';

/**
 * For one all-bot drill, the share of its minutes in which each room had something to do. The
 * driver's log does not depend on how time is sliced, so stepping a minute at a time plays the
 * same drill as running it to the end.
 */
export function busyShare(scenario: Scenario, seed: number, skills: Record<string, Skill>): Record<string, number> {
  const index = indexScenario(scenario);
  const lineup: Lineup = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill: skills[p.id]! }]));
  const driver = new DrillDriver(index, { seed, roster: lineup }, undefined);
  driver.start(lineup);
  const minutes = Object.fromEntries(index.roomIds.map((r) => [r, 0]));
  let sampled = 0;
  for (let t = scenario.clock.start; t < scenario.clock.end && driver.state.phase === 'running'; t += MINUTE) {
    driver.advance(t);
    sampled++;
    for (const room of roomsWithWork(index, driver.state)) minutes[room]!++;
  }
  return Object.fromEntries(Object.entries(minutes).map(([room, n]) => [room, sampled ? n / sampled : 0]));
}
