import type { Text } from '../i18n/text.js';
import type { DrillState } from './drillState.js';
import type { ScenarioIndex } from './scenarioIndex.js';

export interface RoomFact {
  readonly id: string;
  readonly text: Text;
  readonly unknownTo: readonly string[];
}

/**
 * Each room's list of known facts, kept per drill state and built again only after a room has
 * learned a fact. Bots look at their room a few hundred times per drill and facts change a
 * dozen times, so building the list each time was a tenth of a simulated drill. A copy of a
 * state starts with no lists and builds its own.
 */
interface FactLists {
  /** Goes up each time any room learns a fact. */
  version: number;
  byRoom: Map<string, { version: number; facts: readonly RoomFact[] }>;
}

const listsByDrill = new WeakMap<DrillState, FactLists>();

/** The engine calls this whenever a room learns a fact, so that lists built before are not reused. */
export function factsChanged(state: DrillState): void {
  const lists = listsByDrill.get(state);
  if (lists) lists.version++;
}

/** The facts a room knows, in the scenario's order, with the rooms that do not know them yet. Do not change. */
export function roomFacts(index: ScenarioIndex, state: DrillState, room: string): readonly RoomFact[] {
  let lists = listsByDrill.get(state);
  if (!lists) listsByDrill.set(state, (lists = { version: 0, byRoom: new Map() }));
  const cached = lists.byRoom.get(room);
  if (cached?.version === lists.version) return cached.facts;
  const facts: RoomFact[] = [];
  for (const f of index.scenario.facts) {
    const knownBy = state.facts[f.id];
    if (knownBy?.includes(room)) facts.push({ id: f.id, text: f.text, unknownTo: index.roomIds.filter((r) => !knownBy.includes(r)) });
  }
  lists.byRoom.set(room, { version: lists.version, facts });
  return facts;
}
