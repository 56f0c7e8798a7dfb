import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { QualitySchema } from '../scenario/schema.js';
import { DimensionSchema } from '../scores/dimensions.js';

/**
 * The debrief of one drill, as the server sends it (GET /api/drills/:id/debrief) and the report
 * renders it. Every line a person reads is a Text in both languages, so one debrief serves both.
 */

const Clock = z.number().int().nonnegative();

/**
 * HSEEP's four ratings of how an objective was performed: P without challenges, S with some,
 * M with major challenges, U unable to be performed; N/A when the duty never applied.
 */
export const RatingSchema = z.enum(['P', 'S', 'M', 'U', 'N/A']);
export type Rating = z.infer<typeof RatingSchema>;

/** One link of "this choice → this NPC reacted → this score moved", oldest first. */
export const ChainStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), at: Clock, post: z.string(), who: TextSchema, npc: TextSchema, choice: TextSchema, quality: QualitySchema }),
  z.object({ kind: z.literal('share'), at: Clock, post: z.string(), who: TextSchema, fact: TextSchema, rooms: z.array(TextSchema) }),
  z.object({ kind: z.literal('reaction'), at: Clock, npc: TextSchema, reply: TextSchema.nullable(), moodFrom: z.number().nullable(), moodTo: z.number().nullable() }),
  z.object({ kind: z.literal('timeout'), at: Clock, npc: TextSchema, room: TextSchema, outcome: TextSchema }),
  z.object({ kind: z.literal('inject'), at: Clock, title: TextSchema, followUp: z.boolean(), byTrainer: z.boolean() }),
  z.object({ kind: z.literal('duty'), at: Clock, title: TextSchema, status: z.enum(['met', 'late', 'missed']) }),
  z.object({ kind: z.literal('score'), at: Clock, dim: DimensionSchema, delta: z.number(), value: z.number(), reason: TextSchema }),
]);
export type ChainStep = z.infer<typeof ChainStepSchema>;

/** Every score event of the drill, with the chain of causes behind it. */
export const ScoreChangeSchema = z.object({
  seq: z.number().int(),
  at: Clock,
  dim: DimensionSchema,
  delta: z.number(),
  value: z.number(),
  reason: TextSchema,
  /** The post whose decision (or missed duty) this goes back to, if any. */
  post: z.string().nullable(),
  /** The decision (by its seq) this goes back to, if any. */
  decision: z.number().int().nullable(),
  chain: z.array(ChainStepSchema).min(1),
});
export type ScoreChange = z.infer<typeof ScoreChangeSchema>;

export const EffectLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score'), at: Clock, dim: DimensionSchema, delta: z.number(), value: z.number(), reason: TextSchema, via: TextSchema.nullable() }),
  z.object({ kind: z.literal('mood'), at: Clock, npc: TextSchema, from: z.number(), to: z.number() }),
  z.object({ kind: z.literal('flag'), at: Clock, label: TextSchema, set: z.boolean() }),
  z.object({ kind: z.literal('fact'), at: Clock, fact: TextSchema, room: TextSchema }),
  z.object({ kind: z.literal('followUp'), at: Clock, title: TextSchema, due: Clock }),
  z.object({ kind: z.literal('cancelled'), at: Clock, title: TextSchema }),
  z.object({ kind: z.literal('duty'), at: Clock, title: TextSchema, status: z.enum(['met', 'late']) }),
]);
export type EffectLine = z.infer<typeof EffectLineSchema>;

/** A statement as it went out, part by part, each with the scenario's judgement and why. */
export const ComposedSchema = z.object({
  lines: z.array(z.object({ element: TextSchema, text: TextSchema, quality: QualitySchema, note: TextSchema })),
  claims: z.array(z.object({ text: TextSchema, status: z.enum(['confirmed', 'unconfirmed', 'disproved']), accurate: z.boolean(), note: TextSchema })),
  /** The elements the procedure requires that it left out. */
  missing: z.array(TextSchema),
  /** The public's questions it left unanswered. */
  open: z.array(TextSchema),
  tone: z.object({ chosen: TextSchema, best: TextSchema, note: TextSchema }),
});
export type Composed = z.infer<typeof ComposedSchema>;

export const FiledFieldSchema = z.object({
  label: TextSchema,
  /** The claim written in it; null when left for a follow-up. */
  text: TextSchema.nullable(),
  verdict: z.enum(['accurate', 'unconfirmed', 'wrong', 'blank']),
  note: TextSchema.nullable(),
});
export type FiledField = z.infer<typeof FiledFieldSchema>;

/** A choice a post made (an answer, a memo, a statement, a review of one), or a moment nobody took (an NPC who timed out). */
export const DecisionSchema = z.object({
  seq: z.number().int(),
  at: Clock,
  kind: z.enum(['response', 'share', 'timeout', 'statement', 'review', 'feed', 'report']),
  /** Who acted; a timeout belongs to the posts of its room (`room`). */
  post: z.string().nullable(),
  room: z.string(),
  /** The interaction answered or left unanswered (for a response or a timeout). */
  interaction: z.string().nullable(),
  who: TextSchema.nullable(),
  by: z.enum(['human', 'bot']).nullable(),
  /** What was asked: the NPC and the line, or the fact being shared. */
  situation: TextSchema,
  /** What was done: the answer, the memo, or what happened when nobody answered. */
  choice: TextSchema,
  reply: TextSchema.nullable(),
  quality: QualitySchema.nullable(),
  /** For an answer: the options in the order they were shown, and where the chosen one was (1 = first). */
  shown: z.array(z.object({ id: z.string(), text: TextSchema, quality: QualitySchema })).nullable(),
  position: z.number().int().positive().nullable(),
  /** The same in one line: "Options as shown: 1 good · 2 best (chosen) · 3 poor · 4 bad". */
  shownLine: TextSchema.nullable(),
  /** Why it was good or poor, in the scenario's words against the procedure. */
  note: TextSchema,
  /** The procedure of every duty this decision completed. */
  procedures: z.array(z.object({ duty: TextSchema, text: TextSchema })),
  effects: z.array(EffectLineSchema),
  /** Score changes (by seq) that go back to this decision, including later follow-ups. */
  scoreChanges: z.array(z.number().int()),
  net: z.record(z.string(), z.number()),
  /** For a published statement: each part as written, judged against the procedure. */
  composed: ComposedSchema.optional(),
  /** For a filed report: each field as filed, judged by what the room could confirm then. */
  filed: z.array(FiledFieldSchema).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const ExpectedOutcomeSchema = z.object({
  id: z.string(),
  title: TextSchema,
  post: z.string(),
  who: TextSchema,
  procedure: TextSchema,
  status: z.enum(['pending', 'met', 'late', 'missed', 'not-applicable']),
  deadline: Clock.nullable(),
  doneAt: Clock.nullable(),
  /** The decision that completed it, when one did. */
  decision: z.number().int().nullable(),
  rating: RatingSchema,
});
export type ExpectedOutcome = z.infer<typeof ExpectedOutcomeSchema>;

export const DimensionResultSchema = z.object({
  dim: DimensionSchema,
  label: TextSchema,
  baseline: z.number(),
  final: z.number(),
  min: z.number(),
  max: z.number(),
  rating: RatingSchema,
  /** The value after each change, starting at the baseline and ending at the drill's end. */
  points: z.array(z.object({ at: Clock, value: z.number() })),
});
export type DimensionResult = z.infer<typeof DimensionResultSchema>;

/** A strength or an area for improvement, with the data it rests on and, for an area, what to do. */
export const FindingSchema = z.object({
  topic: z.enum(['dimension', 'duty', 'waiting', 'sharing', 'choices']),
  post: z.string().nullable(),
  title: TextSchema,
  evidence: z.array(TextSchema),
  action: TextSchema.nullable(),
  owner: TextSchema.nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const DebriefSchema = z.object({
  scenario: z.object({ id: z.string(), version: z.number(), title: TextSchema, summary: TextSchema }),
  clock: z.object({ start: Clock, end: Clock }),
  ending: z.object({
    id: z.string().nullable(),
    title: TextSchema.nullable(),
    outcome: z.enum(['resolved', 'contained', 'failed']).nullable(),
    reason: z.enum(['condition', 'time-up', 'trainer', 'abandoned']),
    at: Clock,
  }),
  posts: z.array(z.object({ id: z.string(), name: TextSchema, room: z.string(), roomName: TextSchema, who: TextSchema, kind: z.enum(['human', 'bot']) })),
  /** The post this debrief is for, or null for the whole team (the trainer's view). */
  forPost: z.string().nullable(),
  total: z.object({ baseline: z.number(), final: z.number() }),
  dimensions: z.array(DimensionResultSchema),
  decisions: z.array(DecisionSchema),
  changes: z.array(ScoreChangeSchema),
  expected: z.array(ExpectedOutcomeSchema),
  strengths: z.array(FindingSchema),
  improvements: z.array(FindingSchema),
});
export type Debrief = z.infer<typeof DebriefSchema>;
