import type { Locale } from '../../shared/i18n/text.js';
import { isMessageKey, translate } from '../../shared/i18n/translate.js';
import { pairPosts } from '../../shared/protocol/chat.js';
import { channelsFor } from '../../shared/session/chatRules.js';
import type { ChatLine } from '../../shared/protocol/serverMessages.js';
import { clockLabel } from './clockLabel.js';
import type { MeView, SeatView } from './viewModel.js';

// What the chat panel (client/widgets/ChatPanel.ts) shows, from the lines this page has and who
// it is: the tabs, their unread counts and the rows of one tab. Pure, so it is tested in Node.

/** The trainer's first tab: every channel at once, each line marked with its channel. Not a channel: nothing is written to it. */
export const EVERY_CHANNEL = '*';

type Me = Pick<MeView, 'isTrainer' | 'post'>;
type Seat = Pick<SeatView, 'post' | 'name' | 'roomType'>;

export interface ChatTab {
  /** A channel ("team", "a~b"), or EVERY_CHANNEL. */
  id: string;
  label: string;
  unread: number;
}

export interface ChatRow {
  seq: number;
  /** Drill-clock time, "10:35". */
  time: string;
  who: string;
  text: string;
  /** Written by this page's post (or, for the trainer, by the trainer); by the trainer; by another post. */
  tone: 'mine' | 'trainer' | 'other';
  /** The channel's name, on the trainer's every-channel tab only. */
  channel: string | null;
}

/** The channels a page reads, in tab order, by the session's own rule (shared/session/chatRules.ts). */
export function channelsOf(me: Me, seats: readonly Seat[]): string[] {
  return channelsFor({ role: me.isTrainer ? 'trainer' : 'player', post: me.post ?? undefined }, seats.map((s) => s.post));
}

/** Whether this page's side wrote a line: its own post for a player, any trainer's line for the trainer. */
export function isMine(line: ChatLine, me: Me): boolean {
  return me.isTrainer ? 'trainer' in line.from : 'post' in line.from && line.from.post === me.post;
}

/**
 * A post as a tab names it: the short name of its room ("Ops") when it is the only post of that
 * kind of room, which fits a tab in both languages; otherwise the post's own name.
 */
function shortName(post: string, seats: readonly Seat[], locale: Locale): string {
  const seat = seats.find((s) => s.post === post);
  if (!seat) return post;
  const key = `chat.short.${seat.roomType}`;
  const alone = seats.filter((s) => s.roomType === seat.roomType).length === 1;
  return alone && isMessageKey(key) ? translate(key, locale) : seat.name[locale];
}

/** A channel's name: "Team"; a player's pair by the other post ("News"); any other pair by both ("Lobby ↔ Ops"). */
export function channelName(channel: string, me: Me, seats: readonly Seat[], locale: Locale): string {
  if (channel === EVERY_CHANNEL) return translate('chat.tab.all', locale);
  const pair = pairPosts(channel);
  if (!pair) return translate('chat.tab.team', locale);
  if (!me.isTrainer && me.post !== null && pair.includes(me.post)) return shortName(pair[0] === me.post ? pair[1] : pair[0], seats, locale);
  return translate('chat.channel.pair', locale, { a: shortName(pair[0], seats, locale), b: shortName(pair[1], seats, locale) });
}

/** The last line of each channel this page has seen, by `seq` (kept by the panel). */
export type Seen = ReadonlyMap<string, number>;

/** Lines by others, newer than what was seen, per channel. */
export function unreadOf(lines: readonly ChatLine[], seen: Seen, me: Me): Map<string, number> {
  const unread = new Map<string, number>();
  for (const line of lines) if (!isMine(line, me) && line.seq > (seen.get(line.channel) ?? 0)) unread.set(line.channel, (unread.get(line.channel) ?? 0) + 1);
  return unread;
}

/** The tabs: for the trainer every channel at once first, then each channel; with their unread counts. */
export function tabsOf(lines: readonly ChatLine[], seen: Seen, me: Me, seats: readonly Seat[], locale: Locale): ChatTab[] {
  const unread = unreadOf(lines, seen, me);
  const tabs = channelsOf(me, seats).map((id) => ({ id, label: channelName(id, me, seats, locale), unread: unread.get(id) ?? 0 }));
  if (!me.isTrainer) return tabs;
  return [{ id: EVERY_CHANNEL, label: channelName(EVERY_CHANNEL, me, seats, locale), unread: [...unread.values()].reduce((a, b) => a + b, 0) }, ...tabs];
}

/** The rows of one tab, oldest first: time, who (post and name, or the trainer), the text. */
export function rowsOf(lines: readonly ChatLine[], tab: string, me: Me, seats: readonly Seat[], locale: Locale): ChatRow[] {
  const every = tab === EVERY_CHANNEL;
  return lines
    .filter((l) => every || l.channel === tab)
    .map((line) => {
      const from = line.from;
      const post = 'post' in from ? (seats.find((s) => s.post === from.post)?.name[locale] ?? from.post) : null;
      const who = post === null ? translate('chat.from.trainer', locale) : translate('chat.from.post', locale, { post, name: from.name });
      return {
        seq: line.seq,
        time: clockLabel(line.at),
        who,
        text: line.text,
        tone: isMine(line, me) ? 'mine' : post === null ? 'trainer' : 'other',
        channel: every ? channelName(line.channel, me, seats, locale) : null,
      };
    });
}

/** After reading a tab: every line of it (of every channel, for the trainer's first tab) counts as seen. */
export function markSeen(seen: Map<string, number>, lines: readonly ChatLine[], tab: string): boolean {
  let changed = false;
  for (const line of lines) {
    if (tab !== EVERY_CHANNEL && line.channel !== tab) continue;
    if (line.seq > (seen.get(line.channel) ?? 0)) {
      seen.set(line.channel, line.seq);
      changed = true;
    }
  }
  return changed;
}
