import type { CreateDrill } from '../../shared/protocol/messages.js';
import type { ServerServices } from '../services.js';
import type { Refusal } from './Competitions.js';
import type { Level } from '../../shared/scenario/levels.js';
import { rankingOf } from './rankingOf.js';

export type Terms = { ok: true; create: CreateDrill; seed?: number; level?: Level; competitionId?: string; undo?: () => Promise<void> } | { ok: false; refusal: Refusal };

/**
 * The terms a new drill runs on. A team drill that names a competition enters the team and takes
 * the competition's seed, speed and level from the server; a client that also sends one of them
 * is told they are not its to choose. Any other drill runs as asked.
 */
export async function competitionTerms(services: ServerServices, create: CreateDrill, code: string, now: Date): Promise<Terms> {
  if (create.mode !== 'team' || create.competition === undefined) return { ok: true, create };
  if (create.seed !== undefined || create.speed !== undefined || create.level !== undefined) {
    return { ok: false, refusal: { status: 400, code: 'competition-fixed', message: 'a competition sets the seed, the speed and the level: leave them out' } };
  }
  const entry = await rankingOf(services).competitions.enter(create.competition, create.scenario, create.team, code, now);
  if (!entry.ok) return entry;
  return { ok: true, create: { ...create, speed: entry.speed }, seed: entry.seed, level: entry.level, competitionId: create.competition, undo: entry.undo };
}
