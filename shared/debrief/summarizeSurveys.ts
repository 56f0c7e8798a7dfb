import type { SurveyResponse } from '../protocol/survey.js';

export interface SurveySummary {
  count: number;
  /** Mean confidence (1–5) before and after, and the mean change per trainee; null with no answers. */
  before: number | null;
  after: number | null;
  change: number | null;
  wentWell: { name: string; post: string | null; text: string }[];
  toChange: { name: string; post: string | null; text: string }[];
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

/** What the trainees said after the drill, for the report: the confidence shift and every lesson written. */
export function summarizeSurveys(responses: readonly SurveyResponse[]): SurveySummary {
  const answered = (pick: (r: SurveyResponse) => string) =>
    responses.filter((r) => pick(r).trim() !== '').map((r) => ({ name: r.name, post: r.post, text: pick(r).trim() }));
  return {
    count: responses.length,
    before: mean(responses.map((r) => r.answers.confidenceBefore)),
    after: mean(responses.map((r) => r.answers.confidenceAfter)),
    change: mean(responses.map((r) => r.answers.confidenceAfter - r.answers.confidenceBefore)),
    wentWell: answered((r) => r.answers.wentWell),
    toChange: answered((r) => r.answers.toChange),
  };
}
