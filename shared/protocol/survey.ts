import { z } from 'zod';
import { DisplayNameSchema } from './messages.js';
import { IdSchema } from '../scenario/schema.js';

/** Confidence on a five-point scale, asked before and after the drill. */
const ConfidenceSchema = z.number().int().min(1, 'choose 1 to 5').max(5, 'choose 1 to 5');
const AnswerText = z
  .string()
  .trim()
  .max(1000, 'use at most 1000 characters')
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'no control characters');

/** One trainee's lessons-learned answers, asked at the end of a drill. */
export const SurveyAnswersSchema = z.strictObject({
  wentWell: AnswerText,
  toChange: AnswerText,
  confidenceBefore: ConfidenceSchema,
  confidenceAfter: ConfidenceSchema,
});
export type SurveyAnswers = z.infer<typeof SurveyAnswersSchema>;

/**
 * HTTP body of POST /api/drills/:id/survey. The report token proves the sender was in the drill;
 * a second answer from the same name replaces the first.
 */
export const SurveySubmissionSchema = z.strictObject({
  token: z.string().min(16).max(64),
  name: DisplayNameSchema,
  post: IdSchema.nullable(),
  answers: SurveyAnswersSchema,
});
export type SurveySubmission = z.infer<typeof SurveySubmissionSchema>;

/** A stored answer, as the report reads it. */
export interface SurveyResponse {
  name: string;
  post: string | null;
  answers: SurveyAnswers;
  submittedAt: string;
}
