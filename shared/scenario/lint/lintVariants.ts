import { drawMorning, type ForcedPicks } from '../drawMorning.js';
import type { Scenario } from '../schema.js';
import type { Finding } from './finding.js';
import { reachability } from './reachability.js';

/**
 * Every alternative of a variant must leave the drill whole. For each alternative in turn (the
 * k-th of every slot and value, with all complications and with none), the morning it draws is
 * checked against the scenario as written, both without the trainer firing anything: a duty or
 * an ending that play alone can reach in the scenario but not on that morning depends on an
 * alternative the seed may not draw.
 */
export function lintVariants(s: Scenario): Finding[] {
  const v = s.variants;
  if (!v || (!v.slots.length && !v.complications && !v.values.length)) return [];
  const base = reachability(s, { withoutTrainer: true });
  const widest = Math.max(1, ...v.slots.map((x) => x.choices.length), ...v.values.map((x) => x.choices.length));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < widest; k++) {
    for (const complications of ['all', 'none'] as const) {
      const forced: ForcedPicks = { slot: (n) => Math.min(k, n - 1), value: (n) => Math.min(k, n - 1), complications };
      const { scenario: morning, draw } = drawMorning(s, 0, 'standard', forced);
      const reach = reachability(morning, { withoutTrainer: true });
      const which = [...Object.entries(draw.slots).map(([slot, choice]) => `slot "${slot}" is "${choice}"`), complications === 'all' ? 'every complication is drawn' : 'no complication is drawn'].join(', ');
      const report = (path: Finding['path'], what: string) => {
        if (seen.has(what)) return;
        seen.add(what);
        findings.push({ severity: 'error', path, message: `${what} when ${which}: it must not depend on one alternative` });
      };
      s.expected.forEach((x, i) => base.possible(x.done) && !reach.possible(x.done) && report(['expected', i, 'done'], `no play can fulfil expected action "${x.id}"`));
      s.endings.forEach((e, i) => e.when && e.outcome !== 'failed' && base.possible(e.when) && !reach.possible(e.when) && report(['endings', i, 'when'], `no play can reach ending "${e.id}"`));
    }
  }
  return findings;
}
