import type { Intent } from '../protocol/intents.js';
import { MINUTE } from '../scenario/clockTime.js';
import { nextRandom, randomInt } from '../engine/rng.js';
import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { WorkView } from '../engine/work/workView.js';
import type { BotMemory } from './botPolicy.js';
import { SKILL_PROFILES, type Skill } from './skill.js';

/**
 * How each skill fills in a report. An expert writes only what its room has confirmed, leaves the
 * rest for a follow-up and waits a while for the confirmations; a novice writes what it has heard.
 */
const REPORT_HABITS: Record<Skill, { confirmed: number; guess: number; waitForConfirmed: number }> = {
  expert: { confirmed: 1, guess: 0, waitForConfirmed: 15 },
  competent: { confirmed: 0.8, guess: 0.5, waitForConfirmed: 5 },
  novice: { confirmed: 0.4, guess: 0.8, waitForConfirmed: 0 },
};
const RECHECK = 2 * MINUTE;

/** The bot's next move on its reports: one to file, or when to look again. */
export function reportMove(index: ScenarioIndex, work: WorkView, bot: BotMemory, now: number): { intent?: Intent; wakeAt: number } {
  const profile = SKILL_PROFILES[bot.skill];
  const habits = REPORT_HABITS[bot.skill];
  let wakeAt = Infinity;
  for (const report of work.reports) {
    if (report.filedAt !== null) continue;
    const first = (bot.workAt[`opened:${report.id}`] ??= now);
    const at = (bot.workAt[`report:${report.id}`] ??= now + Math.round((profile.reaction[0] + nextRandom(bot) * (profile.reaction[1] - profile.reaction[0])) * MINUTE));
    if (at > now) {
      wakeAt = Math.min(wakeAt, at);
      continue;
    }
    const unconfirmed = report.fields.some((f) => !f.options.some((o) => o.status === 'confirmed'));
    if (!bot.surface && unconfirmed && now < first + habits.waitForConfirmed * MINUTE) {
      wakeAt = Math.min(wakeAt, now + RECHECK);
      continue;
    }
    const fields: Record<string, string | null> = {};
    for (const field of report.fields) {
      if (bot.surface?.choose) {
        fields[field.id] = bot.surface.choose(field.options.map((o) => ({ id: o.id, text: o.text, available: true })), bot) ?? null;
        continue;
      }
      // In the file's order, never the order shown.
      const offered = index.reports.get(report.id)!.fields.find((f) => f.id === field.id)!.claims.map((id) => field.options.find((o) => o.id === id)!);
      const confirmed = offered.find((o) => o.status === 'confirmed');
      if (confirmed && nextRandom(bot) < habits.confirmed) fields[field.id] = confirmed.id;
      else if (nextRandom(bot) < habits.guess) fields[field.id] = offered[randomInt(bot, offered.length)]!.id;
      else fields[field.id] = null;
    }
    return { intent: { type: 'fileReport', report: report.id, fields }, wakeAt: now };
  }
  return { wakeAt };
}
