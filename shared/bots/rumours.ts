import type { ScenarioIndex } from '../engine/scenarioIndex.js';
import type { WorkView } from '../engine/work/workView.js';
import type { Skill } from './skill.js';

const cache = new WeakMap<ScenarioIndex, ReadonlySet<string>>();

/** The claims the feed's posts carry: the rumours the newsroom is there to answer, not to repeat. */
export function rumourClaims(index: ScenarioIndex): ReadonlySet<string> {
  let rumours = cache.get(index);
  if (!rumours) cache.set(index, (rumours = new Set([...index.feedItems.values()].flatMap((item) => (item.claim === undefined ? [] : [item.claim])))));
  return rumours;
}

/**
 * The claims a bot may state without waiting for one to be confirmed. A novice takes any claim on
 * the desk; a competent or expert player's slip is not checking, not absurdity: they do not
 * repeat a rumour in the bank's name or state what the desk shows as disproved.
 */
export function unverifiedPicks<C extends WorkView['claims'][number]>(index: ScenarioIndex, claims: readonly C[], skill: Skill): C[] {
  if (skill === 'novice') return [...claims];
  const rumours = rumourClaims(index);
  return claims.filter((c) => c.status !== 'disproved' && !rumours.has(c.id));
}
