import type Phaser from 'phaser';
import type { SceneKey } from './sceneKeys.js';

let loading: Promise<void> | null = null;

/** Whether a scene's code is in the game yet (the menu's scenes always are). */
export function sceneReady(game: Phaser.Game, key: SceneKey): boolean {
  return game.scene.getScene(key) !== null;
}

/**
 * Fetches the scenes past the menu (client/scenes/drillScenes.ts) once and adds them to the game,
 * stopped. Concurrent callers share one fetch; a failed fetch (the network dropped) is forgotten,
 * so the next call tries again.
 */
export function loadDrillScenes(game: Phaser.Game): Promise<void> {
  loading ??= import('./drillScenes.js').then(
    ({ DRILL_SCENES }) => {
      for (const [key, scene] of Object.entries(DRILL_SCENES)) if (!sceneReady(game, key as SceneKey)) game.scene.add(key, scene!, false);
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
