import { checkWorkReferences } from './checkWorkReferences.js';
import { checkVariantReferences } from './checkVariantReferences.js';
import { boardLists, effectListsOf } from './work/opsBoard.js';
import type { Condition, Effect, Scenario } from './schema.js';

export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/**
 * Checks what the schema alone cannot: that every id a scenario mentions is declared, that
 * ids are unique, and that each piece is used where it makes sense. Returns every problem found.
 */
export function checkReferences(s: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  const ids = {
    room: uniqueIds(s.rooms, ['rooms'], 'room', report),
    post: uniqueIds(s.posts, ['posts'], 'post', report),
    flag: uniqueIds(s.flags, ['flags'], 'flag', report),
    fact: uniqueIds(s.facts, ['facts'], 'fact', report),
    npc: uniqueIds(s.cast, ['cast'], 'archetype', report),
    interaction: uniqueIds(s.interactions, ['interactions'], 'interaction', report),
    inject: uniqueIds(s.injects, ['injects'], 'inject', report),
  };
  uniqueIds(s.expected, ['expected'], 'expected action', report);
  uniqueIds(s.endings, ['endings'], 'ending', report);

  const known = (kind: keyof typeof ids, id: string, path: Path) => {
    if (!ids[kind].has(id)) report(path, `unknown ${kind} "${id}"`);
  };
  const roomOfInteraction = new Map(s.interactions.map((i) => [i.id, i.room]));

  const checkCondition = (c: Condition, path: Path, inInteraction: boolean): void => {
    if ('flag' in c) known('flag', c.flag, [...path, 'flag']);
    else if ('fact' in c) {
      known('fact', c.fact, [...path, 'fact']);
      if (c.room !== undefined) known('room', c.room, [...path, 'room']);
    } else if ('mood' in c) {
      if (!inInteraction) report(path, 'a mood condition can only be used in a response, where an NPC is speaking');
    } else if ('all' in c) c.all.forEach((x, i) => checkCondition(x, [...path, 'all', i], inInteraction));
    else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, [...path, 'any', i], inInteraction));
    else if ('not' in c) checkCondition(c.not, [...path, 'not'], inInteraction);
  };

  const checkEffects = (effects: Effect[], path: Path, inInteraction: boolean): void =>
    effects.forEach((e, i) => {
      const at = [...path, i];
      switch (e.type) {
        case 'mood':
          if (!inInteraction) report(at, 'a mood effect needs an NPC: use it in a response or a timeout');
          break;
        case 'crowd':
          known('room', e.room, [...at, 'room']);
          break;
        case 'setFlag':
        case 'clearFlag':
          known('flag', e.flag, [...at, 'flag']);
          break;
        case 'learnFact':
          known('fact', e.fact, [...at, 'fact']);
          if (e.room !== undefined) known('room', e.room, [...at, 'room']);
          break;
        case 'followUp':
        case 'cancelFollowUp':
        case 'fire':
          known('inject', e.inject, [...at, 'inject']);
          break;
        case 'feedPost':
          if (!s.feed.some((f) => f.id === e.item)) report([...at, 'item'], `unknown feed item "${e.item}"`);
          break;
        case 'floorCapacity':
          if (!s.floor) report(at, 'a floorCapacity effect needs a branch floor (the scenario has none)');
          break;
        case 'score':
          break;
      }
    });

  if (s.clock.end <= s.clock.start) report(['clock', 'end'], 'the drill must end after it starts');

  s.posts.forEach((p, i) => known('room', p.room, ['posts', i, 'room']));
  s.rooms.forEach((r, i) => {
    if (!s.posts.some((p) => p.room === r.id)) report(['rooms', i], `room "${r.id}" has no post, so nobody could answer there`);
  });
  s.facts.forEach((f, i) => f.knownBy.forEach((r, j) => known('room', r, ['facts', i, 'knownBy', j])));

  s.interactions.forEach((it, i) => {
    const at: Path = ['interactions', i];
    known('room', it.room, [...at, 'room']);
    known('npc', it.npc, [...at, 'npc']);
    it.posts?.forEach((p, j) => {
      known('post', p, [...at, 'posts', j]);
      const post = s.posts.find((x) => x.id === p);
      if (post && post.room !== it.room) report([...at, 'posts', j], `post "${p}" is not in room "${it.room}"`);
    });
    uniqueIds(it.responses, [...at, 'responses'], 'response', report);
    const checkNext = (next: string | undefined, path: Path) => {
      if (next === undefined) return;
      known('interaction', next, path);
      const nextRoom = roomOfInteraction.get(next);
      if (nextRoom !== undefined && nextRoom !== it.room) report(path, `"${next}" is in room "${nextRoom}", not "${it.room}": a conversation stays in its room`);
      if (next === it.id) report(path, 'an interaction cannot continue into itself');
    };
    it.responses.forEach((r, j) => {
      const rAt = [...at, 'responses', j];
      if (r.requires) checkCondition(r.requires, [...rAt, 'requires'], true);
      checkEffects(r.effects, [...rAt, 'effects'], true);
      checkNext(r.next, [...rAt, 'next']);
    });
    if (!it.responses.some((r) => r.requires === undefined)) {
      report([...at, 'responses'], 'at least one response must need no condition, so the player is never stuck');
    }
    checkEffects(it.timeout.effects, [...at, 'timeout', 'effects'], true);
    checkNext(it.timeout.next, [...at, 'timeout', 'next']);
  });

  const followedUp = new Set<string>();
  const collectFollowUps = (effects: Effect[]) =>
    effects.forEach((e) => (e.type === 'followUp' || e.type === 'fire') && followedUp.add(e.inject));
  s.interactions.forEach((it) => {
    it.responses.forEach((r) => collectFollowUps(r.effects));
    collectFollowUps(it.timeout.effects);
  });
  s.injects.forEach((inj) => collectFollowUps(inj.effects));
  s.expected.forEach((x) => (collectFollowUps(x.onTime), collectFollowUps(x.missed)));
  s.statements.forEach((st) => {
    collectFollowUps(st.onPublish);
    collectFollowUps(st.onRisky);
    for (const lines of Object.values(st.lines)) lines?.forEach((line) => collectFollowUps(line.effects));
  });
  s.reports.forEach((r) => (collectFollowUps(r.onFiled), collectFollowUps(r.onInaccurate)));
  s.feed.forEach((f) => (collectFollowUps(f.onThreshold), Object.values(f.actions).forEach((a) => collectFollowUps(a.effects))));
  if (s.board) for (const options of Object.values(boardLists(s.board))) for (const o of options) for (const [, effects] of effectListsOf(o)) collectFollowUps(effects);
  // The crowd meter fires its inject.
  if (s.floor) followedUp.add(s.floor.meter.inject);
  checkArrivals(s, ids.inject, report);
  for (const stream of s.arrivals) stream.pool.forEach((id) => followedUp.add(id));

  s.injects.forEach((inj, i) => {
    const at: Path = ['injects', i];
    known('room', inj.room, [...at, 'room']);
    if (inj.at !== undefined && (inj.at < s.clock.start || inj.at >= s.clock.end)) {
      report([...at, 'at'], 'must fall within the drill clock');
    }
    if (inj.when) checkCondition(inj.when, [...at, 'when'], false);
    checkEffects(inj.effects, [...at, 'effects'], false);
    inj.spawn.forEach((id, j) => {
      known('interaction', id, [...at, 'spawn', j]);
      const room = roomOfInteraction.get(id);
      if (room !== undefined && room !== inj.room) report([...at, 'spawn', j], `"${id}" is in room "${room}", not the inject's room "${inj.room}"`);
    });
    if (inj.at === undefined && inj.when === undefined && !inj.optional && !followedUp.has(inj.id)) {
      report(at, `inject "${inj.id}" can never fire: give it "at" or "when", mark it optional, or follow it up from an effect`);
    }
  });

  s.expected.forEach((x, i) => {
    const at: Path = ['expected', i];
    known('post', x.post, [...at, 'post']);
    checkCondition(x.done, [...at, 'done'], false);
    if ('of' in x.deadline) known('inject', x.deadline.of, [...at, 'deadline', 'of']);
    checkEffects(x.onTime, [...at, 'onTime'], false);
    checkEffects(x.missed, [...at, 'missed'], false);
  });

  const timeUp = s.endings.filter((e) => e.when === undefined);
  if (timeUp.length !== 1) report(['endings'], `exactly one ending must have no "when" (reached when the clock runs out); found ${timeUp.length}`);
  s.endings.forEach((e, i) => e.when && checkCondition(e.when, ['endings', i, 'when'], false));

  checkWorkReferences(s, { report, known, checkCondition, checkEffects, uniqueIds: (items, path, what) => uniqueIds(items, path, what, report) });
  checkVariantReferences(s, report);
  return problems;
}

/**
 * Every stream draws from injects that exist and come only through it: one with its own time
 * or condition, one a trainer may fire, or one in two pools could arrive twice.
 */
function checkArrivals(s: Scenario, injects: Set<string>, report: (path: Path, message: string) => void): void {
  uniqueIds(s.arrivals, ['arrivals'], 'arrival stream', report);
  const byId = new Map(s.injects.map((i) => [i.id, i]));
  const pooled = new Set<string>();
  s.arrivals.forEach((stream, i) => {
    const at: Path = ['arrivals', i];
    if (stream.from < s.clock.start || stream.to > s.clock.end) report(at, 'the window must fall within the drill clock');
    stream.pool.forEach((id, j) => {
      const path = [...at, 'pool', j];
      const inject = byId.get(id);
      if (!injects.has(id) || !inject) return report(path, `unknown inject "${id}"`);
      if (pooled.has(id)) return report(path, `inject "${id}" is in an arrival pool twice`);
      pooled.add(id);
      if (inject.at !== undefined || inject.when !== undefined || inject.optional) report(path, `inject "${id}" arrives through this stream: it cannot also have "at", "when" or "optional"`);
    });
  });
}

function uniqueIds(
  items: { id: string }[],
  path: Path,
  what: string,
  report: (path: Path, message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) report([...path, i, 'id'], `duplicate ${what} id "${item.id}"`);
    seen.add(item.id);
  });
  return seen;
}
