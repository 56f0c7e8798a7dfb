import { DIMENSIONS } from '../../scores/dimensions.js';
import type { Scenario } from '../schema.js';
import type { Finding } from './finding.js';
import { reachability } from './reachability.js';
import { conditionSites, effectSites, readsOf } from './walk.js';
import { lintRoomWork } from './roomWork.js';
import { lintVariants } from './lintVariants.js';

/**
 * The authoring checks beyond the schema: what no play can reach, state that is read but never
 * written (or written and never read), score dimensions nothing moves, duties nothing fulfils,
 * and choices that are no choice. Pure: the caller decides what to print and whether to fail.
 */
export function lintScenario(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  const error = (path: Finding['path'], message: string) => findings.push({ severity: 'error', path, message });
  const warn = (path: Finding['path'], message: string) => findings.push({ severity: 'warning', path, message });
  const reach = reachability(s);

  s.interactions.forEach((it, i) => {
    if (!reach.interactions.has(it.id)) error(['interactions', i], `no play can reach interaction "${it.id}": no reachable inject spawns it and no reachable answer leads to it`);
  });
  s.injects.forEach((inj, i) => {
    if (!reach.injects.has(inj.id)) error(['injects', i], `no play can fire inject "${inj.id}": its condition can never hold and nothing reachable follows it up`);
  });
  s.feed.forEach((f, i) => {
    if (!reach.feed.has(f.id)) error(['feed', i], `no play can post "${f.id}" to the feed: nothing reachable has a feedPost effect for it`);
  });
  s.endings.forEach((e, i) => {
    if (e.when && !reach.possible(e.when)) error(['endings', i, 'when'], `no play can reach ending "${e.id}": its condition needs a flag or fact that nothing reachable sets`);
  });
  s.expected.forEach((x, i) => {
    if (!reach.possible(x.done)) error(['expected', i, 'done'], `no response can fulfil expected action "${x.id}"`);
  });

  // Flags and facts: written and read.
  const sites = effectSites(s);
  const setFlags = new Set<string>();
  const learnedFacts = new Set<string>(s.facts.filter((f) => f.knownBy.length > 0).map((f) => f.id));
  for (const site of sites) {
    for (const e of site.effects) {
      if (e.type === 'setFlag') setFlags.add(e.flag);
      if (e.type === 'learnFact') learnedFacts.add(e.fact);
    }
  }
  const read = { flags: new Set<string>(), facts: new Set<string>() };
  for (const { condition } of conditionSites(s)) readsOf(condition, read);
  s.flags.forEach((f, i) => {
    if (read.flags.has(f.id) && !setFlags.has(f.id)) error(['flags', i], `flag "${f.id}" is tested but nothing ever sets it`);
    if (!read.flags.has(f.id) && setFlags.has(f.id)) error(['flags', i], `flag "${f.id}" is set but nothing ever tests it`);
    if (!read.flags.has(f.id) && !setFlags.has(f.id)) error(['flags', i], `flag "${f.id}" is declared but never used`);
  });
  s.facts.forEach((f, i) => {
    if (read.facts.has(f.id) && !learnedFacts.has(f.id)) error(['facts', i], `fact "${f.id}" is needed but no room ever learns it`);
    if (!learnedFacts.has(f.id)) error(['facts', i], `fact "${f.id}" is never learned by any room`);
    // A fact nothing tests still informs the rooms it is shared with, so this is only a warning.
    else if (!read.facts.has(f.id)) warn(['facts', i], `fact "${f.id}" is learned but no condition uses it: sharing it earns points but changes no choice`);
  });

  // A locked response says what it waits for; a fact it names reads best by a short label.
  const lockFacts = { flags: new Set<string>(), facts: new Set<string>() };
  s.interactions.forEach((it) => it.responses.forEach((r) => r.requires && !r.locked && readsOf(r.requires, lockFacts)));
  s.facts.forEach((f, i) => {
    if (lockFacts.facts.has(f.id) && !f.label) warn(['facts', i], `fact "${f.id}" locks responses but has no short label: their reason will quote its whole text`);
  });

  // Every dimension must be movable by what players choose.
  const movedByResponses = new Set<string>();
  s.interactions.forEach((it) => it.responses.forEach((r) => r.effects.forEach((e) => e.type === 'score' && movedByResponses.add(e.dim))));
  for (const dim of DIMENSIONS) {
    if (!movedByResponses.has(dim)) error(['interactions'], `no response in the scenario moves "${dim}": players cannot influence it`);
  }

  // Choices that are no choice: one answer at least as good everywhere (or as bad) as all others.
  s.interactions.forEach((it, i) => {
    const vectors = it.responses.map((r) => {
      const v: Record<string, number> = {};
      for (const d of DIMENSIONS) v[d] = 0;
      for (const e of r.effects) if (e.type === 'score') v[e.dim]! += e.delta;
      return v;
    });
    const moved = DIMENSIONS.filter((d) => vectors.some((v) => v[d] !== 0));
    if (moved.length < 2) return; // one dimension at stake: a best answer is the point, not a flaw
    vectors.forEach((v, j) => {
      const others = vectors.filter((_, k) => k !== j);
      const dominant = others.every((o) => moved.every((d) => v[d]! > o[d]!));
      const dominated = others.every((o) => moved.every((d) => v[d]! < o[d]!));
      const r = it.responses[j]!;
      if (dominant) warn(['interactions', i, 'responses', j], `"${r.id}" is strictly best on every dimension at stake, so the choice teaches nothing beyond spotting it`);
      // A deliberate trap is marked "bad" by its author; an unmarked one is worth a second look.
      if (dominated && r.quality !== 'bad') warn(['interactions', i, 'responses', j], `"${r.id}" is strictly worst on every dimension at stake, so nobody would pick it on purpose`);
    });
  });

  lintRoomWork(s, reach, findings);
  findings.push(...lintVariants(s));
  return findings;
}
