import { DIMENSIONS, teamTotal, type Dimension } from '../scores/dimensions.js';
import type { BotDrillResult } from './runBotDrill.js';

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface RunsSummary {
  runs: number;
  scores: Record<Dimension | 'total', Spread>;
  /** Mean number of expected actions met on time per run, and how many the scenario has. */
  expectedMet: { mean: number; of: number };
  /** For each expected action, the share of runs in which it was met on time. */
  expectedRate: Record<string, number>;
  endings: Record<string, number>;
  /** Interactions answered or timed out in at least one run. */
  interactionsPlayed: Set<string>;
  /** Responses chosen in at least one run, as "interaction/response". */
  responsesChosen: Set<string>;
}

export function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

export function summarizeRuns(results: BotDrillResult[]): RunsSummary {
  const scores = {} as RunsSummary['scores'];
  for (const d of DIMENSIONS) scores[d] = spreadOf(results.map((r) => r.state.scores[d]));
  scores.total = spreadOf(results.map((r) => teamTotal(r.state.scores)));
  const expectedIds = Object.keys(results[0]?.state.expected ?? {});
  const expectedRate: Record<string, number> = {};
  for (const id of expectedIds) {
    expectedRate[id] = results.filter((r) => r.state.expected[id]!.status === 'met').length / results.length;
  }
  const endings: Record<string, number> = {};
  const interactionsPlayed = new Set<string>();
  const responsesChosen = new Set<string>();
  for (const r of results) {
    const key = r.state.ending?.id ?? 'stopped';
    endings[key] = (endings[key] ?? 0) + 1;
    for (const e of r.events) {
      if (e.type === 'response') {
        interactionsPlayed.add(e.interaction);
        responsesChosen.add(`${e.interaction}/${e.response}`);
      } else if (e.type === 'timeout') interactionsPlayed.add(e.interaction);
    }
  }
  const metCounts = results.map((r) => Object.values(r.state.expected).filter((x) => x.status === 'met').length);
  return {
    runs: results.length,
    scores,
    expectedMet: { mean: metCounts.reduce((a, b) => a + b, 0) / Math.max(1, results.length), of: expectedIds.length },
    expectedRate,
    endings,
    interactionsPlayed,
    responsesChosen,
  };
}
