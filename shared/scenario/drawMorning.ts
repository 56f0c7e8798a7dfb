import type { Archetype, Inject, Interaction, Scenario } from './schema.js';
import type { Text } from '../i18n/text.js';
import { derivedGenerator, randomInt } from '../engine/rng.js';
import { DEFAULT_LEVEL, type Level } from './levels.js';
import { PLACEHOLDER } from './variants.js';
import { walkTexts } from './checkVariantReferences.js';
import { MINUTE } from './clockTime.js';

/** How a level changes a drill, against the scenario as written (which is the standard level). */
export interface LevelTuning {
  /** Multiplies every NPC's patience and every written timeout. */
  patience: number;
  /** Multiplies every NPC's temper (mood lost per ten minutes of waiting). */
  temper: number;
  /** Added to every NPC's mood on arrival. */
  mood: number;
  /** Multiplies how many of each arrival stream's pool come. */
  density: number;
  /** Added to the scenario's number of complications. */
  complications: number;
  /** Multiplies the default speed (scenario seconds per real second). */
  speed: number;
  /** Multiplies every score a mistake costs (negative score effects): what a slip costs a beginner is less. */
  penalty: number;
}

export const LEVEL_TUNING: Record<Level, LevelTuning> = {
  introductory: { patience: 1.5, temper: 0.5, mood: 10, density: 0.7, complications: -1, speed: 0.8, penalty: 0.4 },
  standard: { patience: 1, temper: 1, mood: 0, density: 1, complications: 0, speed: 1, penalty: 1 },
  advanced: { patience: 0.7, temper: 1.5, mood: -10, density: 1.25, complications: 1, speed: 1.2, penalty: 1.6 },
};

/** What the seed drew for one morning, for the trainer's console and the debrief. */
export interface MorningDraw {
  level: Level;
  /** Slot id → the alternative drawn. */
  slots: Record<string, string>;
  /** The complications drawn, in the pool's order. */
  complications: string[];
  /** Inject id → minutes it was moved by. */
  moved: Record<string, number>;
  /** Value id → the index of the choice drawn. */
  values: Record<string, number>;
}

/** For the checker only: draws set by hand instead of by the seed, to look at every alternative. */
export interface ForcedPicks {
  /** The alternative of each slot, given how many it has. */
  slot?: (choices: number) => number;
  complications?: 'all' | 'none';
  value?: (choices: number) => number;
}

export interface Morning {
  scenario: Scenario;
  draw: MorningDraw;
}

/**
 * The scenario as one drill plays it: the seed's draw of every variant, at the chosen level.
 * Pure: the same scenario, seed and level give the same morning, so every team of a competition
 * (one seed) meets the same draw and a replay meets it again. Each kind of variant draws from its
 * own generator, derived from the seed and the variant's id, so adding a variant leaves every
 * other draw of the scenario as it was. The result shares every part it does not change with the
 * scenario as written.
 */
export function drawMorning(scenario: Scenario, seed: number, level: Level = DEFAULT_LEVEL, forced: ForcedPicks = {}): Morning {
  const tuning = LEVEL_TUNING[level];
  const v = scenario.variants;
  const draw: MorningDraw = { level, slots: {}, complications: [], moved: {}, values: {} };
  /** Injects of alternatives and complications not drawn: they fire only if the trainer fires them. */
  const idle = new Set<string>();

  for (const slot of v?.slots ?? []) {
    const k = forced.slot?.(slot.choices.length) ?? randomInt(derivedGenerator(seed, `variants:slot:${slot.id}`), slot.choices.length);
    draw.slots[slot.id] = slot.choices[k]!.id;
    slot.choices.forEach((c, j) => j !== k && c.injects.forEach((id) => idle.add(id)));
  }
  if (v?.complications) {
    const { pool, count } = v.complications;
    const n = forced.complications === 'all' ? pool.length : forced.complications === 'none' ? 0 : Math.max(0, Math.min(pool.length, count + tuning.complications));
    const rng = derivedGenerator(seed, 'variants:complications');
    const order = pool.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = randomInt(rng, i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const chosen = new Set(order.slice(0, n));
    pool.forEach((c, i) => (chosen.has(i) ? draw.complications.push(c.id) : c.injects.forEach((id) => idle.add(id))));
  }
  for (const t of v?.timing ?? []) {
    draw.moved[t.inject] = t.earliest + randomInt(derivedGenerator(seed, `variants:timing:${t.inject}`), t.latest - t.earliest + 1);
  }
  const fills = new Map<string, Text>();
  for (const value of v?.values ?? []) {
    const k = forced.value?.(value.choices.length) ?? randomInt(derivedGenerator(seed, `variants:value:${value.id}`), value.choices.length);
    draw.values[value.id] = k;
    for (const [name, text] of Object.entries(value.choices[k]!)) fills.set(name, text);
  }

  // The morning has nothing left to draw: drawing it again changes nothing.
  let out: Scenario = v ? { ...scenario, variants: undefined } : scenario;
  if (idle.size || Object.keys(draw.moved).length) {
    // The alternatives not drawn go last, so that the trainer's console lists the scenario's own optional injects first.
    const injects = out.injects.map((i) => moveOrIdle(i, idle, draw.moved));
    out = { ...out, injects: [...injects.filter((i) => !idle.has(i.id)), ...injects.filter((i) => idle.has(i.id))] };
  }
  if (level !== 'standard') out = tuned(out, tuning);
  if (fills.size) out = filled(out, fills);
  return { scenario: out, draw };
}

function moveOrIdle(inject: Inject, idle: Set<string>, moved: Record<string, number>): Inject {
  if (idle.has(inject.id)) {
    const { at: _at, when: _when, ...rest } = inject;
    return { ...rest, optional: true };
  }
  const by = moved[inject.id];
  return by && inject.at !== undefined ? { ...inject, at: inject.at + by * MINUTE } : inject;
}

function tuned(s: Scenario, t: LevelTuning): Scenario {
  const minutes = (seconds: number, factor: number) => Math.max(MINUTE, Math.round((seconds * factor) / MINUTE) * MINUTE);
  const cast = s.cast.map(
    (a): Archetype => ({
      ...a,
      traits: {
        ...a.traits,
        patience: minutes(a.traits.patience, t.patience),
        temper: Math.min(50, Math.round(a.traits.temper * t.temper)),
        mood: Math.max(0, Math.min(100, a.traits.mood + t.mood)),
      },
    }),
  );
  const interactions = s.interactions.map((i): Interaction =>
    i.timeout.after === undefined ? i : { ...i, timeout: { ...i.timeout, after: minutes(i.timeout.after, t.patience) } },
  );
  const arrivals = s.arrivals.map((a) => {
    const count = Math.max(1, Math.min(a.pool.length, Math.round((a.count ?? a.pool.length) * t.density)));
    return { ...a, count };
  });
  const tunedScenario = { ...s, cast, interactions, arrivals, clock: { ...s.clock, compression: Math.round(s.clock.compression * t.speed) } };
  return t.penalty === 1 ? tunedScenario : scalePenalties(tunedScenario, t.penalty);
}

/**
 * Every negative score effect, wherever it is written (a response, a timeout, an inject, a missed
 * duty, a piece of room work), multiplied by `factor`; a mistake still costs at least a point.
 * Shares every part that holds none.
 */
function scalePenalties<T>(data: T, factor: number): T {
  if (Array.isArray(data)) {
    let changed = false;
    const out = data.map((x) => {
      const y = scalePenalties(x, factor);
      if (y !== x) changed = true;
      return y;
    });
    return (changed ? out : data) as T;
  }
  if (data === null || typeof data !== 'object') return data;
  const record = data as Record<string, unknown>;
  if (record.type === 'score' && typeof record.delta === 'number' && record.delta < 0) {
    return { ...record, delta: Math.min(-1, Math.round(record.delta * factor)) } as T;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(record)) {
    const scaled = scalePenalties(value, factor);
    if (scaled !== value) (copy ??= { ...record })[key] = scaled;
  }
  return (copy ?? data) as T;
}

/** Where the placeholders are, found once per scenario as written. */
const placeholderPaths = new WeakMap<Scenario, (string | number)[][]>();

function filled(s: Scenario, fills: Map<string, Text>): Scenario {
  let paths = placeholderPaths.get(s);
  if (!paths) {
    const found: (string | number)[][] = [];
    const { variants: _, ...rest } = s;
    walkTexts(rest, [], (text, path) => {
      if (text['zh-CN'].includes('{{') || text.en.includes('{{')) found.push(path);
    });
    placeholderPaths.set(s, (paths = found));
  }
  let out = s;
  for (const path of paths) out = replaceAt(out, path, 0, (text: Text) => ({
    'zh-CN': text['zh-CN'].replace(PLACEHOLDER, (_, name: string) => fills.get(name)?.['zh-CN'] ?? `{{${name}}}`),
    en: text.en.replace(PLACEHOLDER, (_, name: string) => fills.get(name)?.en ?? `{{${name}}}`),
  }));
  return out;
}

/** A copy of `data` with the value at `path` replaced, sharing everything off the path; copies a node only once per call chain. */
function replaceAt<T>(data: T, path: (string | number)[], depth: number, f: (text: Text) => Text): T {
  if (depth === path.length) return f(data as Text) as T;
  const key = path[depth]!;
  const inner = (data as Record<string | number, unknown>)[key];
  const next = replaceAt(inner, path, depth + 1, f);
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[key as number] = next;
    return copy as T;
  }
  return { ...(data as object), [key]: next } as T;
}
