import type { Archetype, Claim, Condition, ExpectedAction, Inject, Interaction, Quality, Scenario, Statement, FeedItem, Report } from '../scenario/schema.js';
import { watchersOf, type Watchers } from './watchers.js';

/** Look-ups by id over a validated scenario, built once per scenario object. */
export interface ScenarioIndex {
  scenario: Scenario;
  interactions: Map<string, Interaction>;
  /** For each interaction, the quality mark of each response in file order (bots read them by position). */
  qualities: Map<string, Quality[]>;
  archetypes: Map<string, Archetype>;
  injects: Map<string, Inject>;
  expected: Map<string, ExpectedAction>;
  /** For each inject, the duties whose deadline counts from it, in file order. */
  deadlinesFrom: Map<string, ExpectedAction[]>;
  postRoom: Map<string, string>;
  roomIds: string[];
  /** Injects that fire on a condition alone, in file order. */
  conditionalInjects: Inject[];
  /** Injects that fire at a time, in time then file order. */
  timedInjects: Inject[];
  /** Times named by `after`/`before` in injects, duties and endings: the drill re-checks them then. */
  checkpoints: number[];
  /** What each standing condition reads, so settling re-checks only what a change can affect. */
  watchers: Watchers;
  claims: Map<string, Claim>;
  /** For each fact, the claims it shows wrong. */
  claimsDisprovedBy: Map<string, Claim[]>;
  statements: Map<string, Statement>;
  feedItems: Map<string, FeedItem>;
  reports: Map<string, Report>;
  /** Posts with work of their own beside the cards (a statement to write or approve, the feed): only their views carry it. */
  workPosts: Set<string>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

export function indexScenario(scenario: Scenario): ScenarioIndex {
  let index = cache.get(scenario);
  if (!index) {
    const conditionalInjects = scenario.injects.filter((i) => i.when !== undefined && i.at === undefined);
    index = {
      scenario,
      interactions: new Map(scenario.interactions.map((i) => [i.id, i])),
      qualities: new Map(scenario.interactions.map((i) => [i.id, i.responses.map((r) => r.quality)])),
      archetypes: new Map(scenario.cast.map((a) => [a.id, a])),
      injects: new Map(scenario.injects.map((i) => [i.id, i])),
      expected: new Map(scenario.expected.map((x) => [x.id, x])),
      deadlinesFrom: deadlinesFrom(scenario),
      postRoom: new Map(scenario.posts.map((p) => [p.id, p.room])),
      roomIds: scenario.rooms.map((r) => r.id),
      conditionalInjects,
      timedInjects: scenario.injects
        .map((inject, order) => ({ inject, order }))
        .filter(({ inject }) => inject.at !== undefined)
        .sort((a, b) => a.inject.at! - b.inject.at! || a.order - b.order)
        .map(({ inject }) => inject),
      checkpoints: checkpointsOf(scenario),
      watchers: watchersOf(scenario, conditionalInjects),
      claims: new Map(scenario.claims.map((c) => [c.id, c])),
      claimsDisprovedBy: groupBy(scenario.claims.filter((c) => c.disprovedBy !== undefined), (c) => c.disprovedBy!),
      statements: new Map(scenario.statements.map((s) => [s.id, s])),
      feedItems: new Map(scenario.feed.map((f) => [f.id, f])),
      reports: new Map(scenario.reports.map((r) => [r.id, r])),
      workPosts: workPostsOf(scenario),
    };
    cache.set(scenario, index);
  }
  return index;
}

function workPostsOf(scenario: Scenario): Set<string> {
  const posts = new Set<string>();
  for (const s of scenario.statements) {
    posts.add(s.post);
    if (s.approver) posts.add(s.approver);
  }
  const newsrooms = new Set(scenario.rooms.filter((r) => r.type === 'newsroom').map((r) => r.id));
  if (scenario.feed.length > 0) for (const p of scenario.posts) if (newsrooms.has(p.room)) posts.add(p.id);
  for (const r of scenario.reports) posts.add(r.post);
  return posts;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function deadlinesFrom(scenario: Scenario): Map<string, ExpectedAction[]> {
  const byInject = new Map<string, ExpectedAction[]>();
  for (const x of scenario.expected) {
    if (!('of' in x.deadline)) continue;
    const list = byInject.get(x.deadline.of);
    if (list) list.push(x);
    else byInject.set(x.deadline.of, [x]);
  }
  return byInject;
}

function checkpointsOf(scenario: Scenario): number[] {
  const times = new Set<number>();
  const visit = (c: Condition): void => {
    if ('after' in c) times.add(c.after);
    else if ('before' in c) times.add(c.before);
    else if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
  };
  scenario.injects.forEach((i) => i.when && visit(i.when));
  scenario.expected.forEach((x) => visit(x.done));
  scenario.endings.forEach((e) => e.when && visit(e.when));
  return [...times].filter((t) => t > scenario.clock.start && t < scenario.clock.end).sort((a, b) => a - b);
}
