import type { Panel, PanelChange } from '../protocol/serverMessages.js';

/** A panel as last sent to its audience, part by part as JSON, to tell what changed. */
export interface SentPanel {
  cards: Map<string, string>;
  order: string;
  facts: string;
  work: string;
}

/** How a panel looks once sent, to compare the next one with. */
export function sentPanelOf(panel: Panel): SentPanel {
  return {
    cards: new Map(panel.waiting.map((c) => [c.id, JSON.stringify(c)])),
    order: panel.waiting.map((c) => c.id).join(' '),
    facts: JSON.stringify(panel.facts),
    work: JSON.stringify(panel.work ?? null),
  };
}

/**
 * The parts of `panel` that differ from what was sent last (`before`), or null if nothing does:
 * the cards that are new or changed with the order of all who wait, the facts, the work. A card
 * is sent once and again only when it changes (an answer unlocked, a new expiry), not each time
 * someone else walks in. Also returns the panel as now sent.
 */
export function panelChange(before: SentPanel, panel: Panel): { change: PanelChange | null; sent: SentPanel } {
  const sent = sentPanelOf(panel);
  const change: PanelChange = { post: panel.post };
  const changed = panel.waiting.filter((c) => before.cards.get(c.id) !== sent.cards.get(c.id));
  if (changed.length > 0 || before.order !== sent.order) change.waiting = { changed, order: panel.waiting.map((c) => c.id) };
  if (before.facts !== sent.facts) change.facts = panel.facts;
  if (before.work !== sent.work && panel.work) change.work = panel.work;
  const anything = change.waiting !== undefined || change.facts !== undefined || change.work !== undefined;
  return { change: anything ? change : null, sent };
}

/** The panel a client holds after a change: what `panelChange` left out stays as it was. */
export function applyPanelChange(panel: Panel, change: PanelChange): Panel {
  let waiting = panel.waiting;
  if (change.waiting) {
    const cards = new Map(panel.waiting.map((c) => [c.id, c]));
    for (const card of change.waiting.changed) cards.set(card.id, card);
    waiting = change.waiting.order.map((id) => cards.get(id)).filter((c) => c !== undefined);
  }
  return { ...panel, waiting, ...(change.facts && { facts: change.facts }), ...(change.work && { work: change.work }) };
}
