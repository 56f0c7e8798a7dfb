import { z } from 'zod';
import { TextSchema } from '../../i18n/text.js';
import { EffectSchema, IdSchema, QualitySchema } from '../parts.js';

/** What the newsroom can do with a post in the feed. */
export const FEED_ACTIONS = ['reply', 'rebut', 'escalate'] as const;
export const FeedActionSchema = z.enum(FEED_ACTIONS);
export type FeedAction = z.infer<typeof FeedActionSchema>;

/** How the procedure judges one action on a post, and what it does besides moving the heat. */
const ActionJudgementSchema = z.strictObject({
  quality: QualitySchema,
  note: TextSchema,
  effects: z.array(EffectSchema).default([]),
});

/**
 * A post in the newsroom's feed: it appears when an effect posts it (`feedPost`), spreads and
 * gains heat over time, and blows up once its heat reaches `threshold` (then `onThreshold`
 * happens, once). Replying with the published statement, rebutting with a fact or escalating to
 * ops each changes its heat by the engine's rules; `actions` is the scenario's judgement of each.
 */
export const FeedItemSchema = z.strictObject({
  id: IdSchema,
  author: TextSchema,
  text: TextSchema,
  /** The rumour or guess it spreads, if any: a rebuttal must answer its question with a confirmed fact. */
  claim: IdSchema.optional(),
  /** Heat when posted, 0 to 100. */
  heat: z.number().int().min(0).max(100),
  /** Heat gained per ten scenario minutes while nobody answers it well. */
  growth: z.number().int().min(0).max(50),
  threshold: z.number().int().min(1).max(100),
  onThreshold: z.array(EffectSchema).min(1),
  actions: z.strictObject({ reply: ActionJudgementSchema, rebut: ActionJudgementSchema, escalate: ActionJudgementSchema }),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;
