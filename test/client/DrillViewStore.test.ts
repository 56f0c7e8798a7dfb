import { describe, expect, it } from 'vitest';
import type { StateChange } from '../../shared/protocol/stateChange.js';
import { DrillViewStore, type ViewUpdate } from '../../client/view/DrillViewStore.js';
import { toViewModel } from '../../client/view/toViewModel.js';
import { scenarioInfo, stateJson } from './fixtures.js';

const me = { role: 'player' as const, post: 'manager', name: '王芳' };

/** A store fed the fixture state the way the network reports it: field by field, entry by entry. */
function fedStore(): { store: DrillViewStore; updates: ViewUpdate[] } {
  const store = new DrillViewStore(me);
  const updates: ViewUpdate[] = [];
  store.on('view', (u) => updates.push(u));
  store.setScenarios([scenarioInfo]);
  const { scores, seats, rooms, expected, unseated, panels, ...fields } = stateJson();
  const changes: StateChange[] = [
    ...Object.entries(fields).map(([field, value]) => ({ kind: 'field', field, value }) as StateChange),
    { kind: 'scores', scores },
    ...Object.entries(seats).map(([key, value]) => ({ kind: 'seat', key, value }) as const),
    ...Object.entries(rooms).map(([key, value]) => ({ kind: 'room', key, value }) as const),
    ...Object.entries(expected).map(([key, value]) => ({ kind: 'duty', key, value }) as const),
    { kind: 'unseated', names: unseated },
  ];
  changes.forEach((c) => store.apply(c));
  Object.values(panels ?? {}).forEach((p) => store.setPanel(p));
  store.flush();
  return { store, updates };
}

describe('DrillViewStore', () => {
  it('builds the same view from changes as toViewModel does from the whole state', () => {
    const { store } = fedStore();
    expect(store.view).toEqual(toViewModel(stateJson(), me, { scenario: scenarioInfo }));
  });

  it('rebuilds only what a change touched, keeping the identity of every other part', () => {
    const { store, updates } = fedStore();
    const before = store.view!;
    store.apply({ kind: 'seat', key: 'agent', value: { ...stateJson().seats.agent!, ready: true } });
    store.flush();
    const after = store.view!;
    expect(updates.at(-1)!.changed).toEqual(new Set(['seats']));
    expect(after.seats).not.toBe(before.seats);
    expect(after.seats[0]).toBe(before.seats[0]);
    for (const part of ['scores', 'rooms', 'duties', 'panel', 'me', 'unseated'] as const) expect(after[part]).toBe(before[part]);
  });

  it('keeps the duties and the facts when only the clock moved', () => {
    const { store } = fedStore();
    const before = store.view!;
    store.apply({ kind: 'field', field: 'clock', value: before.clock + 1 });
    store.flush();
    const after = store.view!;
    expect(after.clock).toBe(before.clock + 1);
    expect(after.duties).toBe(before.duties);
    expect(after.panel!.facts).toBe(before.panel!.facts);
    expect(after.panel!.npcs[0]!.responses).toBe(before.panel!.npcs[0]!.responses);
  });

  it('emits nothing before the first whole state, and nothing when nothing changed', () => {
    const store = new DrillViewStore(me);
    const seen: ViewUpdate[] = [];
    store.on('view', (u) => seen.push(u));
    store.apply({ kind: 'field', field: 'code', value: 'ABCD2345' });
    store.flush();
    expect(seen).toEqual([]);
    const { store: full, updates } = fedStore();
    full.flush();
    expect(updates).toHaveLength(1);
  });

  it("drops a player's panels of posts it no longer holds", () => {
    const { store } = fedStore();
    store.setMe({ ...me, post: 'agent' });
    store.flush();
    expect(store.view!.panels).toEqual([]);
  });
});
