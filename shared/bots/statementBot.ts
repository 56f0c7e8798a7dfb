import type { Intent } from '../protocol/intents.js';
import type { Draft } from '../protocol/statementIntents.js';
import { MINUTE } from '../scenario/clockTime.js';
import type { Quality, Tone } from '../scenario/schema.js';
import { LINE_ELEMENTS } from '../scenario/work/statements.js';
import { nextRandom, randomInt } from '../engine/rng.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { ComposerView, ReviewView, WorkView } from '../engine/work/workView.js';
import { TONE_LABELS } from '../engine/work/composerLabels.js';
import type { BotMemory } from './botPolicy.js';
import { SKILL_PROFILES, type Skill } from './skill.js';
import { weightedIndex } from './weightedPick.js';
import { unverifiedPicks } from './rumours.js';

/**
 * How each skill writes and reviews statements. An expert states only what its room has
 * confirmed and waits a while for confirmation; a novice states what it has heard.
 */
const STATEMENT_HABITS: Record<Skill, { includeLine: number; unconfirmedOnTopic: number; offTopic: number; bestTone: number; waitForConfirmed: number; catchesRisk: number }> = {
  expert: { includeLine: 1, unconfirmedOnTopic: 0, offTopic: 0, bestTone: 0.9, waitForConfirmed: 20, catchesRisk: 1 },
  competent: { includeLine: 0.9, unconfirmedOnTopic: 0.35, offTopic: 0.05, bestTone: 0.55, waitForConfirmed: 6, catchesRisk: 0.5 },
  novice: { includeLine: 0.6, unconfirmedOnTopic: 0.7, offTopic: 0.2, bestTone: 0.34, waitForConfirmed: 0, catchesRisk: 0 },
};

const RECHECK = 2 * MINUTE;
const between = (bot: BotMemory, [lo, hi]: [number, number]) => Math.round((lo + nextRandom(bot) * (hi - lo)) * MINUTE);

/** The bot's next move on statements (a draft to publish or submit, a review to give), or when to look again. */
export function statementMove(index: ScenarioIndex, work: WorkView, bot: BotMemory, now: number): { intent?: Intent; wakeAt: number } {
  const profile = SKILL_PROFILES[bot.skill];
  let wakeAt = Infinity;
  for (const review of work.reviews) {
    const key = `review:${review.statement}:${review.since}`;
    const at = (bot.workAt[key] ??= Math.max(now, review.since) + between(bot, profile.reaction));
    if (at > now) {
      wakeAt = Math.min(wakeAt, at);
      continue;
    }
    return { intent: { type: 'review', statement: review.statement, verdict: verdictOn(review, bot) }, wakeAt: now };
  }
  for (const composer of work.composing) {
    if (composer.status !== 'drafting') continue;
    const key = `compose:${composer.id}:${composer.returned}`;
    const first = (bot.workAt[`opened:${composer.id}`] ??= now);
    const at = (bot.workAt[key] ??= now + between(bot, profile.reaction));
    if (at > now) {
      wakeAt = Math.min(wakeAt, at);
      continue;
    }
    // A careful writer holds the statement a while for the facts its questions need.
    const unanswered = composer.questions.some((q) => !work.claims.some((c) => c.topic === q.topic && c.status === 'confirmed'));
    if (!bot.surface && unanswered && now < first + STATEMENT_HABITS[bot.skill].waitForConfirmed * MINUTE) {
      wakeAt = Math.min(wakeAt, now + RECHECK);
      continue;
    }
    const draft = bot.surface?.choose ? surfaceDraft(composer, work, bot) : draftBySkill(index, composer, work, bot);
    if (!draft) {
      bot.workAt[key] = Infinity;
      continue;
    }
    return { intent: composer.approver ? { type: 'submitDraft', statement: composer.id, draft } : { type: 'publish', statement: composer.id, draft }, wakeAt: now };
  }
  return { wakeAt };
}

function verdictOn(review: ReviewView, bot: BotMemory): 'approve' | 'return' {
  const risky = review.claims.some((c) => c.status !== 'confirmed') || review.tone === 'defensive';
  return risky && nextRandom(bot) < STATEMENT_HABITS[bot.skill].catchesRisk ? 'return' : 'approve';
}

/** A draft the way a bot of this skill writes one, over the lines in the file's order (never by position). */
function draftBySkill(index: ScenarioIndex, composer: ComposerView, work: WorkView, bot: BotMemory): Draft {
  const habits = STATEMENT_HABITS[bot.skill];
  const statement = index.statements.get(composer.id)!;
  const lines: Draft['lines'] = {};
  for (const element of LINE_ELEMENTS) {
    const choices = statement.lines[element];
    if (!choices || nextRandom(bot) >= habits.includeLine) continue;
    lines[element] = choices[Math.max(0, weightedIndex(bot, choices.map((c) => SKILL_PROFILES[bot.skill].choice[c.quality as Quality])))]!.id;
  }
  const claims: string[] = [];
  const byFile = index.scenario.claims.filter((c) => work.claims.some((v) => v.id === c.id));
  const statusOf = (id: string) => work.claims.find((c) => c.id === id)!.status;
  // What this bot would state unchecked: a novice anything, the others no rumour or disproved claim.
  const picks = new Set(unverifiedPicks(index, work.claims, bot.skill).map((c) => c.id));
  for (const { topic } of composer.questions) {
    const onTopic = byFile.filter((c) => c.topic === topic);
    const confirmed = onTopic.find((c) => statusOf(c.id) === 'confirmed');
    const others = onTopic.filter((c) => picks.has(c.id) && statusOf(c.id) !== 'confirmed');
    if (bot.skill === 'novice' || !confirmed) {
      if (others.length && nextRandom(bot) < habits.unconfirmedOnTopic) claims.push(others[randomInt(bot, others.length)]!.id);
      else if (confirmed) claims.push(confirmed.id);
    } else claims.push(confirmed.id);
  }
  for (const c of byFile) if (!composer.questions.some((q) => q.topic === c.topic) && picks.has(c.id) && nextRandom(bot) < habits.offTopic) claims.push(c.id);
  const tone = nextRandom(bot) < habits.bestTone ? statement.tone.best : otherTone(bot, statement.tone.best);
  return { lines, claims: claims.slice(0, 8), tone };
}

function otherTone(bot: BotMemory, best: Tone): Tone {
  const others = (['plain', 'formal', 'defensive'] as const).filter((t) => t !== best);
  return others[randomInt(bot, others.length)]!;
}

/** A draft chosen by the surface of the options as shown (for the gameability check): undefined when it writes nothing. */
function surfaceDraft(composer: ComposerView, work: WorkView, bot: BotMemory): Draft | undefined {
  const choose = bot.surface!.choose!;
  const lines: Draft['lines'] = {};
  for (const element of LINE_ELEMENTS) {
    const options = composer.lines[element];
    if (!options) continue;
    const id = choose(options.map((o) => ({ ...o, available: true })), bot);
    if (id === undefined) return undefined;
    lines[element] = id;
  }
  const claims: string[] = [];
  for (const { topic } of composer.questions) {
    const options = work.claims.filter((c) => c.topic === topic).map((c) => ({ id: c.id, text: c.text, available: true }));
    const id = options.length ? choose(options, bot) : undefined;
    if (id !== undefined) claims.push(id);
  }
  const tone = choose(composer.tones.map((t) => ({ id: t, text: TONE_LABELS[t], available: true })), bot) as Tone | undefined;
  return tone ? { lines, claims, tone } : undefined;
}
