import Phaser from 'phaser';
import { Boot } from '../scenes/Boot.js';
import { ConnectionOverlay } from '../scenes/ConnectionOverlay.js';
import { Menu } from '../scenes/Menu.js';
import { Preloader } from '../scenes/Preloader.js';
import { pickRenderer } from './pickRenderer.js';
import { RENDER_SCALE, WORLD_HEIGHT, WORLD_WIDTH } from './renderScale.js';

/** The one game configuration. */
export function gameConfig(parent: string): Phaser.Types.Core.GameConfig {
  return {
    type: pickRenderer(),
    parent,
    width: WORLD_WIDTH * RENDER_SCALE,
    height: WORLD_HEIGHT * RENDER_SCALE,
    backgroundColor: '#0f1a2e',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    dom: { createContainer: true },
    render: { antialias: true },
    disableContextMenu: true,
    // The menu's scenes only: the rest come with the drill's first screen (scenes/sceneLoader.ts).
    scene: [Boot, Preloader, Menu, ConnectionOverlay],
  };
}
