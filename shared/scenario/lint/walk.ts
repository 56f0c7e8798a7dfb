import type { Condition, Effect, Scenario } from '../schema.js';
import { boardLists, effectListsOf } from '../work/opsBoard.js';

/** Every list of effects in a scenario, with where it stands and what can make it happen. */
export interface EffectSite {
  path: (string | number)[];
  effects: Effect[];
  /** What must hold for these effects to happen at all (a response's `requires`). */
  requires?: Condition;
  /** The interaction or inject it belongs to, for reachability. */
  owner:
    | { kind: 'response' | 'timeout'; interaction: string }
    | { kind: 'inject'; inject: string }
    | { kind: 'expected'; expected: string; outcome: 'onTime' | 'missed' }
    | { kind: 'statement'; statement: string }
    | { kind: 'feed'; item: string }
    | { kind: 'report'; report: string }
    | { kind: 'board' }
    /** How a place on the floor serves an archetype: live once a customer of it can walk in. */
    | { kind: 'floor'; archetype: string };
}

export function effectSites(s: Scenario): EffectSite[] {
  const sites: EffectSite[] = [];
  s.interactions.forEach((it, i) => {
    it.responses.forEach((r, j) =>
      sites.push({ path: ['interactions', i, 'responses', j], effects: r.effects, ...(r.requires && { requires: r.requires }), owner: { kind: 'response', interaction: it.id } }),
    );
    sites.push({ path: ['interactions', i, 'timeout'], effects: it.timeout.effects, owner: { kind: 'timeout', interaction: it.id } });
  });
  s.injects.forEach((inj, i) => sites.push({ path: ['injects', i], effects: inj.effects, owner: { kind: 'inject', inject: inj.id } }));
  s.expected.forEach((x, i) => {
    sites.push({ path: ['expected', i, 'onTime'], effects: x.onTime, owner: { kind: 'expected', expected: x.id, outcome: 'onTime' } });
    sites.push({ path: ['expected', i, 'missed'], effects: x.missed, owner: { kind: 'expected', expected: x.id, outcome: 'missed' } });
  });
  s.statements.forEach((st, i) => {
    const opens = st.opens && { requires: st.opens };
    sites.push({ path: ['statements', i, 'onPublish'], effects: st.onPublish, ...opens, owner: { kind: 'statement', statement: st.id } });
    sites.push({ path: ['statements', i, 'onRisky'], effects: st.onRisky, ...opens, owner: { kind: 'statement', statement: st.id } });
    for (const [element, lines] of Object.entries(st.lines)) {
      lines?.forEach((line, j) => sites.push({ path: ['statements', i, 'lines', element, j, 'effects'], effects: line.effects, ...opens, owner: { kind: 'statement', statement: st.id } }));
    }
  });
  s.reports.forEach((r, i) => {
    const opens = r.opens && { requires: r.opens };
    sites.push({ path: ['reports', i, 'onFiled'], effects: r.onFiled, ...opens, owner: { kind: 'report', report: r.id } });
    sites.push({ path: ['reports', i, 'onInaccurate'], effects: r.onInaccurate, ...opens, owner: { kind: 'report', report: r.id } });
  });
  if (s.board) {
    const b = s.board;
    for (const [name, options] of Object.entries(boardLists(b))) {
      options.forEach((o, i) => {
        const requires = o.requires && b.opens ? { requires: { all: [b.opens, o.requires] } } : (o.requires ?? b.opens) && { requires: (o.requires ?? b.opens)! };
        for (const [key, effects] of effectListsOf(o)) sites.push({ path: ['board', name, i, key], effects, ...requires, owner: { kind: 'board' } });
      });
    }
  }
  s.feed.forEach((f, i) => {
    sites.push({ path: ['feed', i, 'onThreshold'], effects: f.onThreshold, owner: { kind: 'feed', item: f.id } });
    for (const action of ['reply', 'rebut', 'escalate'] as const) sites.push({ path: ['feed', i, 'actions', action], effects: f.actions[action].effects, owner: { kind: 'feed', item: f.id } });
  });
  s.floor?.customers.forEach((c, i) => {
    for (const [place, service] of Object.entries(c.places)) if (service) sites.push({ path: ['floor', 'customers', i, 'places', place], effects: service.effects, owner: { kind: 'floor', archetype: c.archetype } });
  });
  return sites;
}

/** Every condition in a scenario with where it stands. */
export function conditionSites(s: Scenario): { path: (string | number)[]; condition: Condition }[] {
  const out: { path: (string | number)[]; condition: Condition }[] = [];
  s.interactions.forEach((it, i) => it.responses.forEach((r, j) => r.requires && out.push({ path: ['interactions', i, 'responses', j, 'requires'], condition: r.requires })));
  s.injects.forEach((inj, i) => inj.when && out.push({ path: ['injects', i, 'when'], condition: inj.when }));
  s.expected.forEach((x, i) => out.push({ path: ['expected', i, 'done'], condition: x.done }));
  s.endings.forEach((e, i) => e.when && out.push({ path: ['endings', i, 'when'], condition: e.when }));
  s.statements.forEach((st, i) => st.opens && out.push({ path: ['statements', i, 'opens'], condition: st.opens }));
  s.reports.forEach((r, i) => r.opens && out.push({ path: ['reports', i, 'opens'], condition: r.opens }));
  if (s.board) {
    if (s.board.opens) out.push({ path: ['board', 'opens'], condition: s.board.opens });
    for (const [name, options] of Object.entries(boardLists(s.board))) options.forEach((o, i) => o.requires && out.push({ path: ['board', name, i, 'requires'], condition: o.requires }));
  }
  s.phone?.categories.forEach((c, i) => c.faq && out.push({ path: ['phone', 'categories', i, 'faq'], condition: c.faq }));
  return out;
}

/** The flags and facts a condition reads. */
export function readsOf(c: Condition, into = { flags: new Set<string>(), facts: new Set<string>() }) {
  if ('flag' in c) into.flags.add(c.flag);
  else if ('fact' in c) into.facts.add(c.fact);
  else if ('all' in c) c.all.forEach((x) => readsOf(x, into));
  else if ('any' in c) c.any.forEach((x) => readsOf(x, into));
  else if ('not' in c) readsOf(c.not, into);
  return into;
}
