// Prints one hash over many mixed-skill bot drills: their events, end states, input logs and the
// replays of those logs. A change meant to keep behaviour (a refactor, a speed-up) must print the
// same hash before and after. Usage:
//   npm run golden [-- --seeds 120 --dir scenarios]
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadScenarios } from '../server/scenarios/loadScenarios.js';
import { SKILLS, type Skill } from '../shared/bots/skill.js';
import { derivedGenerator, randomInt } from '../shared/engine/rng.js';
import { replay } from '../shared/replay/replay.js';
import type { DrillInput } from '../shared/protocol/intents.js';
import { runBotDrill } from '../shared/sim/runBotDrill.js';

/**
 * The moves of a log, without its bookkeeping (the line-up, changes of holder, who made each
 * move): what the drill did, whichever loop recorded it.
 */
function moves(inputs: readonly DrillInput[]): unknown[] {
  return inputs.filter((i) => 'intent' in i || 'control' in i).map((i) => {
    const { by: _by, ...move } = i as DrillInput & { by?: string };
    return move;
  });
}

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '120' }, dir: { type: 'string' } } });
const seeds = Number(values.seeds);
const scenarios = await loadScenarios(values.dir);
const total = createHash('sha256');
let drills = 0;
for (const scenario of [...scenarios.values()].sort((a, b) => a.id.localeCompare(b.id))) {
  const perScenario = createHash('sha256');
  for (let seed = 0; seed < seeds; seed++) {
    // Each post's skill comes from the seed, so the sample mixes novices, competents and experts.
    const pick = derivedGenerator(seed, `golden:${scenario.id}`);
    const skills: Record<string, Skill> = Object.fromEntries(scenario.posts.map((p) => [p.id, SKILLS[randomInt(pick, SKILLS.length)]!]));
    const run = runBotDrill(scenario, seed, skills);
    const again = replay(run.morning, { seed, roster: run.roster }, run.inputs, run.state.clock);
    perScenario.update(JSON.stringify([run.events, run.state, moves(run.inputs), again.events, again.state, again.rejected]));
    drills++;
  }
  const digest = perScenario.digest('hex');
  total.update(digest);
  console.log(`${scenario.id.padEnd(34)} ${digest.slice(0, 16)}`);
}
console.log(`golden hash over ${drills} drills: ${total.digest('hex')}`);
