import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Card, Panel } from '../../../shared/protocol/serverMessages.js';
import { applyPanelChange, panelChange, sentPanelOf } from '../../../shared/session/panelChange.js';
import { card } from '../../client/fixtures.js';

const panel = (waiting: Card[], facts: Panel['facts'] = []): Panel => ({ post: 'manager', room: 'lobby', waiting, facts });
const fact = { id: 'cause', text: { 'zh-CN': '原因', en: 'The cause' }, unknownTo: ['phone'] };

describe('a panel change', () => {
  it('is nothing when nothing changed', () => {
    const p = panel([card({ id: 'n1' }), card({ id: 'n2' })], [fact]);
    expect(panelChange(sentPanelOf(p), structuredClone(p)).change).toBeNull();
  });

  it('carries only the new or changed cards and the order, and leaves the facts out when they did not change', () => {
    const before = panel([card({ id: 'n1' }), card({ id: 'n2' })], [fact]);
    const after = panel([card({ id: 'n2', expiresAt: 40_000 }), card({ id: 'n3' })], [fact]);
    const { change } = panelChange(sentPanelOf(before), after);
    expect(change).toEqual({ post: 'manager', waiting: { changed: [after.waiting[0], after.waiting[1]], order: ['n2', 'n3'] } });
    expect(applyPanelChange(before, change!)).toEqual(after);
  });

  it('rebuilds the panel exactly, over any run of panels (cards coming, changing, going, reordered)', () => {
    const cardArb = fc.record({ id: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5'), mood: fc.integer({ min: 0, max: 100 }), expiresAt: fc.integer({ min: 0, max: 50_000 }) });
    const panelArb = fc.record({
      cards: fc.uniqueArray(cardArb, { selector: (c) => c.id, maxLength: 5 }),
      facts: fc.subarray([fact, { ...fact, id: 'fix', unknownTo: [] }]),
    });
    const toPanel = (p: { cards: { id: string; mood: number; expiresAt: number }[]; facts: Panel['facts'] }): Panel => panel(p.cards.map((c) => card(c)), p.facts);
    fc.assert(
      fc.property(fc.array(panelArb, { minLength: 1, maxLength: 8 }), (runs) => {
        const panels = runs.map(toPanel);
        let held = panels[0]!;
        let sent = sentPanelOf(held);
        for (const next of panels.slice(1)) {
          const { change, sent: now } = panelChange(sent, next);
          sent = now;
          if (change) held = applyPanelChange(held, change);
          expect(held.waiting).toEqual(next.waiting);
          expect(held.facts).toEqual(next.facts);
        }
      }),
    );
  });
});
