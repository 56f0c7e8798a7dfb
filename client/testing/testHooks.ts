import type Phaser from 'phaser';
import type * as ProductionHooks from '../game/testHooks.js';
import { registerClickable } from './buttonRegistry.js';
import { testLog } from './testLog.js';
import { installTestSurface } from './testSurface.js';
import { laterArt } from '../assets/artLoading.js';

// What client/game/testHooks.ts becomes in the test build (`vite build --mode test`, see
// vite.config.ts): the same exports, wired to the test surface.

export { registerClickable, testLog };

export function installTestHooks(game: Phaser.Game): void {
  installTestSurface(game);
}

export function startBenchInstead(game: Phaser.Game): boolean {
  if (new URLSearchParams(location.search).get('bench') !== 'crowd') return false;
  // The client benchmark's busy room (see crowdBench.ts), as its own chunk, once the rooms' drawings are in.
  void Promise.all([import('./crowdBench.js'), laterArt()]).then(([m]) => m.startCrowd(game));
  return true;
}

// Both files must offer the same hooks, or the test build would differ from production in shape.
({ registerClickable, testLog, installTestHooks, startBenchInstead }) satisfies typeof ProductionHooks;
