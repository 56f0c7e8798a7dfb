import { z } from 'zod';
import type { Text } from '../i18n/text.js';

/** The six score dimensions of DESIGN section 4, in display order. */
export const DIMENSIONS = ['trust', 'reputation', 'compliance', 'continuity', 'timeliness', 'coordination'] as const;
export const DimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof DimensionSchema>;
export type Scores = Record<Dimension, number>;

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

export const DIMENSION_LABELS: Record<Dimension, Text> = {
  trust: { 'zh-CN': '客户信任', en: 'Customer trust' },
  reputation: { 'zh-CN': '舆情声誉', en: 'Public reputation' },
  compliance: { 'zh-CN': '合规与法律', en: 'Compliance and legal' },
  continuity: { 'zh-CN': '业务连续性', en: 'Service continuity' },
  timeliness: { 'zh-CN': '响应时效', en: 'Timeliness' },
  coordination: { 'zh-CN': '协同配合', en: 'Coordination' },
};

export function clampScore(value: number): number {
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, value));
}

/** The team total is derived from the six dimensions (their mean, one decimal), never stored. */
export function teamTotal(scores: Scores): number {
  const sum = DIMENSIONS.reduce((acc, d) => acc + scores[d], 0);
  return Math.round((sum / DIMENSIONS.length) * 10) / 10;
}
