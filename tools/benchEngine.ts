// Engine throughput on one core: full drills per second with four expert bots, the same drills
// replayed from their input logs without bots, and the time the engine takes per intent.
//   npm run bench:engine [-- --scenario <id>] [--seconds 5]
import { parseArgs } from 'node:util';
import { loadScenarios } from '../server/scenarios/loadScenarios.js';
import { advanceTo } from '../shared/engine/advanceTo.js';
import { applyIntent } from '../shared/engine/applyIntent.js';
import { createDrill } from '../shared/engine/createDrill.js';
import { indexScenario } from '../shared/engine/scenarioIndex.js';
import { replay } from '../shared/sim/replay.js';
import { runBotDrill, type BotDrillResult } from '../shared/sim/runBotDrill.js';
import { spreadOf } from '../shared/sim/summarize.js';
import type { Skill } from '../shared/bots/skill.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'huarui-upgrade-outage' },
    seconds: { type: 'string', default: '5' },
    dir: { type: 'string' },
  },
});
const scenario = (await loadScenarios(values.dir)).get(values.scenario!);
if (!scenario) throw new Error(`no scenario "${values.scenario}"`);
const budgetMs = Number(values.seconds) * 1000;
const experts: Record<string, Skill> = Object.fromEntries(scenario.posts.map((p) => [p.id, 'expert' as const]));

/**
 * Runs drills for the time budget and returns the first `keep` results. The rest are dropped as
 * they finish, as a server drops a finished drill once it is stored: holding thousands of event
 * logs in memory would make the garbage collector copy them, which is the harness's cost, not
 * the engine's.
 */
function timed<T extends { state: { scores: Record<string, number> } }>(label: string, run: (seed: number) => T, keep = 0): T[] {
  for (let seed = 0; seed < 50; seed++) run(seed); // warm up the JIT
  const kept: T[] = [];
  let count = 0;
  let checksum = 0;
  const start = performance.now();
  let seed = 1000;
  while (performance.now() - start < budgetMs) {
    const result = run(seed++);
    count++;
    checksum += result.state.scores.trust!;
    if (kept.length < keep) kept.push(result);
  }
  const seconds = (performance.now() - start) / 1000;
  const mean = (checksum / count).toFixed(1);
  console.log(`${label.padEnd(44)} ${(count / seconds).toFixed(0).padStart(7)} drills/s  (${count} drills in ${seconds.toFixed(1)} s, mean trust ${mean})`);
  return kept;
}

console.log(`scenario ${scenario.id} v${scenario.version}, node ${process.version}, one core\n`);
const sample: BotDrillResult[] = timed('full drills, four expert bots', (seed) => runBotDrill(scenario, seed, experts), 200);
let next = 0;
timed('replays of recorded input logs (no bots)', () => {
  const d = sample[next++ % sample.length]!;
  return replay(scenario, { seed: d.state.seed, roster: d.roster }, d.inputs);
});

// Time per intent: the engine's applyIntent alone, on the recorded logs.
const index = indexScenario(scenario);
const perIntent: number[] = [];
for (const d of sample) {
  const { state } = createDrill(scenario, { seed: d.state.seed, roster: d.roster });
  for (const input of d.inputs) {
    if (!('intent' in input)) continue;
    advanceTo(index, state, input.at);
    const t0 = performance.now();
    applyIntent(index, state, input.post, input.intent);
    perIntent.push((performance.now() - t0) * 1000);
  }
}
const spread = spreadOf(perIntent);
const sorted = [...perIntent].sort((a, b) => a - b);
const p99 = sorted[Math.floor(sorted.length * 0.99)]!;
const intentsPerDrill = sample.reduce((a, d) => a + d.inputs.length, 0) / sample.length;
const eventsPerDrill = sample.reduce((a, d) => a + d.events.length, 0) / sample.length;
console.log(`\nper drill: ${intentsPerDrill.toFixed(0)} intents, ${eventsPerDrill.toFixed(0)} events`);
console.log(`applyIntent: median ${spread.median.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs, max ${spread.max.toFixed(0)} µs over ${perIntent.length} intents`);
