import type { Roster } from '../engine/drillState.js';
import type { DrillEvent } from '../engine/events.js';
import type { DrillInput } from '../protocol/intents.js';
import type { Scenario } from '../scenario/schema.js';
import { DIMENSION_LABELS, DIMENSIONS, teamTotal, type Scores } from '../scores/dimensions.js';
import { replay } from '../replay/replay.js';
import { namesOf } from './describe.js';
import { findings } from './findings.js';
import { rateDuty, rateScore } from './ratings.js';
import type { Debrief, DimensionResult, ExpectedOutcome } from './schema.js';
import { traceCauses } from './traceCauses.js';

/** What a debrief needs from a stored drill: the drill is its inputs, replayed from its seed. */
export interface DebriefInput {
  seed: number;
  roster: Roster;
  inputs: readonly DrillInput[];
  untilClock: number;
}

export interface BuiltDebrief {
  debrief: Debrief;
  /** The engine's event log of the replayed drill, which every number above comes from. */
  events: DrillEvent[];
  /** The replay's final scores, to check against the stored result. */
  scores: Scores;
  /** Inputs the engine refused on replay: a faithful record has none. */
  rejected: number;
}

/**
 * The whole team's debrief of a drill: re-runs the engine from the record and derives the score
 * timelines, the decisions with their consequences and causes, the duties, and the strengths and
 * areas for improvement, all from the event log. Pure: same record, same debrief.
 */
export function buildDebrief(scenario: Scenario, input: DebriefInput): BuiltDebrief {
  const { state, events, rejected } = replay(scenario, { seed: input.seed, roster: input.roster }, input.inputs, input.untilClock);
  const names = namesOf(scenario, input.roster);
  const { decisions, changes, dutyDoneBy } = traceCauses(scenario, input.roster, events, names);
  const endAt = state.ending?.at ?? state.clock;

  const dimensions: DimensionResult[] = DIMENSIONS.map((dim) => {
    const points = [{ at: scenario.clock.start, value: scenario.baseline[dim] }];
    for (const c of changes) if (c.dim === dim) points.push({ at: c.at, value: c.value });
    points.push({ at: Math.max(endAt, points.at(-1)!.at), value: state.scores[dim] });
    const values = points.map((p) => p.value);
    return {
      dim, label: DIMENSION_LABELS[dim], baseline: scenario.baseline[dim], final: state.scores[dim],
      min: Math.min(...values), max: Math.max(...values), rating: rateScore(state.scores[dim]), points,
    };
  });

  const expected: ExpectedOutcome[] = scenario.expected.map((x) => {
    const progress = state.expected[x.id]!;
    const deadline = progress.deadline ?? null;
    const doneAt = progress.doneAt ?? null;
    return {
      id: x.id, title: x.title, post: x.post, who: names.who(x.post), procedure: x.procedure, status: progress.status,
      deadline, doneAt, decision: dutyDoneBy.get(x.id) ?? null, rating: rateDuty(progress.status, deadline, doneAt),
    };
  });

  const ending = state.ending ? scenario.endings.find((e) => e.id === state.ending!.id) : undefined;
  const found = findings({ scenario, names, events, dimensions, decisions, changes, expected });
  const debrief: Debrief = {
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title, summary: scenario.summary },
    clock: { start: scenario.clock.start, end: scenario.clock.end },
    ending: { id: ending?.id ?? null, title: ending?.title ?? null, outcome: ending?.outcome ?? null, reason: state.ending?.reason ?? 'trainer', at: endAt },
    posts: scenario.posts.map((p) => ({ id: p.id, name: p.name, room: p.room, roomName: names.room(p.room), who: names.who(p.id), kind: input.roster[p.id]?.kind === 'bot' ? 'bot' : 'human' })),
    forPost: null,
    total: { baseline: teamTotal(scenario.baseline), final: teamTotal(state.scores) },
    dimensions,
    decisions,
    changes,
    expected,
    strengths: found.strengths,
    improvements: found.improvements,
  };
  return { debrief, events, scores: { ...state.scores }, rejected: rejected.length };
}

/**
 * One player's debrief: their own decisions and the people who gave up waiting in their room,
 * the score changes that go back to them, their duties and the findings about them or the whole
 * team. The score timelines stay the team's: every player's scores are the team's.
 */
export function debriefForPost(debrief: Debrief, post: string): Debrief {
  const room = debrief.posts.find((p) => p.id === post)?.room;
  return {
    ...debrief,
    forPost: post,
    decisions: debrief.decisions.filter((d) => d.post === post || (d.kind === 'timeout' && d.room === room)),
    changes: debrief.changes.filter((c) => c.post === post),
    expected: debrief.expected.filter((x) => x.post === post),
    strengths: debrief.strengths.filter((f) => f.post === null || f.post === post),
    improvements: debrief.improvements.filter((f) => f.post === null || f.post === post),
  };
}
