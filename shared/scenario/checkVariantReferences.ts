import type { Scenario } from './schema.js';
import { PLACEHOLDER } from './variants.js';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/**
 * What the variants' schema cannot check alone: every inject a slot, a complication or a timing
 * names exists; an inject belongs to at most one slot alternative or complication, and never to
 * an arrival stream (which draws its own); a moved inject has a written time that stays inside
 * the clock whatever is drawn; and every `{{placeholder}}` in the scenario is filled by exactly
 * one value, in both languages of its line, and every value is used.
 */
export function checkVariantReferences(s: Scenario, report: Report): void {
  const v = s.variants;
  const injects = new Map(s.injects.map((i) => [i.id, i]));
  const pooled = new Set(s.arrivals.flatMap((a) => a.pool));
  const drawnBy = new Map<string, string>();
  const seen = new Set<string>();
  const claim = (id: string, owner: string, path: Path) => {
    if (!injects.has(id)) return report(path, `unknown inject "${id}"`);
    if (pooled.has(id)) return report(path, `inject "${id}" arrives through an arrival stream: it cannot also be drawn by ${owner}`);
    const before = drawnBy.get(id);
    if (before) return report(path, `inject "${id}" is drawn by ${before} already`);
    drawnBy.set(id, owner);
  };
  const unique = (id: string, path: Path, what: string) => {
    if (seen.has(`${what}:${id}`)) report(path, `duplicate ${what} id "${id}"`);
    seen.add(`${what}:${id}`);
  };
  v?.slots.forEach((slot, i) => {
    unique(slot.id, ['variants', 'slots', i, 'id'], 'slot');
    slot.choices.forEach((choice, j) => {
      unique(`${slot.id}/${choice.id}`, ['variants', 'slots', i, 'choices', j, 'id'], 'slot alternative');
      choice.injects.forEach((id, k) => claim(id, `slot "${slot.id}"`, ['variants', 'slots', i, 'choices', j, 'injects', k]));
    });
  });
  if (v?.complications) {
    const c = v.complications;
    if (c.count > c.pool.length) report(['variants', 'complications', 'count'], `count ${c.count} is more than the pool's ${c.pool.length}`);
    c.pool.forEach((item, i) => {
      unique(item.id, ['variants', 'complications', 'pool', i, 'id'], 'complication');
      item.injects.forEach((id, k) => claim(id, `complication "${item.id}"`, ['variants', 'complications', 'pool', i, 'injects', k]));
    });
  }
  v?.timing.forEach((t, i) => {
    const path: Path = ['variants', 'timing', i];
    unique(t.inject, [...path, 'inject'], 'timing of inject');
    const inject = injects.get(t.inject);
    if (!inject) return report([...path, 'inject'], `unknown inject "${t.inject}"`);
    if (inject.at === undefined) return report([...path, 'inject'], `inject "${t.inject}" has no "at" to move`);
    if (inject.at + t.earliest * 60 < s.clock.start || inject.at + t.latest * 60 >= s.clock.end) {
      report(path, `inject "${t.inject}" could be moved outside the drill clock`);
    }
  });

  const filledBy = new Map<string, string>();
  v?.values.forEach((value, i) => {
    unique(value.id, ['variants', 'values', i, 'id'], 'value');
    for (const name of Object.keys(value.choices[0] ?? {})) {
      const before = filledBy.get(name);
      if (before) report(['variants', 'values', i, 'choices'], `placeholder "${name}" is filled by value "${before}" already`);
      else filledBy.set(name, value.id);
    }
  });
  const used = new Set<string>();
  const { variants: _, ...rest } = s;
  walkTexts(rest, [], (text, path) => {
    const zh = placeholdersIn(text['zh-CN']);
    const en = placeholdersIn(text.en);
    for (const name of new Set([...zh, ...en])) {
      used.add(name);
      if (!filledBy.has(name)) report(path, `placeholder "{{${name}}}" is not filled by any value in variants.values`);
      else if (!zh.includes(name) || !en.includes(name)) report(path, `placeholder "{{${name}}}" must appear in both languages of the line`);
    }
  });
  for (const [name, value] of filledBy) {
    if (!used.has(name)) report(['variants', 'values'], `placeholder "{{${name}}}" of value "${value}" is not used in any line`);
  }
}

function placeholdersIn(line: string): string[] {
  return [...line.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

type Bilingual = { 'zh-CN': string; en: string };
function isText(x: unknown): x is Bilingual {
  return typeof x === 'object' && x !== null && typeof (x as Bilingual)['zh-CN'] === 'string' && typeof (x as Bilingual).en === 'string';
}

/** Calls `visit` with every bilingual line in the data, and where it is. */
export function walkTexts(data: unknown, path: Path, visit: (text: Bilingual, path: Path) => void): void {
  if (isText(data)) return visit(data, path);
  if (Array.isArray(data)) data.forEach((x, i) => walkTexts(x, [...path, i], visit));
  else if (typeof data === 'object' && data !== null) for (const [k, x] of Object.entries(data)) walkTexts(x, [...path, k], visit);
}
