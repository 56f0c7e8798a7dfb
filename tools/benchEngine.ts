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

function timed<T>(label: string, run: (seed: number) => T): T[] {
  for (let seed = 0; seed < 50; seed++) run(seed); // warm up the JIT
  const out: T[] = [];
  const start = performance.now();
  let seed = 1000;
  while (performance.now() - start < budgetMs) out.push(run(seed++));
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(44)} ${(out.length / seconds).toFixed(0).padStart(7)} drills/s  (${out.length} drills in ${seconds.toFixed(1)} s)`);
  return out;
}

console.log(`scenario ${scenario.id} v${scenario.version}, node ${process.version}, one core\n`);
const drills: BotDrillResult[] = timed('full drills, four expert bots', (seed) => runBotDrill(scenario, seed, experts));
const sample = drills.slice(0, 200);
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
