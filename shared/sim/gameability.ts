import { SKILLS, type Skill } from '../bots/skill.js';
import { LOCALES, type Locale, type Text } from '../i18n/text.js';
import { QUALITIES, type Quality, type Scenario } from '../scenario/schema.js';
import { teamTotal } from '../scores/dimensions.js';
import { runBotDrill } from './runBotDrill.js';
import { SURFACE_POLICIES, type SurfacePolicy } from './surfacePolicies.js';

/** What a scenario must meet so that its choices test judgement (issue "Choices that test judgement"). */
export const GAMEABILITY_RULES = {
  /** Every surface policy's median total at most this far below the expert bots'. */
  surfaceBelowExpert: 25,
  /** An expert team that never shares a fact must lose at least this much to one that does. */
  silenceCost: 15,
  /** At most this share of choice lists (cards, statement lines) may have their best answer as the longest, per language. */
  bestLongestShare: 0.4,
  /** At least this share of the responses that can be locked must be poor or bad. */
  lockedPoorShare: 0.3,
  /** The expert bots' median total, and their lead over the novices'. */
  expertMedian: 85,
  expertLead: 40,
} as const;

export const DEFAULT_SEEDS = 200;

export interface PolicyResult {
  id: string;
  median: number;
}

export interface GameabilityReport {
  seeds: number;
  /** Median totals of all-bot teams of each skill, and of experts who never share a fact. */
  skills: Record<Skill, number>;
  expertSilent: number;
  policies: PolicyResult[];
  /** For each language, how many interactions have their best answer at each length rank (index 0: the longest). */
  bestLengthRank: Record<Locale, number[]>;
  bestLongest: Record<Locale, number>;
  /** The responses that can be locked (they have a condition), by quality. */
  lockable: Record<Quality, number>;
  lockablePoorShare: number;
  /** Responses whose debrief note names the procedure step or rule it follows or breaks. */
  notesCiting: { citing: number; of: number };
  /** Why the scenario fails the check, one line each; empty when it passes. */
  failures: string[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round((sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
};

function teamMedian(scenario: Scenario, seeds: number, skill: Skill, surface?: SurfacePolicy): number {
  const team = Object.fromEntries(scenario.posts.map((p) => [p.id, skill]));
  const totals: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) totals.push(teamTotal(runBotDrill(scenario, seed, team, surface ? { surface } : {}).state.scores));
  return median(totals);
}

/** Words that name a step or rule of the source procedures, in either language. */
const CITATION: Record<Locale, RegExp> = {
  'zh-CN': /预案|规程|流程|程序|六步|第[一二三四五六]步|步骤|原则|制度|规定|要求|统一口径|先报告|只说已确认|报告时限|工作组|复盘/,
  en: /procedure|the plan|six-step|step (one|two|three|four|five|six|\d)|\brule\b|principle|policy|requires|protocol|one message|report first|only confirmed|working group|review/i,
};

export function citesProcedure(note: Text): boolean {
  return LOCALES.some((l) => CITATION[l].test(note[l]));
}

/**
 * Plays the scenario with players who read only the surface of the options (position, length,
 * wording, lock state) and with the bots that know the procedure, and measures what a reader could
 * use as a tell. A scenario fails if any surface policy reaches the competent bots' median total
 * or comes within `surfaceBelowExpert` of the experts', if silence costs an expert team less than
 * `silenceCost`, if the best answer is too often the longest, or if locks point to good answers.
 */
export function checkGameability(scenario: Scenario, seeds = DEFAULT_SEEDS): GameabilityReport {
  const skills = Object.fromEntries(SKILLS.map((s) => [s, teamMedian(scenario, seeds, s)])) as Record<Skill, number>;
  // An expert team that never shares: the experts' own choices, with every memo left unsent.
  const expertSilent = teamMedian(scenario, seeds, 'expert', { id: 'expert, never sharing', shares: false });
  const policies = SURFACE_POLICIES.map((p) => ({ id: p.id, median: teamMedian(scenario, seeds, 'competent', p) }));

  const lists = choiceLists(scenario);
  const bestLengthRank = Object.fromEntries(LOCALES.map((l) => [l, [] as number[]])) as Record<Locale, number[]>;
  for (const options of lists) {
    for (const l of LOCALES) {
      const lengths = options.map((r) => [...r.text[l]].length);
      const bestLength = Math.max(...options.filter((r) => r.quality === 'best').map((r) => [...r.text[l]].length));
      if (!Number.isFinite(bestLength)) continue;
      const rank = lengths.filter((n) => n > bestLength).length;
      const counts = bestLengthRank[l];
      while (counts.length <= rank) counts.push(0);
      counts[rank]!++;
    }
  }
  const bestLongest = Object.fromEntries(LOCALES.map((l) => [l, (bestLengthRank[l][0] ?? 0) / Math.max(1, lists.length)])) as Record<Locale, number>;
  const lockable = Object.fromEntries(QUALITIES.map((q) => [q, 0])) as Record<Quality, number>;
  let responses = 0;
  let citing = 0;
  for (const options of lists) {
    for (const r of options) {
      responses++;
      if (citesProcedure(r.note)) citing++;
      if (r.requires) lockable[r.quality]++;
    }
  }
  const lockableCount = QUALITIES.reduce((a, q) => a + lockable[q], 0);
  const lockablePoorShare = lockableCount === 0 ? 1 : (lockable.poor + lockable.bad) / lockableCount;

  const failures: string[] = [];
  const R = GAMEABILITY_RULES;
  for (const p of policies) {
    if (p.median >= skills.competent) failures.push(`choosing "${p.id}" reaches ${p.median}, the competent bots' median is ${skills.competent}`);
    else if (p.median > skills.expert - R.surfaceBelowExpert) failures.push(`choosing "${p.id}" reaches ${p.median}, within ${R.surfaceBelowExpert} of the experts' ${skills.expert}`);
  }
  if (skills.expert - expertSilent < R.silenceCost) failures.push(`experts who never share a fact lose only ${round(skills.expert - expertSilent)} (${skills.expert} → ${expertSilent}); silence must cost at least ${R.silenceCost}`);
  for (const l of LOCALES) if (bestLongest[l] > R.bestLongestShare) failures.push(`the best answer is the longest (${l}) in ${pct(bestLongest[l])} of choice lists; at most ${pct(R.bestLongestShare)}`);
  if (lockablePoorShare < R.lockedPoorShare) failures.push(`only ${pct(lockablePoorShare)} of the responses that can be locked are poor or bad; at least ${pct(R.lockedPoorShare)}, so that a lock says nothing about quality`);
  if (skills.expert < R.expertMedian) failures.push(`the expert bots' median total is ${skills.expert}; at least ${R.expertMedian}`);
  if (skills.expert - skills.novice < R.expertLead) failures.push(`experts lead novices by ${round(skills.expert - skills.novice)}; at least ${R.expertLead}`);
  return { seeds, skills, expertSilent, policies, bestLengthRank, bestLongest, lockable, lockablePoorShare, notesCiting: { citing, of: responses }, failures };
}

/**
 * Every list a player chooses one option from: an interaction's responses and each list of lines
 * of a statement. The same rules hold for all of them: no tell in length, wording or locks.
 */
function choiceLists(scenario: Scenario): { text: Text; quality: Quality; note: Text; requires?: unknown }[][] {
  const lists: { text: Text; quality: Quality; note: Text; requires?: unknown }[][] = scenario.interactions.map((i) => i.responses);
  for (const statement of scenario.statements) for (const lines of Object.values(statement.lines)) if (lines) lists.push(lines);
  return lists;
}

const round = (n: number) => Math.round(n * 10) / 10;
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The report as the authoring checker prints it, one line per figure. */
export function formatGameability(r: GameabilityReport): string[] {
  const lines = [
    `bots, median total over ${r.seeds} seeds: novice ${r.skills.novice}, competent ${r.skills.competent}, expert ${r.skills.expert}; experts never sharing ${r.expertSilent} (silence costs ${round(r.skills.expert - r.expertSilent)})`,
    `surface policies (competent pace), median total; the limit is min(competent ${r.skills.competent}, expert − ${GAMEABILITY_RULES.surfaceBelowExpert} = ${round(r.skills.expert - GAMEABILITY_RULES.surfaceBelowExpert)}):`,
    ...r.policies.map((p) => `    ${p.id.padEnd(34)} ${String(p.median).padStart(5)}`),
  ];
  for (const l of LOCALES) lines.push(`best answer's length rank (${l}; 1 = longest): ${r.bestLengthRank[l].map((n, i) => `${i + 1}: ${n}`).join(', ')} — the longest in ${pct(r.bestLongest[l])}`);
  lines.push(`responses that can be locked, by quality: ${QUALITIES.map((q) => `${q} ${r.lockable[q]}`).join(', ')} — poor or bad ${pct(r.lockablePoorShare)}`);
  lines.push(`notes that name the procedure step or rule: ${r.notesCiting.citing} of ${r.notesCiting.of} (${pct(r.notesCiting.citing / Math.max(1, r.notesCiting.of))})`);
  return lines;
}
