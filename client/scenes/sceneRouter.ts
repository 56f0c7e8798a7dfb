import type Phaser from 'phaser';
import type { DrillSource } from '../drill/DrillSource.js';
import { currentDrill, setCurrentDrill } from '../drill/session.js';
import { targetScene } from '../view/targetScene.js';
import { SCENES, type SceneKey } from './sceneKeys.js';
import { loadDrillScenes, sceneReady } from './sceneLoader.js';
import { laterArt, laterArtReady } from '../assets/artLoading.js';

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

/** Scenes started directly (Boot → Preloader → Menu) report themselves here. */
export function markShown(key: SceneKey): void {
  shown = key;
}

/** Leaves the drill (if still in one) and returns to the menu, optionally with a message. */
export function backToMenu(game: Phaser.Game, message?: string): void {
  stopFollowing?.();
  stopFollowing = null;
  setCurrentDrill(null);
  show(game, SCENES.Menu, message ? { message } : undefined);
}

/** Opens a scene from a screen outside any drill (the menu's leaderboard, the presenter window). */
export function openScene(game: Phaser.Game, key: SceneKey): void {
  show(game, key);
}

/**
 * Puts one scene on screen. A scene past the menu may still be on its way (sceneLoader.ts), or
 * the drawings it shows (assets/artLoading.ts): the current screen stays up until both arrive,
 * and a request made meanwhile wins over this one. If the code cannot be fetched, the player
 * leaves the drill (the server frees the seat, and this tab forgets it) for the menu with a
 * message saying so.
 */
function show(game: Phaser.Game, key: SceneKey, data?: object): void {
  if (!data && shown === key) return;
  shown = key;
  if (sceneReady(game, key) && (key === SCENES.Menu || laterArtReady())) return swap(game, key, data);
  Promise.all([loadDrillScenes(game), laterArt()]).then(
    () => {
      if (shown === key) swap(game, key, data);
    },
    () => {
      if (shown !== key) return;
      void currentDrill()?.leave();
      backToMenu(game, 'conn.screensFailed');
    },
  );
}

/** Scenes a swap leaves running: the overlay, and the preloader, unseen, while it loads the later drawings (it ends itself). */
const STAYS = new Set<string>([SCENES.ConnectionOverlay, SCENES.Preloader]);

/**
 * Stops what is on screen and starts the scene. A scene's own stop is queued for the next frame
 * while the manager's start runs at once (outside its update), so the scene being started is left
 * out: stopping it would undo its restart (the menu, opened again with a message, went blank).
 */
function swap(game: Phaser.Game, key: SceneKey, data?: object): void {
  const active = game.scene.getScenes(true).filter((s) => !STAYS.has(s.sys.settings.key) && s.sys.settings.key !== key);
  for (const scene of active) scene.scene.stop();
  game.scene.start(key, data);
  game.scene.bringToTop(SCENES.ConnectionOverlay);
}
