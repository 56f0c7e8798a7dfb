import { beforeAll, describe, expect, it } from 'vitest';
import { libraryScenario } from '../helpers/libraryScenario.js';
import { SKILLS, type Skill } from '../../shared/bots/skill.js';
import { runBotDrill, type BotDrillResult } from '../../shared/sim/runBotDrill.js';
import { replay } from '../../shared/replay/replay.js';
import { summarizeRuns } from '../../shared/sim/summarize.js';
import type { Scenario } from '../../shared/scenario/schema.js';

const FLAGSHIP = 'huarui-upgrade-outage';
/** The least gap between the expert and the novice median totals for the scenario to teach anything. */
const EXPERT_MARGIN = 10;
const RUNS = 150;

let scenario: Scenario;
const byLevel = new Map<Skill, BotDrillResult[]>();

beforeAll(async () => {
  scenario = await libraryScenario(FLAGSHIP);
  for (const skill of SKILLS) {
    const team = Object.fromEntries(scenario.posts.map((p) => [p.id, skill]));
    byLevel.set(skill, Array.from({ length: RUNS }, (_, seed) => runBotDrill(scenario, seed, team)));
  }
  // 450 whole drills: about 10 s on a quiet machine and three times that on a loaded CI runner, where
  // vitest's default 10 s hook limit failed the whole file.
}, 180_000);

describe('the flagship scenario', () => {
  it('loads, with the size the product promises', () => {
    expect(scenario).toBeDefined();
    expect(scenario.interactions.length).toBeGreaterThanOrEqual(40);
    expect(scenario.cast.length).toBeGreaterThanOrEqual(8);
    expect(new Set(scenario.rooms.map((r) => r.type))).toEqual(new Set(['lobby', 'phone', 'newsroom', 'ops']));
    for (const kind of ['reporter', 'blogger', 'official', 'executive']) {
      expect(scenario.cast.some((c) => c.kind === kind)).toBe(true);
    }
  });

  it('keeps all four rooms busy: every room has interactions in every hour of the drill', () => {
    const all = [...byLevel.values()].flat();
    for (const room of scenario.rooms) {
      for (let hour = scenario.clock.start; hour < scenario.clock.end - 1800; hour += 3600) {
        const busy = all.some((r) => r.events.some((e) => e.type === 'npcArrived' && e.room === room.id && e.at >= hour && e.at < hour + 3600));
        expect(busy, `${room.id} from ${hour / 3600}:00`).toBe(true);
      }
    }
  });

  it('has every interaction reachable by some play and every ending reachable', () => {
    // Random, mixed-skill teams explore the scenario; experts and novices add the two extremes.
    const explorers = Array.from({ length: 300 }, (_, seed) =>
      runBotDrill(scenario, 10_000 + seed, Object.fromEntries(scenario.posts.map((p, i) => [p.id, SKILLS[(seed * 7 + i) % 3]!]))),
    );
    const coverage = summarizeRuns([...explorers, ...[...byLevel.values()].flat()]);
    const unplayed = scenario.interactions.map((i) => i.id).filter((id) => !coverage.interactionsPlayed.has(id));
    expect(unplayed).toEqual([]);
    const unreached = scenario.endings.map((e) => e.id).filter((id) => !coverage.endings[id]);
    expect(unreached).toEqual([]);
  });

  it(`lets experts beat novices on the median total by at least ${EXPERT_MARGIN} points`, () => {
    const novice = summarizeRuns(byLevel.get('novice')!);
    const competent = summarizeRuns(byLevel.get('competent')!);
    const expert = summarizeRuns(byLevel.get('expert')!);
    expect(expert.scores.total.median).toBeGreaterThanOrEqual(novice.scores.total.median + EXPERT_MARGIN);
    expect(expert.scores.total.median).toBeGreaterThan(competent.scores.total.median);
    expect(competent.scores.total.median).toBeGreaterThan(novice.scores.total.median);
    expect(expert.expectedMet.mean).toBeGreaterThan(novice.expectedMet.mean);
  });

  it('makes the front line answer to one message: what the hotline or branch says against the FAQ or the statement costs coordination', () => {
    const contradictions = [...byLevel.values()].flat().flatMap((run) =>
      run.events.flatMap((e, i) => (e.type === 'claimContradicted' ? [{ e, next: run.events.slice(i + 1, i + 3) }] : [])),
    );
    const frontLine = contradictions.filter(({ e }) => e.type === 'claimContradicted' && (e.room === 'phone' || e.room === 'lobby'));
    expect(frontLine.length).toBeGreaterThan(0);
    for (const { next } of frontLine) expect(next.some((n) => n.type === 'score' && n.dim === 'coordination' && n.delta < 0)).toBe(true);
    // Experts keep to one message.
    const expertRooms = byLevel.get('expert')!.flatMap((run) => run.events.filter((e) => e.type === 'claimContradicted'));
    expect(expertRooms.length).toBeLessThan(frontLine.length / 10);
  });

  it('replays every recorded flagship drill exactly, at every skill level', () => {
    const mismatched = [...byLevel.entries()].flatMap(([skill, runs]) =>
      runs
        .filter((run) => {
          const again = replay(run.morning, { seed: run.state.seed, roster: run.roster }, run.inputs, run.state.clock);
          return JSON.stringify(again.state) !== JSON.stringify(run.state) || JSON.stringify(again.events) !== JSON.stringify(run.events);
        })
        .map((run) => `${skill} seed ${run.state.seed}`),
    );
    expect(mismatched).toEqual([]);
  });
});
