import type { Skill } from '../bots/skill.js';
import type { DrillInput, Holder } from '../protocol/intents.js';
import type { Mode } from '../protocol/messages.js';

/** What a drill was created as, as far as who may hold its posts goes. */
export interface HolderTerms {
  mode: Mode;
  /** The practised post of a solo drill. */
  soloPost: string | null;
  /** The skill of every bot the drill may have. */
  botSkill: Skill;
}

/**
 * Checks who held the posts of a drill against what it was created as: every bot is of the
 * drill's skill; in solo practice one person holds the solo post from the start (covered by
 * nobody else) and bots hold the rest; a ranked drill (team or solo) has no trainer commands.
 * Returns why the log breaks the terms, or undefined when it keeps them.
 */
export function holderProblem(terms: HolderTerms, log: readonly DrillInput[]): string | undefined {
  const start = log.find((i): i is Extract<DrillInput, { start: unknown }> => 'start' in i);
  if (!start) return log.length === 0 ? undefined : 'the log has no line-up';
  const holders: [string, Holder][] = [...Object.entries(start.start), ...log.filter((i): i is Extract<DrillInput, { seat: string }> => 'seat' in i).map((i): [string, Holder] => [i.seat, i.holder])];
  const wrongBot = holders.find(([, h]) => h.kind === 'bot' && h.skill !== terms.botSkill);
  if (wrongBot) return `a ${wrongBot[1].kind === 'bot' ? wrongBot[1].skill : ''} bot held "${wrongBot[0]}" in a drill of ${terms.botSkill} bots`;
  if (terms.mode !== 'training' && log.some((i) => 'control' in i)) return `a trainer's command in a ${terms.mode} drill, which has no trainer`;
  if (terms.mode !== 'solo') return undefined;
  const player = start.start[terms.soloPost ?? ''];
  if (player?.kind !== 'human') return `the solo post "${terms.soloPost}" did not start with its player`;
  for (const [post, holder] of holders) {
    if (post !== terms.soloPost && holder.kind === 'human') return `in solo practice "${holder.name}" held "${post}", which is not the solo post`;
    if (post === terms.soloPost && (holder.kind !== 'human' || holder.id !== player.id)) return `in solo practice someone other than its player held "${post}"`;
  }
  return undefined;
}

/** The solo player as the line-up names them (the one person a solo result belongs to). */
export function soloPlayer(terms: HolderTerms, log: readonly DrillInput[]): Extract<Holder, { kind: 'human' }> | undefined {
  const start = log.find((i): i is Extract<DrillInput, { start: unknown }> => 'start' in i);
  const holder = start?.start[terms.soloPost ?? ''];
  return holder?.kind === 'human' ? holder : undefined;
}
