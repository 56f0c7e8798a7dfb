import type { DrillEvent } from '../../shared/engine/events.js';
import type { Text } from '../../shared/i18n/text.js';

/** A post on the newsroom's social feed: an inject or an unanswered person's outcome. */
export interface FeedPost {
  seq: number;
  at: number;
  title: Text | null;
  body: Text;
  tone: 'news' | 'bad';
}

/**
 * Which events show on the newsroom feed. Injects aimed at the newsroom (and public ones) are
 * what the feed "posts"; a timeout there is someone who gave up and went public.
 */
export function feedPosts(events: DrillEvent[], newsroom: string): FeedPost[] {
  const out: FeedPost[] = [];
  for (const e of events) {
    if (e.type === 'inject' && (e.room === undefined || e.room === newsroom)) out.push({ seq: e.seq, at: e.at, title: e.title, body: e.message, tone: 'news' });
    if (e.type === 'timeout' && e.room === newsroom) out.push({ seq: e.seq, at: e.at, title: null, body: e.outcome, tone: 'bad' });
  }
  return out;
}

const feeds = new Map<string, FeedPost[]>();

/** The feed of one drill, kept for the page's life so the trainer can switch rooms and back. */
export function feedOf(code: string): FeedPost[] {
  let feed = feeds.get(code);
  if (!feed) feeds.set(code, (feed = []));
  return feed;
}
