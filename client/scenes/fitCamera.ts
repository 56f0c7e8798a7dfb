import type Phaser from 'phaser';
import { RENDER_SCALE, WORLD_HEIGHT, WORLD_WIDTH } from '../game/renderScale.js';

/** Every scene lays out in the 1280×720 world; its camera zooms that onto the larger canvas. */
export function fitCamera(scene: Phaser.Scene): void {
  scene.cameras.main.setZoom(RENDER_SCALE).centerOn(WORLD_WIDTH / 2, WORLD_HEIGHT / 2);
}
