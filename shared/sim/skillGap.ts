import type { Scenario } from '../scenario/schema.js';
import type { Skill } from '../bots/skill.js';
import { runBotDrill } from './runBotDrill.js';
import { summarizeRuns } from './summarize.js';

/** The least lead, in total points, that expert teams must have over novice teams. */
export const REQUIRED_EXPERT_LEAD = 10;

/** Median totals of all-novice and all-expert teams over the same seeds. */
export function skillGap(scenario: Scenario, runs: number, firstSeed = 1): { novice: number; expert: number; lead: number } {
  const median = (skill: Skill) => {
    const team = Object.fromEntries(scenario.posts.map((p) => [p.id, skill]));
    return summarizeRuns(Array.from({ length: runs }, (_, i) => runBotDrill(scenario, firstSeed + i, team))).scores.total.median;
  };
  const novice = median('novice');
  const expert = median('expert');
  return { novice, expert, lead: Math.round((expert - novice) * 10) / 10 };
}
