import { createHash, randomInt } from 'node:crypto';
import type { CompetitionView, CreateCompetition } from '../../shared/protocol/competition.js';
import type { Leaderboard } from '../leaderboard/Leaderboard.js';
import { newSecret, sameSecret } from '../net/secrets.js';
import type { ServerServices } from '../services.js';
import type { CompetitionRecord } from '../store/competitionRecord.js';
import { checkWindow, endOf, phaseOf, standings } from './competitionRules.js';
import { DEFAULT_LEVEL, type Level } from '../../shared/scenario/levels.js';
import { morningOf } from '../scenarios/morningOf.js';

/** A refusal with the HTTP status and code the route answers with. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

type Needs = Pick<ServerServices, 'store' | 'scenarios'>;

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Team competitions: created by an organiser (who gets a key to close it), entered by teams
 * within a window, every team on the competition's seed and speed, ranked on verified totals.
 * The clock is always passed in, so the rules can be tested at any instant.
 */
export class Competitions {
  constructor(
    private readonly services: Needs,
    private readonly leaderboard: Leaderboard,
  ) {}

  async create(body: CreateCompetition, now: Date): Promise<{ ok: true; view: CompetitionView; organiserKey: string } | { ok: false; refusal: Refusal }> {
    const loaded = this.services.scenarios.get(body.scenario);
    if (!loaded) return { ok: false, refusal: { status: 404, code: 'unknown-scenario', message: `no scenario "${body.scenario}"` } };
    const window = checkWindow(body.opensAt, body.closesAt, now);
    if (!window.ok) return { ok: false, refusal: { status: 400, code: 'bad-request', message: window.reason } };
    const organiserKey = newSecret();
    const record: CompetitionRecord = {
      id: newSecret(),
      name: body.name,
      scenarioId: body.scenario,
      seed: randomInt(0, 0xffffffff),
      level: body.level ?? DEFAULT_LEVEL,
      speed: body.speed ?? morningOf(loaded, 0, body.level ?? DEFAULT_LEVEL).clock.compression,
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      closedAt: null,
      organiserKeyHash: hashKey(organiserKey),
      createdAt: now.toISOString(),
    };
    await this.services.store.createCompetition(record);
    return { ok: true, view: await this.view(record, now), organiserKey };
  }

  async get(id: string, now: Date): Promise<CompetitionView | undefined> {
    const record = await this.services.store.getCompetition(id);
    return record && this.view(record, now);
  }

  async list(scenarioId: string | undefined, now: Date): Promise<Omit<CompetitionView, 'standings'>[]> {
    const records = await this.services.store.listCompetitions(scenarioId, 20);
    return records.map((c) => summary(c, now));
  }

  /**
   * A team enters: the competition must be open, for this scenario, and the team not yet in it.
   * Returns the seed and speed its drill must run with; `undo` takes the entry back if the drill
   * could not be created after all.
   */
  async enter(id: string, scenario: string, team: string, code: string, now: Date): Promise<{ ok: true; seed: number; speed: number; level: Level; undo: () => Promise<void> } | { ok: false; refusal: Refusal }> {
    const c = await this.services.store.getCompetition(id);
    if (!c) return { ok: false, refusal: { status: 404, code: 'unknown-competition', message: `no competition "${id}"` } };
    if (c.scenarioId !== scenario) return { ok: false, refusal: { status: 400, code: 'wrong-scenario', message: `competition "${c.name}" is played on "${c.scenarioId}"` } };
    const phase = phaseOf(c, now);
    if (phase === 'upcoming') return { ok: false, refusal: { status: 409, code: 'competition-not-open', message: `competition "${c.name}" opens at ${c.opensAt}` } };
    if (phase === 'closed') return { ok: false, refusal: { status: 409, code: 'competition-closed', message: `competition "${c.name}" is closed` } };
    const added = await this.services.store.addCompetitionEntry(id, { team, code, enteredAt: now.toISOString() });
    if (!added) return { ok: false, refusal: { status: 409, code: 'team-entered', message: `team "${team}" has already entered "${c.name}"` } };
    return { ok: true, seed: c.seed, speed: c.speed, level: c.level, undo: () => this.services.store.removeCompetitionEntry(id, team) };
  }

  async close(id: string, organiserKey: string, now: Date): Promise<{ ok: true; view: CompetitionView } | { ok: false; refusal: Refusal }> {
    const c = await this.services.store.getCompetition(id);
    if (!c) return { ok: false, refusal: { status: 404, code: 'unknown-competition', message: `no competition "${id}"` } };
    if (!sameSecret(hashKey(organiserKey), c.organiserKeyHash)) return { ok: false, refusal: { status: 403, code: 'wrong-key', message: 'wrong organiser key' } };
    if (phaseOf(c, now) !== 'closed') await this.services.store.closeCompetition(id, now.toISOString());
    return { ok: true, view: (await this.get(id, now))! };
  }

  private async view(c: CompetitionRecord, now: Date): Promise<CompetitionView> {
    const head = summary(c, now);
    const entries = await this.services.store.listCompetitionEntries(c.id);
    const results = await this.leaderboard.competitionResults(c.id, endOf(c));
    return { ...head, standings: standings(entries, results, head.phase) };
  }
}

function summary(c: CompetitionRecord, now: Date): Omit<CompetitionView, 'standings'> {
  const phase = phaseOf(c, now);
  return { id: c.id, name: c.name, scenario: c.scenarioId, speed: c.speed, opensAt: c.opensAt, closesAt: c.closesAt, closedAt: c.closedAt, phase, final: phase === 'closed' };
}
