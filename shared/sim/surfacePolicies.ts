import type { Locale, Text } from '../i18n/text.js';
import { nextRandom } from '../engine/rng.js';

/** An answer as a player sees it: its words and whether it can be chosen now. Nothing else. */
export interface SurfaceOption {
  id: string;
  text: Text;
  available: boolean;
}

/**
 * A way of choosing that reads only the surface of the options, in the order shown: their
 * position, their words, whether they are locked. The gameability check plays these against the
 * bots that know the procedure; a scenario any of them can win does not test judgement.
 */
export interface SurfacePolicy {
  id: string;
  /**
   * The chosen option's id among the available ones; undefined to answer nothing. Without it the
   * player chooses by the procedure, as its skill does (an expert who never shares, say).
   */
  choose?(options: readonly SurfaceOption[], rng: { rng: number }): string | undefined;
  /** Whether it passes facts on to other rooms (like a competent bot) or never does. */
  shares: boolean;
}

const length = (o: SurfaceOption, locale: Locale) => [...o.text[locale]].length;

/** Digits, clock times and enumerations: what reads as "concrete". */
export function concreteness(o: SurfaceOption, locale: Locale): number {
  const s = o.text[locale];
  const digits = (s.match(/\d/g) ?? []).length;
  const times = (s.match(/\d{1,2}[:：]\d{2}/g) ?? []).length;
  const lists = (s.match(/[、；;,，]/g) ?? []).length;
  return digits + 3 * times + lists;
}

/** Words that sound like good practice whatever follows them. */
export const KEYWORDS: Record<Locale, RegExp> = {
  'zh-CN': /抱歉|道歉|对不起|歉意|核实|核对|确认|理解|上报|报告|排查|查一下|马上|立即/g,
  en: /\b(apolog\w*|sorry|verif\w*|check(s|ed|ing)?|confirm\w*|understand\w*|escalat\w*|report(s|ed|ing)?|right away|immediately)\b/gi,
};
const keywordCount = (o: SurfaceOption, locale: Locale) => (o.text[locale].match(KEYWORDS[locale]) ?? []).length;

/** The available option that scores highest (ties: the one shown first). */
function best(options: readonly SurfaceOption[], score: (o: SurfaceOption) => number): string | undefined {
  let chosen: SurfaceOption | undefined;
  for (const o of options) if (o.available && (!chosen || score(o) > score(chosen))) chosen = o;
  return chosen?.id;
}

const open = (options: readonly SurfaceOption[]) => options.filter((o) => o.available);

const CHOOSERS: Record<string, NonNullable<SurfacePolicy['choose']>> = {
  first: (options) => open(options)[0]?.id,
  last: (options) => open(options).at(-1)?.id,
  random: (options, rng) => {
    const list = open(options);
    return list.length ? list[Math.floor(nextRandom(rng) * list.length)]!.id : undefined;
  },
  'longest-zh': (options) => best(options, (o) => length(o, 'zh-CN')),
  'longest-en': (options) => best(options, (o) => length(o, 'en')),
  'shortest-zh': (options) => best(options, (o) => -length(o, 'zh-CN')),
  'shortest-en': (options) => best(options, (o) => -length(o, 'en')),
  'keywords-zh': (options) => best(options, (o) => keywordCount(o, 'zh-CN')),
  'keywords-en': (options) => best(options, (o) => keywordCount(o, 'en')),
  'concrete-zh': (options) => best(options, (o) => concreteness(o, 'zh-CN')),
  'concrete-en': (options) => best(options, (o) => concreteness(o, 'en')),
  // The reverse readers: content written against the tells above must not grow the opposite ones.
  'second-longest-zh': (options) => nthLongest(options, 'zh-CN', 1),
  'second-longest-en': (options) => nthLongest(options, 'en', 1),
  'least-concrete-zh': (options) => best(options, (o) => -concreteness(o, 'zh-CN')),
  'least-concrete-en': (options) => best(options, (o) => -concreteness(o, 'en')),
  'fewest-keywords-zh': (options) => best(options, (o) => -keywordCount(o, 'zh-CN')),
  'fewest-keywords-en': (options) => best(options, (o) => -keywordCount(o, 'en')),
};

/** The available option of the n-th length (0: the longest); the last one if there are fewer. */
function nthLongest(options: readonly SurfaceOption[], locale: Locale, n: number): string | undefined {
  const list = open(options).sort((a, b) => length(b, locale) - length(a, locale));
  return list[Math.min(n, list.length - 1)]?.id;
}

/** Every surface policy the check plays: each chooser sharing facts and never sharing, and doing nothing at all. */
export const SURFACE_POLICIES: readonly SurfacePolicy[] = [
  ...Object.entries(CHOOSERS).flatMap(([id, choose]) => [
    { id, choose, shares: true },
    { id: `${id}, never sharing`, choose, shares: false },
  ]),
  { id: 'doing nothing', choose: () => undefined, shares: false },
];
