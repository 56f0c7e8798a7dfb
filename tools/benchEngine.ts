// Engine throughput on one core: full drills per second with four expert bots, the same drills
// replayed from their input logs without bots, and the time the engine takes per intent.
//   npm run bench:engine [-- --scenario <id>] [--seconds 3] [--rounds 3]
import { parseArgs } from 'node:util';
import { loadScenarios } from '../server/scenarios/loadScenarios.js';
import { advanceTo } from '../shared/engine/advanceTo.js';
import { applyIntent } from '../shared/engine/applyIntent.js';
import { createDrill } from '../shared/engine/createDrill.js';
import { indexScenario } from '../shared/engine/scenarioIndex.js';
import { replay } from '../shared/replay/replay.js';
import { runBotDrill, type BotDrillResult } from '../shared/sim/runBotDrill.js';
import { spreadOf } from '../shared/sim/summarize.js';
import type { Skill } from '../shared/bots/skill.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'huarui-upgrade-outage' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    dir: { type: 'string' },
  },
});
// The performance issue's target: the speed at which the gameability and balance checks run in seconds.
const TARGET = 5000;
const scenario = (await loadScenarios(values.dir)).get(values.scenario!);
if (!scenario) throw new Error(`no scenario "${values.scenario}"`);
const budgetMs = Number(values.seconds) * 1000;
const rounds = Number(values.rounds);
const experts: Record<string, Skill> = Object.fromEntries(scenario.posts.map((p) => [p.id, 'expert' as const]));

/**
 * Runs `rounds` rounds of the time budget each and prints every round's rate and their median.
 * Returns the first `keep` results. The rest are dropped as they finish, as a server drops a
 * finished drill once it is stored: holding thousands of event logs in memory would make the
 * garbage collector copy them, which is the harness's cost, not the engine's.
 */
function timed<T extends { state: { scores: Record<string, number> } }>(label: string, run: (seed: number) => T, keep = 0): { rate: number; kept: T[] } {
  for (let seed = 0; seed < 300; seed++) run(seed); // warm up the JIT
  const kept: T[] = [];
  const rates: number[] = [];
  let checksum = 0;
  let seed = 1000;
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < budgetMs) {
      const result = run(seed++);
      count++;
      checksum += result.state.scores.trust!;
      if (kept.length < keep) kept.push(result);
    }
    rates.push(count / ((performance.now() - start) / 1000));
  }
  const rate = spreadOf(rates).median;
  const each = rates.map((r) => r.toFixed(0)).join(' / ');
  console.log(`${label.padEnd(44)} ${rate.toFixed(0).padStart(7)} drills/s  (median of ${each}; mean trust ${(checksum / (seed - 1000)).toFixed(1)})`);
  return { rate, kept };
}

/**
 * A fixed piece of plain JavaScript (sorting seeded numbers) timed in the same run: this machine's
 * speed varies by tens of percent from minute to minute, and the ratio to this does not.
 */
function reference(): number {
  let rng = 1;
  const numbers = Array.from({ length: 20_000 }, () => (rng = (rng * 48271) % 2147483647));
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) {
      [...numbers].sort((a, b) => a - b);
      count++;
    }
    rates.push(count / ((performance.now() - start) / 1000));
  }
  return spreadOf(rates).median;
}

console.log(`scenario ${scenario.id} v${scenario.version}, node ${process.version}, one thread, ${rounds} rounds of ${values.seconds} s\n`);
const before = reference();
const full = timed('full drills, four expert bots', (seed) => runBotDrill(scenario, seed, experts), 200);
const sample = full.kept;
let next = 0;
const replays = timed('replays of recorded input logs (no bots)', () => {
  const d = sample[next++ % sample.length]!;
  return replay(d.morning, { seed: d.state.seed, roster: d.roster }, d.inputs);
});
const after = reference();
const machine = (before + after) / 2;
console.log(`${'reference: sorts of 20,000 numbers'.padEnd(44)} ${machine.toFixed(0).padStart(7)} sorts/s   (before ${before.toFixed(0)}, after ${after.toFixed(0)})`);
console.log(`full drills per reference sort: ${(full.rate / machine).toFixed(2)}; replays per reference sort: ${(replays.rate / machine).toFixed(2)}`);
console.log(`target ${TARGET} full drills/s: ${full.rate >= TARGET ? 'met' : 'NOT met'} (${(full.rate / TARGET).toFixed(2)}x)`);

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
