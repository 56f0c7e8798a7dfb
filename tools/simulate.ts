// Plays a scenario many times with bots and prints score distributions per skill level, so an
// author can see that good play beats poor play. Usage:
//   npm run simulate -- --scenario <id> [--runs 1000] [--skill novice|competent|expert|mixed] [--level standard] [--levels] [--seed 1] [--dir scenarios]
// Besides the scores it prints what makes a morning worth playing again and readable in time:
// how much of what a post meets two seeds share, the spread of one policy over the seeds, the
// real seconds a card gives a reader, what a careful reader (40 s a card) loses against instant
// play, and the earliest failure ending. --levels adds the novice and expert medians per level;
// --suggest-speed the fastest default speed at which the careful reader loses at most 5 points.
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
import { DEFAULT_LEVEL, LevelSchema } from '../shared/scenario/levels.js';
import { drawMorning } from '../shared/scenario/drawMorning.js';
import { quantile, readingTime, sharedInteractions } from '../shared/sim/variety.js';
import { EARLIEST_FAILURE_MINUTES, earliestFailure, levelProblems, measureLevels } from '../shared/sim/levelMedians.js';
import { teamTotal } from '../shared/scores/dimensions.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    runs: { type: 'string', default: '200' },
    skill: { type: 'string' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    level: { type: 'string', default: DEFAULT_LEVEL },
    levels: { type: 'boolean', default: false },
    'suggest-speed': { type: 'boolean', default: false },
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
const parsedLevel = LevelSchema.safeParse(values.level);
if (!parsedLevel.success) fail(`--level must be one of: ${LevelSchema.options.join(', ')}`);
const difficulty = parsedLevel.data;
const levels = values.skill ? [values.skill] : [...SKILLS];
for (const level of levels) {
  if (level !== 'mixed' && !SKILLS.includes(level as Skill)) fail(`--skill must be one of: ${SKILLS.join(', ')}, mixed`);
}

const fmt = (s: Spread) => `${s.min.toFixed(1).padStart(6)} ${s.median.toFixed(1).padStart(6)} ${s.max.toFixed(1).padStart(6)}`;
console.log(`${scenario.id} v${scenario.version} at the ${difficulty} level: ${runs} runs per skill level, seeds ${firstSeed}..${firstSeed + runs - 1}`);
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
    results.push(runBotDrill(scenario, seed, skills, { level: difficulty }));
  }
  const seconds = (performance.now() - started) / 1000;
  allResults.push(...results);
  const summary = summarizeRuns(results);
  console.log(`\n== ${level} (${(runs / seconds).toFixed(0)} drills/s)\n${'dimension'.padEnd(14)}    min median    max`);
  for (const d of [...DIMENSIONS, 'total' as const]) console.log(`${d.padEnd(14)} ${fmt(summary.scores[d])}`);
  console.log(`expected actions met on time: ${summary.expectedMet.mean.toFixed(1)} of ${summary.expectedMet.of} on average`);
  for (const [id, rate] of Object.entries(summary.expectedRate)) console.log(`  ${(rate * 100).toFixed(0).padStart(3)}%  ${id}`);
  console.log(`endings: ${Object.entries(summary.endings).map(([id, n]) => `${id} ${n}`).join(', ')}`);
  const totals = results.map((r) => teamTotal(r.state.scores));
  const [p5, p95] = [quantile(totals, 0.05), quantile(totals, 0.95)];
  console.log(`total from the 5th to the 95th percentile: ${p5.toFixed(1)}–${p95.toFixed(1)}, a spread of ${(p95 - p5).toFixed(1)} points (target ≥ 10)`);
  console.log(`what a post meets, shared by two seeds (median pair and post): ${(sharedInteractions(results) * 100).toFixed(0)}% (target ≤ 70%)`);
  const failures = results.filter((r) => r.state.ending?.id && r.morning.endings.find((e) => e.id === r.state.ending!.id)?.outcome === 'failed').length;
  const earliest = earliestFailure(results);
  console.log(`failure endings: ${failures} of ${results.length}` + (earliest === null ? '' : `, the earliest after ${earliest} real minutes at the default speed (target: none before ${EARLIEST_FAILURE_MINUTES})`));
  // How much of the drill each room had something to do (sampled each scenario minute, over up to 20 seeds).
  const shares = results.slice(0, 20).map((r, i) => busyShare(scenario, firstSeed + i, Object.fromEntries(Object.entries(r.roster).map(([post, seat]) => [post, seat.skill!]))));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`rooms with something to do (median share of the drill's minutes): ${scenario.rooms.map((r) => `${r.id} ${(median(shares.map((x) => x[r.id]!)) * 100).toFixed(0)}%`).join(', ')}`);
}

// Reading time, and what a careful reader loses: expert choices, but every card takes 40 real
// seconds at the default speed and every step of room work 15 (instead of the expert's minute of
// scenario time).
const morning = drawMorning(scenario, firstSeed, difficulty).scenario;
const reading = readingTime(morning);
console.log(`\nreal seconds a card waits for its reader at the default speed (${morning.clock.compression}×): ${scenario.rooms.map((r) => `${r.id} least ${reading[r.id]!.least.toFixed(0)}, median ${reading[r.id]!.median.toFixed(0)}`).join('; ')}`);
const CAREFUL_SECONDS = 40;
const CAREFUL_STEP_SECONDS = 15;
const carefulRuns = Math.min(runs, 50);
const experts = Object.fromEntries(scenario.posts.map((p) => [p.id, 'expert' as Skill]));
const instant: number[] = [];
const careful: number[] = [];
for (let i = 0; i < carefulRuns; i++) {
  instant.push(teamTotal(runBotDrill(scenario, firstSeed + i, experts, { level: difficulty }).state.scores));
  careful.push(teamTotal(runBotDrill(scenario, firstSeed + i, experts, { level: difficulty, secondsPerCard: CAREFUL_SECONDS, secondsPerStep: CAREFUL_STEP_SECONDS }).state.scores));
}
const lost = quantile(instant, 0.5) - quantile(careful, 0.5);
console.log(`a careful reader (${CAREFUL_SECONDS} s a card, ${CAREFUL_STEP_SECONDS} s a step of room work, expert choices) scores ${quantile(careful, 0.5).toFixed(1)} against ${quantile(instant, 0.5).toFixed(1)} for instant play: ${lost.toFixed(1)} points lost (target ≤ 5; medians of ${carefulRuns} seeds)`);

if (values['suggest-speed']) {
  // Medians over 30 seeds at each whole speed from the scenario's own down, until the loss is small enough.
  const lossAt = (compression: number) => {
    const paced = { ...scenario, clock: { ...scenario.clock, compression } };
    const fast: number[] = [];
    const slow: number[] = [];
    for (let i = 0; i < 30; i++) {
      fast.push(teamTotal(runBotDrill(paced, firstSeed + i, experts, { level: difficulty }).state.scores));
      slow.push(teamTotal(runBotDrill(paced, firstSeed + i, experts, { level: difficulty, secondsPerCard: CAREFUL_SECONDS, secondsPerStep: CAREFUL_STEP_SECONDS }).state.scores));
    }
    return quantile(fast, 0.5) - quantile(slow, 0.5);
  };
  let speed = scenario.clock.compression;
  while (speed > 1 && lossAt(speed) > 5) speed--;
  const minutes = (scenario.clock.end - scenario.clock.start) / speed / 60;
  console.log(`\nfastest default speed at which the careful reader loses at most 5 points: ${speed}× (the drill then lasts ${minutes.toFixed(0)} real minutes; now ${scenario.clock.compression}×)`);
}

if (values.levels) {
  const byLevel = measureLevels(scenario, Math.min(runs, 100));
  console.log(`\nmedian total by level (${Math.min(runs, 100)} seeds each): ${Object.entries(byLevel.levels).map(([l, m]) => `${l} novice ${m.novice} / expert ${m.expert}`).join('; ')}`);
  for (const p of levelProblems(byLevel)) console.log(`  not met: ${p}`);
}

const coverage = summarizeRuns(allResults);
const unplayed = scenario.interactions.filter((i) => !coverage.interactionsPlayed.has(i.id)).map((i) => i.id);
const unreached = scenario.endings.filter((e) => !coverage.endings[e.id]).map((e) => e.id);
console.log(`\ncoverage: ${coverage.interactionsPlayed.size}/${scenario.interactions.length} interactions played` + (unplayed.length ? ` (never: ${unplayed.join(', ')})` : ''));
console.log(`endings reached: ${scenario.endings.length - unreached.length}/${scenario.endings.length}` + (unreached.length ? ` (never: ${unreached.join(', ')})` : ''));
