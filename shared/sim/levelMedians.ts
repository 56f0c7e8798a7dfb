import { teamTotal } from '../scores/dimensions.js';
import { LEVELS, type Level } from '../scenario/levels.js';
import type { Scenario } from '../scenario/schema.js';
import type { Skill } from '../bots/skill.js';
import { runBotDrill, type BotDrillResult } from './runBotDrill.js';
import { quantile } from './variety.js';

export type LevelMedians = Record<Level, { novice: number; expert: number }>;

export interface LevelMeasure {
  levels: LevelMedians;
  /**
   * The earliest a failure ending came, in real minutes at the default speed, over the novice
   * drills at the standard level; null if none failed.
   */
  earliestFailureMinutes: number | null;
}

/** How far apart the novice medians of neighbouring levels must be, introductory highest. */
export const LEVEL_GAP = 5;
/** No failure ending may come sooner than this at the standard level: failure builds up, it does not happen at the first slip. */
export const EARLIEST_FAILURE_MINUTES = 10;

/** The median team total of novice and of expert bots at each level, over seeds 1..runs. */
export function measureLevels(scenario: Scenario, runs: number): LevelMeasure {
  let earliest: number | null = null;
  const median = (level: Level, skill: Skill) => {
    const team = Object.fromEntries(scenario.posts.map((p) => [p.id, skill]));
    const results = Array.from({ length: runs }, (_, i) => runBotDrill(scenario, i + 1, team, { level }));
    if (level === 'standard' && skill === 'novice') earliest = earliestFailure(results);
    return Math.round(quantile(results.map((r) => teamTotal(r.state.scores)), 0.5) * 10) / 10;
  };
  const levels = Object.fromEntries(LEVELS.map((level) => [level, { novice: median(level, 'novice'), expert: median(level, 'expert') }])) as LevelMedians;
  return { levels, earliestFailureMinutes: earliest };
}

/** Real minutes at the morning's default speed from the start to the first failure ending among the runs; null if none failed. */
export function earliestFailure(results: readonly BotDrillResult[]): number | null {
  let earliest: number | null = null;
  for (const r of results) {
    const ending = r.state.ending;
    if (!ending?.id || r.morning.endings.find((e) => e.id === ending.id)?.outcome !== 'failed') continue;
    const minutes = (ending.at - r.morning.clock.start) / r.morning.clock.compression / 60;
    earliest = earliest === null ? minutes : Math.min(earliest, minutes);
  }
  return earliest === null ? null : Math.round(earliest * 10) / 10;
}

/** What is wrong with the levels' medians and the failure timing, if anything. */
export function levelProblems(m: LevelMeasure): string[] {
  const problems: string[] = [];
  for (let i = 0; i + 1 < LEVELS.length; i++) {
    const easier = LEVELS[i]!;
    const harder = LEVELS[i + 1]!;
    const gap = m.levels[easier].novice - m.levels[harder].novice;
    if (gap < LEVEL_GAP) problems.push(`novices score ${m.levels[easier].novice} at ${easier} and ${m.levels[harder].novice} at ${harder}: the easier level must be at least ${LEVEL_GAP} points higher`);
  }
  if (m.earliestFailureMinutes !== null && m.earliestFailureMinutes < EARLIEST_FAILURE_MINUTES) {
    problems.push(`a novice team reached a failure ending after ${m.earliestFailureMinutes} real minutes at the standard level: none may come before ${EARLIEST_FAILURE_MINUTES}`);
  }
  return problems;
}
