import type { Locale, Text } from '../../shared/i18n/text.js';
import { translate } from '../../shared/i18n/translate.js';
import { pairPosts } from '../../shared/protocol/chat.js';
import type { ChatInput, DrillInput } from '../../shared/protocol/intents.js';

/** One line of team chat as the report shows it: plain strings in the report's language (not yet escaped). */
export interface ChatRow {
  at: number;
  /** The writer's post; null for the trainer. */
  post: string | null;
  who: string;
  /** The writer's public participant id ("p3"). */
  by: string;
  channel: string;
  text: string;
}

/**
 * The drill's chat from its log, for the report's timeline and its CSV: who wrote (post and name,
 * or the trainer), the channel (the team, or the two posts of a pair by their names), the text.
 */
export function chatRowsOf(inputs: readonly DrillInput[], posts: readonly { id: string; name: Text }[], locale: Locale): ChatRow[] {
  const postName = (id: string) => posts.find((p) => p.id === id)?.name[locale] ?? id;
  return inputs
    .filter((i): i is ChatInput => 'chat' in i)
    .map(({ at, chat: { channel, from, text }, by }) => {
      const pair = pairPosts(channel);
      return {
        at,
        post: 'post' in from ? from.post : null,
        who: 'post' in from ? translate('chat.from.post', locale, { post: postName(from.post), name: from.name }) : translate('chat.from.trainer', locale),
        by,
        channel: pair ? translate('chat.channel.pair', locale, { a: postName(pair[0]), b: postName(pair[1]) }) : translate('chat.channel.team', locale),
        text,
      };
    });
}

/** Two timelines as one, by clock time; at the same second the first list's entries come first. */
export function byClock<T extends { at: number }>(first: readonly T[], second: readonly T[]): T[] {
  // Array.prototype.sort is stable: each list keeps its order, and ties keep `first` ahead.
  return [...first, ...second].sort((a, b) => a.at - b.at);
}
