import type Phaser from 'phaser';
import type { DrillSource } from '../drill/DrillSource.js';
import { setCurrentDrill } from '../drill/session.js';
import { targetScene } from '../view/targetScene.js';
import { SCENES, type SceneKey } from './sceneKeys.js';

let stopFollowing: (() => void) | null = null;
/** The scene last asked for: scene starts are queued, so the active list lags behind for a frame. */
let shown: SceneKey | null = null;

/**
 * Makes a drill the page's drill and keeps the right scene on screen as it moves on (lobby, the
 * room, results). Scenes never decide where to go next themselves; they render.
 */
export function followDrill(game: Phaser.Game, drill: DrillSource): void {
  stopFollowing?.();
  setCurrentDrill(drill);
  const route = () => show(game, targetScene(drill.view, drill.ended !== null));
  const offs = [drill.on('view', route), drill.on('ended', route)];
  stopFollowing = () => offs.forEach((off) => off());
  route();
}

/** Leaves the drill (if still in one) and returns to the menu, optionally with a message. */
/** Scenes started directly (Boot → Preloader → Menu) report themselves here. */
export function markShown(key: SceneKey): void {
  shown = key;
}

export function backToMenu(game: Phaser.Game, message?: string): void {
  stopFollowing?.();
  stopFollowing = null;
  setCurrentDrill(null);
  show(game, SCENES.Menu, message ? { message } : undefined);
}

function show(game: Phaser.Game, key: SceneKey, data?: object): void {
  if (!data && shown === key) return;
  shown = key;
  const active = game.scene.getScenes(true).filter((s) => s.sys.settings.key !== SCENES.ConnectionOverlay);
  for (const scene of active) scene.scene.stop();
  game.scene.start(key, data);
  game.scene.bringToTop(SCENES.ConnectionOverlay);
}
