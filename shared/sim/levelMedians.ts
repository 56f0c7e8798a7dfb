import { teamTotal } from '../scores/dimensions.js';
import { LEVELS, type Level } from '../scenario/levels.js';
import type { Scenario } from '../scenario/schema.js';
import type { Skill } from '../bots/skill.js';
import { runBotDrill } from './runBotDrill.js';
import { quantile } from './variety.js';

export type LevelMedians = Record<Level, { novice: number; expert: number }>;

/** How far apart the novice medians of neighbouring levels must be, introductory highest. */
export const LEVEL_GAP = 5;

/** The median team total of novice and of expert bots at each level, over seeds 1..runs. */
export function measureLevels(scenario: Scenario, runs: number): LevelMedians {
  const median = (level: Level, skill: Skill) => {
    const team = Object.fromEntries(scenario.posts.map((p) => [p.id, skill]));
    const totals = Array.from({ length: runs }, (_, i) => teamTotal(runBotDrill(scenario, i + 1, team, { level }).state.scores));
    return Math.round(quantile(totals, 0.5) * 10) / 10;
  };
  return Object.fromEntries(LEVELS.map((level) => [level, { novice: median(level, 'novice'), expert: median(level, 'expert') }])) as LevelMedians;
}

/** What is wrong with the order of the levels' novice medians, if anything. */
export function levelOrderProblems(m: LevelMedians): string[] {
  const problems: string[] = [];
  for (let i = 0; i + 1 < LEVELS.length; i++) {
    const easier = LEVELS[i]!;
    const harder = LEVELS[i + 1]!;
    const gap = m[easier].novice - m[harder].novice;
    if (gap < LEVEL_GAP) problems.push(`novices score ${m[easier].novice} at ${easier} and ${m[harder].novice} at ${harder}: the easier level must be at least ${LEVEL_GAP} points higher`);
  }
  return problems;
}
