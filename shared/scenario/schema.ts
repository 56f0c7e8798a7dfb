import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { DimensionSchema, DIMENSIONS, SCORE_MAX, SCORE_MIN } from '../scores/dimensions.js';
import { ClockTimeSchema, MinutesSchema } from './clockTime.js';

/** Ids are lowercase kebab-case so that they read well in YAML, logs and URLs. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case, for example angry-depositor');

export const ROOM_TYPES = ['lobby', 'phone', 'newsroom', 'ops'] as const;
export const RoomTypeSchema = z.enum(ROOM_TYPES);

export const NPC_KINDS = ['customer', 'caller', 'reporter', 'blogger', 'official', 'executive', 'staff', 'system'] as const;

/**
 * What a response does, as the NPC perceives it. Archetypes list the tags that calm or anger
 * them, so the same answer lands differently on an elderly customer and on a blogger.
 */
export const RESPONSE_TAGS = [
  'empathy', 'apology', 'facts', 'script', 'private-room', 'security', 'escalate', 'data-check',
  'callback', 'compensation', 'promise', 'brush-off', 'jargon', 'speculation', 'no-comment', 'blame',
] as const;
export const ResponseTagSchema = z.enum(RESPONSE_TAGS);

/** How good a response is against the procedure; bots of each skill and the debrief read it. */
export const QUALITIES = ['best', 'good', 'poor', 'bad'] as const;
export const QualitySchema = z.enum(QUALITIES);
export type Quality = z.infer<typeof QualitySchema>;

const MoodValueSchema = z.number().int().min(0).max(100);

/**
 * Conditions on the drill's state. `fact` asks whether the acting room knows a fact (inside an
 * interaction) or whether any room does (elsewhere, unless `room` is given). `mood` only makes
 * sense inside an interaction, where it reads the speaking NPC's mood.
 */
export const ConditionSchema: z.ZodType<Condition, ConditionInput> = z.lazy(() =>
  z.union([
    z.strictObject({ flag: IdSchema }),
    z.strictObject({ fact: IdSchema, room: IdSchema.optional() }),
    z.strictObject({ mood: z.strictObject({ atLeast: MoodValueSchema.optional(), below: MoodValueSchema.optional() }) }),
    z.strictObject({ score: DimensionSchema, atLeast: z.number().optional(), below: z.number().optional() }),
    z.strictObject({ after: ClockTimeSchema }),
    z.strictObject({ before: ClockTimeSchema }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);
export type Condition =
  | { flag: string }
  | { fact: string; room?: string }
  | { mood: { atLeast?: number; below?: number } }
  | { score: (typeof DIMENSIONS)[number]; atLeast?: number; below?: number }
  | { after: number }
  | { before: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
type ConditionInput =
  | { flag: string }
  | { fact: string; room?: string }
  | { mood: { atLeast?: number; below?: number } }
  | { score: (typeof DIMENSIONS)[number]; atLeast?: number; below?: number }
  | { after: string }
  | { before: string }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };

export const EffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('score'),
    dim: DimensionSchema,
    delta: z.number().int().min(-30).max(30).refine((d) => d !== 0, 'a score effect must move the score'),
    reason: TextSchema,
  }),
  /** Moves the mood of the NPC the interaction is with. */
  z.strictObject({ type: z.literal('mood'), delta: z.number().int().min(-100).max(100) }),
  /** Moves the mood of everyone still waiting in a room, except those already calm. */
  z.strictObject({ type: z.literal('crowd'), room: IdSchema, delta: z.number().int().min(-100).max(100) }),
  z.strictObject({ type: z.literal('setFlag'), flag: IdSchema }),
  z.strictObject({ type: z.literal('clearFlag'), flag: IdSchema }),
  /** The acting room (or the inject's room, or `room`) now knows the fact. */
  z.strictObject({ type: z.literal('learnFact'), fact: IdSchema, room: IdSchema.optional() }),
  /** Fires an inject later: "the customer posts online in ten minutes". */
  z.strictObject({ type: z.literal('followUp'), inject: IdSchema, after: MinutesSchema }),
  /** Calls off pending follow-ups of an inject: a rebuttal that stops a story before it runs. */
  z.strictObject({ type: z.literal('cancelFollowUp'), inject: IdSchema }),
]);
export type Effect = z.infer<typeof EffectSchema>;

export const ResponseSchema = z.strictObject({
  id: IdSchema,
  text: TextSchema,
  /** What the NPC says back, shown to the player after choosing. */
  reply: TextSchema.optional(),
  requires: ConditionSchema.optional(),
  /**
   * While `requires` does not hold the response is shown locked, with why: this text, or one
   * written from the condition (the facts' labels, the flags' labels) when it is absent.
   */
  locked: TextSchema.optional(),
  quality: QualitySchema,
  tags: z.array(ResponseTagSchema).default([]),
  effects: z.array(EffectSchema).default([]),
  /** The conversation goes on with this interaction; without it the NPC is done. */
  next: IdSchema.optional(),
  /** Why this was good or poor, citing the procedure: the debrief shows it. */
  note: TextSchema,
});
export type Response = z.infer<typeof ResponseSchema>;

export const TimeoutSchema = z.strictObject({
  /** Defaults to the speaking NPC's patience. */
  after: MinutesSchema.optional(),
  /** What the player sees happen: "the caller hangs up". */
  outcome: TextSchema,
  effects: z.array(EffectSchema).default([]),
  next: IdSchema.optional(),
  note: TextSchema,
});

export const InteractionSchema = z.strictObject({
  id: IdSchema,
  room: IdSchema,
  /** Who speaks: a customer, a reporter, or the tech lead at the incident board. */
  npc: IdSchema,
  /** Which posts may answer; by default every post in the room. */
  posts: z.array(IdSchema).min(1).optional(),
  prompt: TextSchema,
  responses: z.array(ResponseSchema).min(3, 'needs 3 to 5 responses').max(5, 'needs 3 to 5 responses'),
  timeout: TimeoutSchema,
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const ArchetypeSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(NPC_KINDS),
  name: TextSchema,
  description: TextSchema,
  traits: z.strictObject({
    /** Minutes the NPC waits for an answer before giving up. */
    patience: MinutesSchema,
    /** Mood points lost per ten minutes of waiting; calm NPCs (mood 80+) do not lose any. */
    temper: z.number().int().min(0).max(50),
    /** 1 to 3: multiplies the reputation effects of dealing with this NPC (a blogger with a following). */
    influence: z.number().int().min(1).max(3),
    /** Mood on arrival, 0 furious to 100 calm. */
    mood: MoodValueSchema,
    calmedBy: z.array(ResponseTagSchema).default([]),
    angeredBy: z.array(ResponseTagSchema).default([]),
  }),
});
export type Archetype = z.infer<typeof ArchetypeSchema>;

export const InjectSchema = z.strictObject({
  id: IdSchema,
  /** Fires at this scenario time (and only if `when` holds then, when both are given). */
  at: ClockTimeSchema.optional(),
  /** Fires once, as soon as this holds. */
  when: ConditionSchema.optional(),
  /** A trainer may fire it from the console. */
  optional: z.boolean().default(false),
  room: IdSchema,
  title: TextSchema,
  message: TextSchema,
  /** Interactions that open: each brings its speaker into the room. */
  spawn: z.array(IdSchema).default([]),
  effects: z.array(EffectSchema).default([]),
});
export type Inject = z.infer<typeof InjectSchema>;

export const DeadlineSchema = z.union([
  z.strictObject({ at: ClockTimeSchema }),
  z.strictObject({ within: MinutesSchema, of: IdSchema }),
]);

export const ExpectedActionSchema = z.strictObject({
  id: IdSchema,
  title: TextSchema,
  /** The post whose duty this is, for the debrief. */
  post: IdSchema,
  done: ConditionSchema,
  /** Absolute, or relative to when an inject fires (inactive if it never does). */
  deadline: DeadlineSchema,
  onTime: z.array(EffectSchema).min(1),
  missed: z.array(EffectSchema).min(1),
  /** What the source procedure asks for, shown in the debrief. */
  procedure: TextSchema,
});
export type ExpectedAction = z.infer<typeof ExpectedActionSchema>;

export const EndingSchema = z.strictObject({
  id: IdSchema,
  /** Ends the drill as soon as it holds; the one ending without it is reached when the clock runs out. */
  when: ConditionSchema.optional(),
  outcome: z.enum(['resolved', 'contained', 'failed']),
  title: TextSchema,
  summary: TextSchema,
});

const ScoresSchema = z.strictObject(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().int().min(SCORE_MIN).max(SCORE_MAX)])) as Record<
    (typeof DIMENSIONS)[number],
    z.ZodNumber
  >,
);

export const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;
export const DifficultySchema = z.enum(DIFFICULTIES);

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  version: z.number().int().positive(),
  /** The source document the facts come from, for authors. */
  source: z.string().min(1),
  title: TextSchema,
  summary: TextSchema,
  briefing: TextSchema,
  /** For trainers choosing a drill for their class. */
  difficulty: DifficultySchema,
  clock: z.strictObject({
    start: ClockTimeSchema,
    end: ClockTimeSchema,
    /** Scenario seconds per real second by default; the trainer can change it. */
    compression: z.number().positive().max(600),
  }),
  baseline: ScoresSchema,
  /** Coordination points for each room a shared fact newly reaches. */
  sharing: z.strictObject({ coordinationPerRoom: z.number().int().min(0).max(10) }),
  rooms: z.array(z.strictObject({ id: IdSchema, type: RoomTypeSchema, name: TextSchema })).min(1),
  posts: z.array(z.strictObject({ id: IdSchema, room: IdSchema, name: TextSchema, brief: TextSchema })).min(1),
  flags: z.array(z.strictObject({ id: IdSchema, label: TextSchema })).default([]),
  facts: z
    .array(
      z.strictObject({
        id: IdSchema,
        text: TextSchema,
        /** A short name ("the confirmed cause"), for a locked response's reason; the text is used without it. */
        label: TextSchema.optional(),
        /** Rooms that know it when the drill starts. */
        knownBy: z.array(IdSchema).default([]),
      }),
    )
    .default([]),
  cast: z.array(ArchetypeSchema).min(1),
  interactions: z.array(InteractionSchema).min(1),
  injects: z.array(InjectSchema).min(1),
  expected: z.array(ExpectedActionSchema).default([]),
  endings: z.array(EndingSchema).min(1),
});
/** A scenario as the engine uses it: times in seconds, defaults filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Ending = Scenario['endings'][number];
export type Fact = Scenario['facts'][number];
