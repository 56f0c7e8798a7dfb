import type { Condition, Scenario } from '../schema.js';
import { effectSites } from './walk.js';

export interface Reach {
  interactions: Set<string>;
  injects: Set<string>;
  flags: Set<string>;
  facts: Set<string>;
  /** Feed posts some play can bring into the feed. */
  feed: Set<string>;
  /** Whether a condition could hold in some play, given what can be reached. */
  possible(c: Condition): boolean;
}

/**
 * What some play can reach, found by growing the sets until they stop changing. It is
 * generous where it cannot know (a negation, a score, a mood, a time could all hold), so what it
 * calls unreachable really is: nothing in the scenario can ever bring it about. Injects the
 * trainer may fire count as reachable unless `withoutTrainer` is set.
 */
export function reachability(s: Scenario, options: { withoutTrainer?: boolean } = {}): Reach {
  const reach: Reach = {
    interactions: new Set(),
    injects: new Set(),
    flags: new Set(),
    facts: new Set(s.facts.filter((f) => f.knownBy.length > 0).map((f) => f.id)),
    feed: new Set(),
    possible: (c) => possible(c),
  };
  const possible = (c: Condition): boolean => {
    if ('flag' in c) return reach.flags.has(c.flag);
    if ('fact' in c) return reach.facts.has(c.fact);
    if ('all' in c) return c.all.every(possible);
    if ('any' in c) return c.any.some(possible);
    return true;
  };
  const sites = effectSites(s);
  const interactionById = new Map(s.interactions.map((i) => [i.id, i]));
  /** A duty's reward needs it done; its penalty needs its deadline to come (relative ones need their inject). */
  const dutyOutcomeReachable = (id: string, outcome: 'onTime' | 'missed') => {
    const x = s.expected.find((e) => e.id === id)!;
    if (outcome === 'onTime') return possible(x.done);
    return 'at' in x.deadline || reach.injects.has(x.deadline.of);
  };

  for (let grew = true; grew; ) {
    grew = false;
    const add = (set: Set<string>, id: string) => {
      if (!set.has(id)) {
        set.add(id);
        grew = true;
      }
    };
    for (const inj of s.injects) {
      // `withoutTrainer`: what play alone reaches, when nobody fires the trainer's injects.
      const fires = (inj.optional && !options.withoutTrainer) || (inj.at !== undefined && (!inj.when || possible(inj.when))) || (inj.at === undefined && inj.when !== undefined && possible(inj.when));
      if (fires) add(reach.injects, inj.id);
    }
    for (const stream of s.arrivals) stream.pool.forEach((id) => add(reach.injects, id));
    // The crowd meter can pass its threshold in some play once anyone can walk onto the floor.
    if (s.floor && s.interactions.some((it) => it.room === s.floor!.room && reach.interactions.has(it.id))) add(reach.injects, s.floor.meter.inject);
    for (const inj of s.injects) if (reach.injects.has(inj.id)) inj.spawn.forEach((id) => add(reach.interactions, id));
    for (const site of sites) {
      const owner = site.owner;
      const live =
        owner.kind === 'inject'
          ? reach.injects.has(owner.inject)
          : owner.kind === 'expected'
            ? dutyOutcomeReachable(owner.expected, owner.outcome)
            : owner.kind === 'statement' || owner.kind === 'report' || owner.kind === 'board'
              ? !site.requires || possible(site.requires)
              : owner.kind === 'feed'
                ? reach.feed.has(owner.item)
                : owner.kind === 'floor'
                  ? s.interactions.some((it) => it.npc === owner.archetype && it.room === s.floor!.room && reach.interactions.has(it.id))
                  : reach.interactions.has(owner.interaction) && (!site.requires || possible(site.requires));
      if (!live) continue;
      for (const e of site.effects) {
        if (e.type === 'setFlag') add(reach.flags, e.flag);
        else if (e.type === 'learnFact') add(reach.facts, e.fact);
        else if (e.type === 'followUp' || e.type === 'fire') add(reach.injects, e.inject);
        else if (e.type === 'feedPost') add(reach.feed, e.item);
      }
    }
    for (const id of [...reach.interactions]) {
      const it = interactionById.get(id)!;
      for (const r of it.responses) if (r.next && (!r.requires || possible(r.requires))) add(reach.interactions, r.next);
      if (it.timeout.next) add(reach.interactions, it.timeout.next);
    }
  }
  return reach;
}
