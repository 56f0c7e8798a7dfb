import { z } from 'zod';
import { WorkPanelSchema } from './workPanel.js';
import { DrillEventSchema } from '../engine/events.js';
import { TextSchema } from '../i18n/text.js';
import { IdSchema } from '../scenario/schema.js';
import { DimensionSchema } from '../scores/dimensions.js';
import { CHAT_HISTORY_PER_CHANNEL, ChatChannelSchema, ChatSenderSchema, ChatTextSchema } from './chat.js';
import { ModeSchema } from './messages.js';
import { REJECTION_CODES } from './rejections.js';

// Every message the server sends, one schema each. The server builds them with these types and
// the client parses each one with its schema before anything reads it (client/net/).

const Ref = z.number().int().nonnegative().nullable();
const Clock = z.number().int().nonnegative();

/** After joining: who you are in this drill, and the token that gets your seat back. */
export const WelcomeSchema = z.strictObject({
  role: z.enum(['trainer', 'player', 'spectator']),
  participant: z.string().min(16).max(64),
  post: IdSchema.nullable(),
  code: z.string(),
  mode: ModeSchema,
  /** To the trainer and spectators: the optional injects the trainer may fire. */
  injects: z.array(z.strictObject({ id: IdSchema, room: IdSchema, title: TextSchema })).optional(),
});

/** A message of yours was refused: its code (translate it), a reason in English for logs, and your `ref`. */
export const RejectedSchema = z.strictObject({
  code: z.enum(REJECTION_CODES),
  reason: z.string(),
  ref: Ref,
  type: z.string().max(40),
});

export const HintSchema = z.strictObject({ post: IdSchema, text: z.string().min(1).max(280), at: Clock });
export const FreedSchema = z.strictObject({ post: IdSchema, at: Clock });
export const SeatedSchema = z.strictObject({ post: IdSchema.nullable(), ref: Ref });

export const EndedSchema = z.strictObject({
  record: z.string().nullable(),
  reportToken: z.string().nullable(),
  ending: z.strictObject({ id: z.string().nullable(), at: Clock, reason: z.enum(['condition', 'time-up', 'trainer', 'abandoned']) }),
  scores: z.record(DimensionSchema, z.number()),
  total: z.number(),
  saved: z.boolean(),
});

/** One answer on a card, in the order shown; a locked one says why. */
export const CardResponseSchema = z.strictObject({ id: IdSchema, text: TextSchema, available: z.boolean(), locked: TextSchema.optional() });

/** Someone waiting in a room for an answer. `id` is the `npc` of a `respond` intent. */
export const CardSchema = z.strictObject({
  id: z.string(),
  archetype: IdSchema,
  kind: z.string(),
  name: TextSchema,
  /** Mood at `moodAt`; while waiting it runs down by `temper` points per ten minutes below calm (shared/engine/mood.ts, `moodAlongLine`). */
  mood: z.number(),
  moodAt: Clock,
  temper: z.number().nonnegative(),
  openedAt: Clock,
  expiresAt: Clock,
  interaction: IdSchema,
  prompt: TextSchema,
  responses: z.array(CardResponseSchema).min(1).max(5),
});

/** A fact the room knows, and the rooms that do not know it yet (the possible recipients of a memo). */
export const KnownFactSchema = z.strictObject({ id: IdSchema, text: TextSchema, unknownTo: z.array(IdSchema) });

/**
 * One post's private panel: who waits in its room and what its room knows. Sent whole whenever it
 * changes, only to the people who may see it (the post's holder, the trainer, spectators).
 */
export const PanelSchema = z.strictObject({
  post: IdSchema,
  room: IdSchema,
  waiting: z.array(CardSchema),
  facts: z.array(KnownFactSchema),
  /** The room's own work (statements to write, drafts to review, claims it could state), in drills that have it. */
  work: WorkPanelSchema.optional(),
});

/**
 * What changed in a post's panel since the last `panel` or `panelChange` to the same people: only
 * the parts that changed. `waiting` gives the cards that are new or changed and the ids of all who
 * wait, in order (a card not listed has gone). A client applies it to the panel it holds; a
 * whole `panel` always comes first (on joining, coming back or changing post).
 */
export const PanelChangeSchema = z.strictObject({
  post: IdSchema,
  waiting: z.strictObject({ changed: z.array(CardSchema), order: z.array(z.string()) }).optional(),
  facts: z.array(KnownFactSchema).optional(),
  work: WorkPanelSchema.optional(),
});

/**
 * One line of team chat. `seq` numbers the drill's lines from 1 in the order written (a client
 * that already shows a line drops it when it comes again); `at` is the drill clock when it was
 * written. The text is plain text: show it as text, never as HTML.
 */
export const ChatLineSchema = z.strictObject({ seq: z.number().int().positive(), channel: ChatChannelSchema, from: ChatSenderSchema, text: ChatTextSchema, at: Clock });

/** Everything one person may read, the latest CHAT_HISTORY_PER_CHANNEL lines of each channel, in `seq` order. */
export const ChatHistorySchema = z.strictObject({ lines: z.array(ChatLineSchema).max(CHAT_HISTORY_PER_CHANNEL * 64) });

export const SERVER_MESSAGE_SCHEMAS = {
  welcome: WelcomeSchema,
  events: z.array(DrillEventSchema),
  rejected: RejectedSchema,
  hint: HintSchema,
  freed: FreedSchema,
  seated: SeatedSchema,
  ended: EndedSchema,
  panel: PanelSchema,
  panelChange: PanelChangeSchema,
  chat: ChatLineSchema,
  chatHistory: ChatHistorySchema,
} as const;

export type ServerMessageType = keyof typeof SERVER_MESSAGE_SCHEMAS;
export type ServerMessage<T extends ServerMessageType> = z.infer<(typeof SERVER_MESSAGE_SCHEMAS)[T]>;
export type Card = z.infer<typeof CardSchema>;
export type Panel = z.infer<typeof PanelSchema>;
export type PanelChange = z.infer<typeof PanelChangeSchema>;
export type KnownFact = z.infer<typeof KnownFactSchema>;
export type Ended = z.infer<typeof EndedSchema>;
export type Welcome = z.infer<typeof WelcomeSchema>;
export type Rejected = z.infer<typeof RejectedSchema>;
export type ChatLine = z.infer<typeof ChatLineSchema>;

/** Reads a message the server sent, by its type; a malformed one is refused, never half-read. */
export function parseServerMessage<T extends ServerMessageType>(type: T, payload: unknown): { ok: true; message: ServerMessage<T> } | { ok: false; error: string } {
  const parsed = SERVER_MESSAGE_SCHEMAS[type].safeParse(payload);
  if (parsed.success) return { ok: true, message: parsed.data as ServerMessage<T> };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${type}.${issue.path.join('.')}: ${issue.message}` };
}

/** Who a participant is in a drill, as `welcome`, `seated` and `freed` tell it (and the name it joined with). */
export interface Me {
  role: Welcome['role'];
  post: string | null;
  name?: string;
}
