import { CHAT_HISTORY_PER_CHANNEL, CHAT_MAX_LINES } from '../protocol/chat.js';
import type { DrillInput } from '../protocol/intents.js';
import type { Rejection } from '../protocol/rejections.js';
import { ChatLineSchema, type ChatLine } from '../protocol/serverMessages.js';
import { canReadChannel, channelFor, chatSent, chatTextOf, chatTooFast, senderOf } from './chatRules.js';
import type { Person, Session } from './session.js';

/**
 * A line of team chat written by a person who may write at all (permissions.ts has said so):
 * the channel and text are checked (chatRules.ts), the line goes into the drill's log, and the
 * session keeps it for the history. Returns the line to send, or why not; a refusal changes
 * nothing, and does not count towards the writer's rate.
 */
export function writeChat(session: Session, writer: Person, asked: { channel: string; text: string }, now: number): { ok: true; line: ChatLine } | { ok: false; rejection: Rejection } {
  const posts = session.driver.index.scenario.posts.map((p) => p.id);
  const channel = channelFor(posts, writer, asked.channel);
  if (!channel.ok) return channel;
  const text = chatTextOf(asked.text);
  if (!text.ok) return text;
  if (session.chatLines.length >= CHAT_MAX_LINES) return { ok: false, rejection: { code: 'chat-full', reason: `this drill has its ${CHAT_MAX_LINES} lines of chat` } };
  if (chatTooFast(writer.chatSentAt ?? [], now)) return { ok: false, rejection: { code: 'chat-too-fast', reason: 'too many lines: wait a few seconds' } };
  const from = senderOf(writer);
  const logged = session.driver.chat({ channel: channel.value, text: text.value, from }, writer.id);
  if (!logged.ok) return logged;
  writer.chatSentAt = chatSent(writer.chatSentAt ?? [], now);
  // Built through the wire schema, so that what goes out is what the contract says.
  const line = ChatLineSchema.parse({ seq: session.chatLines.length + 1, channel: channel.value, from, text: text.value, at: session.driver.state.clock });
  session.chatLines.push(line);
  return { ok: true, line };
}

/** Every line of team chat in a drill's log, numbered from 1 in order: a restored drill's history. */
export function chatLinesOf(log: readonly DrillInput[]): ChatLine[] {
  const lines: ChatLine[] = [];
  for (const input of log) if ('chat' in input) lines.push({ seq: lines.length + 1, ...input.chat, at: input.at });
  return lines;
}

/** What one person is shown on (re)joining: the latest lines of each channel they read, in order. */
export function historyFor(lines: readonly ChatLine[], reader: Pick<Person, 'role' | 'post'>): ChatLine[] {
  const perChannel = new Map<string, number>();
  const kept: ChatLine[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!canReadChannel(reader, line.channel)) continue;
    const n = perChannel.get(line.channel) ?? 0;
    if (n >= CHAT_HISTORY_PER_CHANNEL) continue;
    perChannel.set(line.channel, n + 1);
    kept.push(line);
  }
  return kept.reverse();
}
