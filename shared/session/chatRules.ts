import { CHAT_MAX_CHARS, CHAT_RATE, TEAM_CHANNEL, charCount, pairChannel, pairPosts, type ChatSender } from '../protocol/chat.js';
import type { Rejection } from '../protocol/rejections.js';
import type { Person } from './session.js';

// The rules of team chat beyond who may write at all in which phase (permissions.ts): which
// channel a person means and may use, what a line may contain, and how fast one may write.
// Channels belong to posts, not people: whoever holds a post reads its pair channels, including
// what was written there before they took it.

type Reader = Pick<Person, 'role' | 'post'>;
type Outcome<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };
const refuse = <T>(code: Rejection['code'], reason: string): Outcome<T> => ({ ok: false, rejection: { code, reason } });

/**
 * Whether a person reads a channel. The trainer reads every channel. A player at a post reads
 * the team channel and the pair channels of that post. Spectators, and players without a post
 * (not seated yet, or freed by the trainer), read the team channel only: a pair channel is a
 * private word between two posts, and a spectator (a visitor, another class) is not one of them.
 */
export function canReadChannel(reader: Reader, channel: string): boolean {
  if (reader.role === 'trainer') return true;
  if (channel === TEAM_CHANNEL) return true;
  if (reader.role !== 'player' || reader.post === undefined) return false;
  return pairPosts(channel)?.includes(reader.post) ?? false;
}

/** Every channel a person reads, in tab order: the team, then the pairs in the order of the scenario's posts. */
export function channelsFor(reader: Reader, posts: readonly string[]): string[] {
  const all = [TEAM_CHANNEL, ...posts.flatMap((a, i) => posts.slice(i + 1).map((b) => pairChannel(a, b)))];
  return all.filter((channel) => canReadChannel(reader, channel));
}

/**
 * The channel a writer means, in its written form. "team" is the team channel. A post id is the
 * pair channel between the writer's post and that one. A pair written out ("a~b") is that pair:
 * the trainer may use any, a player only one of their own post's. A post held by a bot is a
 * valid partner: the channel belongs to the post, and whoever holds it later reads the line (the
 * trainer reads it at once); nobody answers in the meantime.
 */
export function channelFor(posts: readonly string[], writer: Reader, asked: string): Outcome<string> {
  if (asked === TEAM_CHANNEL) return { ok: true, value: TEAM_CHANNEL };
  const shown = JSON.stringify(asked.slice(0, 40));
  const pair = pairPosts(asked);
  if (pair) {
    if (!pair.every((p) => posts.includes(p))) return refuse('unknown-channel', `no channel ${shown} in this drill`);
    if (writer.role !== 'trainer' && !pair.includes(writer.post ?? '')) return refuse('not-your-channel', `channel ${shown} is between two other posts`);
    return { ok: true, value: asked };
  }
  if (!posts.includes(asked)) return refuse('unknown-channel', `no channel ${shown}: use "team", a post id or a pair such as "a~b"`);
  if (writer.post === undefined) return refuse('unknown-channel', `a post id names a pair with your own post, and you hold none: write the pair out ("a~b")`);
  if (asked === writer.post) return refuse('own-channel', 'that is your own post: pick another post to write to');
  return { ok: true, value: pairChannel(writer.post, asked) };
}

/**
 * Characters a line may not contain: control characters (C0, DEL, C1: a line is one line, and a
 * terminal or log should not be steered by it), the line and paragraph separators, and the
 * bidirectional overrides and isolates, which can make a line read differently from what it says.
 */
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** The text of a line as it is stored and sent (trimmed), or why it cannot be. */
export function chatTextOf(raw: string): Outcome<string> {
  const text = raw.trim();
  if (text.length === 0) return refuse('chat-empty', 'write something first');
  const length = charCount(text);
  if (length > CHAT_MAX_CHARS) return refuse('chat-too-long', `at most ${CHAT_MAX_CHARS} characters (this has ${length})`);
  if (FORBIDDEN.test(text)) return refuse('chat-bad-text', 'no control characters, line breaks or direction overrides');
  return { ok: true, value: text };
}

/**
 * Whether a person who wrote lines at `sentAt` (ms of real time, oldest first) must wait before
 * writing another at `now`: at most CHAT_RATE.messages in any CHAT_RATE.windowMs. Real time
 * comes in with the session's input; shared/ reads no clock of its own.
 */
export function chatTooFast(sentAt: readonly number[], now: number): boolean {
  return sentAt.filter((t) => now - t < CHAT_RATE.windowMs).length >= CHAT_RATE.messages;
}

/** The times to keep after a line written at `now`: only those that can still count. */
export function chatSent(sentAt: readonly number[], now: number): number[] {
  return [...sentAt.filter((t) => now - t < CHAT_RATE.windowMs), now];
}

/** How a writer is shown: the trainer as the trainer (even at a post), a player by name and post. */
export function senderOf(writer: Pick<Person, 'role' | 'post' | 'name'>): ChatSender {
  if (writer.role === 'trainer') return { trainer: true, name: writer.name };
  // permissions.ts lets only players at a post write.
  if (writer.post === undefined) throw new Error('a player without a post cannot write in chat');
  return { post: writer.post, name: writer.name };
}
