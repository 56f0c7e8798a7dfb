import { z } from 'zod';
import { IdSchema } from '../scenario/schema.js';

// The vocabulary of team chat on the wire and in the input log: channels, senders, limits.
// Who may post where, and who reads what, is decided in shared/session/chatRules.ts.

/** The channel of every post of the drill. */
export const TEAM_CHANNEL = 'team';

/** Between the two posts of a pair channel: post ids are kebab-case, so this never occurs inside one. */
const PAIR_SEPARATOR = '~';

/** At most this many characters (code points, so a Chinese character or an emoji is one) after trimming. */
export const CHAT_MAX_CHARS = 280;
/** A participant may post at most CHAT_RATE.messages in any CHAT_RATE.windowMs of real time. */
export const CHAT_RATE = { messages: 5, windowMs: 10_000 } as const;
/**
 * A drill keeps at most this many lines. A stored drill's log is bounded (20 000 entries in
 * shared/replay/replayRecord.ts, to keep a replay cheap); a flagship drill logs a few hundred
 * moves, so chat can never push a log past what a replay accepts, however long the drill runs.
 */
export const CHAT_MAX_LINES = 5000;
/** On (re)joining, each channel a person may read comes with at most this many of its latest lines. */
export const CHAT_HISTORY_PER_CHANNEL = 50;

/** A pair channel in its one written form, the two post ids in sorted order: "ops-lead~pr-officer". */
export const PairChannelSchema = z
  .string()
  .max(130)
  .refine((s) => {
    const posts = s.split(PAIR_SEPARATOR);
    return posts.length === 2 && posts.every((p) => IdSchema.safeParse(p).success) && posts[0]! < posts[1]!;
  }, 'must be two post ids in sorted order joined by "~"');

/** A channel as the server writes it (messages, history, the log): the team channel or a pair. */
export const ChatChannelSchema = z.union([z.literal(TEAM_CHANNEL), PairChannelSchema]);
export type ChatChannel = z.infer<typeof ChatChannelSchema>;

/** The pair channel between two different posts, in its one written form. */
export function pairChannel(a: string, b: string): string {
  return a < b ? `${a}${PAIR_SEPARATOR}${b}` : `${b}${PAIR_SEPARATOR}${a}`;
}

/** The two posts of a pair channel; null for the team channel or anything that is not a pair. */
export function pairPosts(channel: string): [string, string] | null {
  if (!PairChannelSchema.safeParse(channel).success) return null;
  const [a, b] = channel.split(PAIR_SEPARATOR);
  return [a!, b!];
}

/**
 * Who wrote a line, as shown: a player by name and the post held when writing; the trainer as
 * the trainer (`trainer: true`, no post, even while holding one: a trainer's line is the
 * trainer's word, not the post's).
 */
export const ChatSenderSchema = z.union([
  z.strictObject({ post: IdSchema, name: z.string().min(1).max(64) }),
  z.strictObject({ trainer: z.literal(true), name: z.string().min(1).max(64) }),
]);
export type ChatSender = z.infer<typeof ChatSenderSchema>;

/** A line's text as stored and sent: already trimmed and checked (shared/session/chatRules.ts). */
export const ChatTextSchema = z
  .string()
  .min(1)
  .refine((s) => charCount(s) <= CHAT_MAX_CHARS, `at most ${CHAT_MAX_CHARS} characters`);

/** Characters as a reader counts them: code points, not UTF-16 units. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
