import Phaser from 'phaser';
import { currentDrill } from '../drill/session.js';
import type { DrillSource } from '../drill/DrillSource.js';
import type { DrillView } from '../view/viewModel.js';
import { fitCamera } from './fitCamera.js';
import { backToMenu } from './sceneRouter.js';

/**
 * What every scene of a drill starts with: the camera fitted, the page's drill (or back to the
 * menu when there is none), and listeners that end with the scene, so that a scene restarted for
 * the next phase never hears the last one's events.
 */
export abstract class DrillScene extends Phaser.Scene {
  protected drill!: DrillSource;

  /**
   * Takes the page's drill for this scene. Returns its view, or null after sending the page back
   * to the menu: without a drill, or (unless `viewOptional`) before its first state.
   */
  protected openDrill(viewOptional = false): DrillView | null {
    fitCamera(this);
    const drill = currentDrill();
    if (!drill || (!drill.view && !viewOptional)) {
      backToMenu(this.game);
      return null;
    }
    this.drill = drill;
    return drill.view;
  }

  /** Keeps these subscriptions for as long as the scene runs: each is undone when it shuts down. */
  protected whileRunning(...offs: (() => void)[]): void {
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => offs.forEach((off) => off()));
  }
}
