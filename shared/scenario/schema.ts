import { z } from 'zod';
import { TextSchema } from '../i18n/text.js';
import { DimensionSchema, DIMENSIONS, SCORE_MAX, SCORE_MIN } from '../scores/dimensions.js';
import { ClockTimeSchema, MinutesSchema } from './clockTime.js';
import { ConditionSchema, EffectSchema, IdSchema, MoodValueSchema, QualitySchema, ResponseTagSchema, NPC_KINDS, RoomTypeSchema } from './parts.js';
import { ClaimSchema } from './work/claims.js';
import { StatementSchema } from './work/statements.js';
import { FeedItemSchema } from './work/feed.js';
import { ReportSchema } from './work/reports.js';
import { OpsBoardSchema } from './work/opsBoard.js';
import { PhoneSchema } from './work/phone.js';
import { FloorSchema } from './work/floor.js';
import { ArrivalStreamSchema } from './arrivals.js';
import { VariantsSchema } from './variants.js';

export * from './parts.js';

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
  /** Claims this answer states in public: what the statement it is said beside must agree with. */
  says: z.array(IdSchema).default([]),
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
    /** Someone the procedure asks staff to protect first (an elderly customer): left waiting, it costs more. */
    vulnerable: z.boolean().optional(),
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

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  version: z.number().int().positive(),
  /** The source document the facts come from, for authors. */
  source: z.string().min(1),
  title: TextSchema,
  summary: TextSchema,
  briefing: TextSchema,
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
  /** What a room could say about the incident, true or not, confirmed by facts or not. */
  claims: z.array(ClaimSchema).default([]),
  /** Statements the newsroom composes from parts. */
  statements: z.array(StatementSchema).default([]),
  /** Posts that can appear in the newsroom's feed. */
  feed: z.array(FeedItemSchema).default([]),
  /** Written reports to an authority, filed field by field. */
  reports: z.array(ReportSchema).default([]),
  /** The ops room's incident board. */
  board: OpsBoardSchema.optional(),
  /** The hotline's call queue, tickets and call-backs. */
  phone: PhoneSchema.optional(),
  /** The branch floor: ticket numbers, counters, the private room, security. */
  floor: FloorSchema.optional(),
  /** Streams of routine arrivals (callers, walk-ins, posts) the seed picks and spreads over a window. */
  arrivals: z.array(ArrivalStreamSchema).default([]),
  /** What the seed varies from one morning to the next: alternative injects, complications, timing, values. */
  variants: VariantsSchema.optional(),
});
/** A scenario as the engine uses it: times in seconds, defaults filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Ending = Scenario['endings'][number];
export type Fact = Scenario['facts'][number];
export type { Claim } from './work/claims.js';
export type { Statement, StatementElement, LineElement, Tone } from './work/statements.js';
export type { FeedItem, FeedAction } from './work/feed.js';
export type { Report } from './work/reports.js';
export type { OpsBoard, BoardKind } from './work/opsBoard.js';
export type { Phone, PhoneCall, PhoneCategory, CallbackMinutes } from './work/phone.js';
export type { Floor, Service } from './work/floor.js';
export type { ArrivalStream } from './arrivals.js';
