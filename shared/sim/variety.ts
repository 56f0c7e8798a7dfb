import type { Scenario } from '../scenario/schema.js';
import type { BotDrillResult } from './runBotDrill.js';

/** The interactions each post met in one drill: answered or left to time out, in its room, open to it. */
export function interactionsMet(run: BotDrillResult): Map<string, Set<string>> {
  const byId = new Map(run.morning.interactions.map((i) => [i.id, i]));
  const met = new Map(run.morning.posts.map((p) => [p.id, new Set<string>()]));
  for (const e of run.events) {
    if (e.type !== 'response' && e.type !== 'timeout') continue;
    const interaction = byId.get(e.interaction);
    if (!interaction) continue;
    for (const post of run.morning.posts) {
      if (post.room === interaction.room && (!interaction.posts || interaction.posts.includes(post.id))) met.get(post.id)!.add(interaction.id);
    }
  }
  return met;
}

/** |a ∩ b| / |a ∪ b|: 1 when two drills showed a post the same interactions, 0 when none in common. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How alike two mornings are for the people playing them: for consecutive pairs of runs (seed 1
 * with 2, 3 with 4, …), the overlap of what each post met; the median over every pair and post.
 */
export function sharedInteractions(runs: readonly BotDrillResult[]): number {
  const overlaps: number[] = [];
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const a = interactionsMet(runs[i]!);
    const b = interactionsMet(runs[i + 1]!);
    for (const [post, met] of a) overlaps.push(overlap(met, b.get(post) ?? new Set()));
  }
  return quantile(overlaps, 0.5);
}

/** The q-quantile (0..1) of the values, by the nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * For each room, the real seconds a reader has before a card of the room times out at the
 * scenario's default speed: its timeout (or its speaker's patience) over the compression. The
 * least and the median over the room's interactions.
 */
export function readingTime(morning: Scenario): Record<string, { least: number; median: number }> {
  const patience = new Map(morning.cast.map((a) => [a.id, a.traits.patience]));
  const out: Record<string, { least: number; median: number }> = {};
  for (const room of morning.rooms) {
    const seconds = morning.interactions
      .filter((i) => i.room === room.id)
      .map((i) => (i.timeout.after ?? patience.get(i.npc) ?? 0) / morning.clock.compression);
    out[room.id] = { least: seconds.length ? Math.min(...seconds) : 0, median: quantile(seconds, 0.5) };
  }
  return out;
}
