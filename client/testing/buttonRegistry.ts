import type { Clickable } from '../game/testHooks.js';

// Every clickable widget of the test build registers here (through client/game/testHooks.ts), so
// the test surface can list them with their places on the page. Nothing here clicks anything.

const registered = new Set<Clickable>();

export function registerClickable(item: Clickable): () => void {
  registered.add(item);
  return () => registered.delete(item);
}

export function clickables(): Clickable[] {
  return [...registered];
}
