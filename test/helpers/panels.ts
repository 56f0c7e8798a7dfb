import type { Room } from 'colyseus.js';
import type { Panel, PanelChange } from '../../shared/protocol/serverMessages.js';
import { applyPanelChange } from '../../shared/session/panelChange.js';

const watched = new WeakMap<Room, Map<string, Panel>>();

/**
 * The private panels a test's connection has received (`panel` messages, with the `panelChange`
 * messages applied), by post, newest of each. Like the client, it drops the panels of a post given up (after `seated` or `freed`).
 * Call it right after joining so that no panel is missed; later calls return the same map.
 */
export function panelsOf(room: Room): Map<string, Panel> {
  let panels = watched.get(room);
  if (panels) return panels;
  const map = new Map<string, Panel>();
  room.onMessage('panel', (p: Panel) => map.set(p.post, p));
  // As the client does: a change applies to the panel held.
  room.onMessage('panelChange', (c: PanelChange) => {
    const held = map.get(c.post);
    if (held) map.set(c.post, applyPanelChange(held, c));
  });
  room.onMessage('seated', (s: { post: string | null }) => {
    for (const post of [...map.keys()]) if (post !== s.post) map.delete(post);
  });
  room.onMessage('freed', (f: { post: string }) => map.delete(f.post));
  watched.set(room, (panels = map));
  return panels;
}

/** Has each connection answer the first waiting NPC in its own panel with its first open answer, every `everyMs`, until the returned stop is called. */
export function answerWhatWaits(rooms: Room[], everyMs = 50): () => void {
  for (const room of rooms) panelsOf(room);
  const timer = setInterval(() => {
    for (const room of rooms) {
      const npc = panelsOf(room).values().next().value?.waiting.at(0);
      const option = npc?.responses.find((r) => r.available);
      if (npc && option) room.send('intent', { intent: { type: 'respond', npc: npc.id, response: option.id } });
    }
  }, everyMs);
  return () => clearInterval(timer);
}
