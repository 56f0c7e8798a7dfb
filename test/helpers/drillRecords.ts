import { randomUUID } from 'node:crypto';
import type { Skill } from '../../shared/bots/skill.js';
import { indexScenario } from '../../shared/engine/scenarioIndex.js';
import { roomView } from '../../shared/engine/viewFor.js';
import type { DrillInput } from '../../shared/protocol/intents.js';
import { teamTotal } from '../../shared/scores/dimensions.js';
import { drawMorning } from '../../shared/scenario/drawMorning.js';
import type { Level } from '../../shared/scenario/levels.js';
import { DrillDriver, type Lineup } from '../../shared/session/DrillDriver.js';
import { verdictFor } from '../../server/leaderboard/verdictFor.js';
import { botRoster } from '../../shared/session/session.js';
import type { LoadedScenario, ServerServices } from '../../server/services.js';
import type { DrillCreation } from '../../server/store/drillCreation.js';
import type { DrillRecord } from '../../server/store/drillRecord.js';
import type { DrillStore } from '../../server/store/DrillStore.js';

export interface RecordSpec {
  seed: number;
  skill?: Skill;
  mode?: DrillRecord['mode'];
  team?: string;
  /** For solo practice: the post the named player held (bots held the others). */
  solo?: { post: string; name: string };
  finishedAt?: string;
  competitionId?: string | null;
  /** Standard by default. */
  level?: Level;
}

/**
 * A finished drill as DrillRoom.finish would store it, played through the real driver: bots of
 * the spec's skill everywhere, and for solo practice the named player at the solo post answering
 * the first open response of each card. Its log re-runs to itself and replays to its scores.
 */
export function playedRecord(loaded: LoadedScenario, spec: RecordSpec): DrillRecord {
  const level = spec.level ?? 'standard';
  // The morning the server would run for this seed and level: what the verdict replays.
  const scenario = drawMorning(loaded.scenario, spec.seed, level).scenario;
  const index = indexScenario(scenario);
  const skill = spec.skill ?? 'competent';
  const driver = new DrillDriver(index, { seed: spec.seed, roster: botRoster(index, skill) });
  const lineup: Lineup = Object.fromEntries(scenario.posts.map((p) => [p.id, { kind: 'bot' as const, skill }]));
  if (spec.solo) lineup[spec.solo.post] = { kind: 'human', id: 'p1', name: spec.solo.name };
  driver.start(lineup);
  while (!driver.ended) {
    driver.advance(driver.state.clock + 60);
    if (!spec.solo || driver.ended) continue;
    const card = roomView(index, driver.state, spec.solo.post).waiting[0];
    const option = card?.responses.find((r) => r.available);
    if (card && option) driver.intent(spec.solo.post, { type: 'respond', npc: card.id, response: option.id }, 'p1');
  }
  const { state } = driver;
  const mode = spec.mode ?? (spec.solo ? 'solo' : 'team');
  return {
    id: randomUUID(),
    mode,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: loaded.hash,
    seed: spec.seed,
    team: mode === 'team' ? (spec.team ?? `team-${spec.seed}`) : null,
    roster: structuredClone(state.roster),
    inputs: [...driver.log],
    untilClock: state.clock,
    scores: state.scores,
    total: teamTotal(state.scores),
    ending: state.ending!,
    expected: Object.fromEntries(Object.entries(state.expected).map(([id, x]) => [id, x.status])),
    startedAt: '2026-11-22T08:00:00.000Z',
    finishedAt: spec.finishedAt ?? '2026-11-22T09:00:00.000Z',
    reportToken: randomUUID(),
    competitionId: spec.competitionId ?? null,
    level,
  };
}

/** The creation record the server would have written for this drill (the terms its log shows). */
export function creationFor(r: DrillRecord): DrillCreation {
  const start = r.inputs.find((i): i is Extract<DrillInput, { start: unknown }> => 'start' in i);
  const holders = Object.entries(start?.start ?? {});
  const bot = holders.find(([, h]) => h.kind === 'bot')?.[1];
  return {
    id: r.id,
    code: 'TESTCODE',
    mode: r.mode,
    scenarioId: r.scenarioId,
    scenarioHash: r.scenarioHash,
    seed: r.seed,
    speed: 60,
    team: r.team,
    competitionId: r.competitionId,
    soloPost: r.mode === 'solo' ? (holders.find(([, h]) => h.kind === 'human')?.[0] ?? null) : null,
    botSkill: bot?.kind === 'bot' ? bot.skill : 'competent',
    level: r.level,
    createdAt: r.startedAt,
  };
}

/** Stores a drill as the server does: its creation record, then the drill with the server's verdict. */
export async function saveJudged(store: DrillStore, services: Pick<ServerServices, 'scenarios' | 'log'>, r: DrillRecord, creation = creationFor(r)): Promise<void> {
  if (!(await store.getCreation(creation.id))) await store.saveCreation(creation);
  await store.saveDrill(r, verdictFor(services, r, creation));
}
