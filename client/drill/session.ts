import type { DrillSource } from './DrillSource.js';

type NetModule = typeof import('./netModule.js');
let loading: Promise<NetModule> | null = null;

/**
 * The network code (colyseus.js and the zod schemas) is a separate chunk, loaded while the menu
 * is on screen, so the first frame needs only Phaser and the game code.
 */
export function loadNet(): Promise<NetModule> {
  loading ??= import('./netModule.js');
  loading.catch(() => (loading = null));
  return loading;
}

let current: DrillSource | null = null;
const listeners = new Set<(source: DrillSource | null) => void>();

/** The drill this page is in, if any. */
export function currentDrill(): DrillSource | null {
  return current;
}

export function setCurrentDrill(source: DrillSource | null): void {
  current = source;
  for (const listener of listeners) listener(source);
}

export function onDrillChange(listener: (source: DrillSource | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
