import type { ChatLine } from '../../shared/protocol/serverMessages.js';

/**
 * A page keeps at most this many lines of each channel: a history brings 50
 * (CHAT_HISTORY_PER_CHANNEL), and a long drill's live lines beyond this are the oldest, which
 * nobody scrolls back to in a panel; the after-action report has them all.
 */
export const CHAT_KEPT_PER_CHANNEL = 200;

/**
 * The team chat this page has been sent: the lines of every channel it reads, in the order the
 * server numbered them (`seq`). A history replaces what it had (the server sends one on joining,
 * coming back or changing post, with exactly what may be read now); a live line is added once,
 * however often it arrives.
 */
export class ChatLog {
  private kept: ChatLine[] = [];

  get lines(): readonly ChatLine[] {
    return this.kept;
  }

  replace(lines: readonly ChatLine[]): void {
    this.kept = trim([...lines].sort((a, b) => a.seq - b.seq));
  }

  /** Adds a live line; false when it was already there (the same line twice changes nothing). */
  add(line: ChatLine): boolean {
    if (this.kept.some((l) => l.seq === line.seq)) return false;
    const at = this.kept.findIndex((l) => l.seq > line.seq);
    this.kept = trim(at < 0 ? [...this.kept, line] : [...this.kept.slice(0, at), line, ...this.kept.slice(at)]);
    return true;
  }
}

/** Drops the oldest lines of any channel past CHAT_KEPT_PER_CHANNEL. */
function trim(lines: ChatLine[]): ChatLine[] {
  const perChannel = new Map<string, number>();
  for (const l of lines) perChannel.set(l.channel, (perChannel.get(l.channel) ?? 0) + 1);
  if ([...perChannel.values()].every((n) => n <= CHAT_KEPT_PER_CHANNEL)) return lines;
  return lines.filter((l) => {
    const n = perChannel.get(l.channel)!;
    if (n <= CHAT_KEPT_PER_CHANNEL) return true;
    perChannel.set(l.channel, n - 1);
    return false;
  });
}
