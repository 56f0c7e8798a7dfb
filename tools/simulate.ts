// Plays a scenario many times with bots and prints score distributions per skill level, so an
// author can see that good play beats poor play. Usage:
//   npm run simulate -- --scenario <id> [--runs 1000] [--skill novice|competent|expert|mixed] [--seed 1] [--dir scenarios]
import { parseArgs } from 'node:util';
import { loadScenarios } from '../server/scenarios/loadScenarios.js';
import { randomInt, derivedGenerator } from '../shared/engine/rng.js';
import { SKILLS, type Skill } from '../shared/bots/skill.js';
import { runBotDrill, type BotDrillResult } from '../shared/sim/runBotDrill.js';
import { summarizeRuns, type Spread } from '../shared/sim/summarize.js';
import { busyShare } from '../shared/sim/busyShare.js';
import { DIMENSIONS } from '../shared/scores/dimensions.js';
import { ScenarioError } from '../shared/scenario/scenarioIssue.js';
import type { Scenario } from '../shared/scenario/schema.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    runs: { type: 'string', default: '200' },
    skill: { type: 'string' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let scenarios: Map<string, Scenario>;
try {
  scenarios = await loadScenarios(values.dir);
} catch (err) {
  if (err instanceof ScenarioError) fail(err.message);
  throw err;
}
const scenario = values.scenario ? scenarios.get(values.scenario) : undefined;
if (!scenario) fail(`--scenario must be one of: ${[...scenarios.keys()].join(', ')}`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) fail('--runs must be a whole number from 1 to 1000000');
const firstSeed = Number(values.seed);
if (!Number.isInteger(firstSeed) || firstSeed < 0) fail('--seed must be a whole number');
const levels = values.skill ? [values.skill] : [...SKILLS];
for (const level of levels) {
  if (level !== 'mixed' && !SKILLS.includes(level as Skill)) fail(`--skill must be one of: ${SKILLS.join(', ')}, mixed`);
}

const fmt = (s: Spread) => `${s.min.toFixed(1).padStart(6)} ${s.median.toFixed(1).padStart(6)} ${s.max.toFixed(1).padStart(6)}`;
console.log(`${scenario.id} v${scenario.version}: ${runs} runs per skill level, seeds ${firstSeed}..${firstSeed + runs - 1}`);
const allResults: BotDrillResult[] = [];
for (const level of levels) {
  const started = performance.now();
  const results: BotDrillResult[] = [];
  for (let i = 0; i < runs; i++) {
    const seed = firstSeed + i;
    const chooser = derivedGenerator(seed, 'mixed-skills');
    const skills = Object.fromEntries(
      scenario.posts.map((p) => [p.id, level === 'mixed' ? SKILLS[randomInt(chooser, SKILLS.length)]! : (level as Skill)]),
    );
    results.push(runBotDrill(scenario, seed, skills));
  }
  const seconds = (performance.now() - started) / 1000;
  allResults.push(...results);
  const summary = summarizeRuns(results);
  console.log(`\n== ${level} (${(runs / seconds).toFixed(0)} drills/s)\n${'dimension'.padEnd(14)}    min median    max`);
  for (const d of [...DIMENSIONS, 'total' as const]) console.log(`${d.padEnd(14)} ${fmt(summary.scores[d])}`);
  console.log(`expected actions met on time: ${summary.expectedMet.mean.toFixed(1)} of ${summary.expectedMet.of} on average`);
  for (const [id, rate] of Object.entries(summary.expectedRate)) console.log(`  ${(rate * 100).toFixed(0).padStart(3)}%  ${id}`);
  console.log(`endings: ${Object.entries(summary.endings).map(([id, n]) => `${id} ${n}`).join(', ')}`);
  // How much of the drill each room had something to do (sampled each scenario minute, over up to 20 seeds).
  const shares = results.slice(0, 20).map((r, i) => busyShare(scenario, firstSeed + i, Object.fromEntries(Object.entries(r.roster).map(([post, seat]) => [post, seat.skill!]))));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`rooms with something to do (median share of the drill's minutes): ${scenario.rooms.map((r) => `${r.id} ${(median(shares.map((x) => x[r.id]!)) * 100).toFixed(0)}%`).join(', ')}`);
}

const coverage = summarizeRuns(allResults);
const unplayed = scenario.interactions.filter((i) => !coverage.interactionsPlayed.has(i.id)).map((i) => i.id);
const unreached = scenario.endings.filter((e) => !coverage.endings[e.id]).map((e) => e.id);
console.log(`\ncoverage: ${coverage.interactionsPlayed.size}/${scenario.interactions.length} interactions played` + (unplayed.length ? ` (never: ${unplayed.join(', ')})` : ''));
console.log(`endings reached: ${scenario.endings.length - unreached.length}/${scenario.endings.length}` + (unreached.length ? ` (never: ${unreached.join(', ')})` : ''));
