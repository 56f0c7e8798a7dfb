import Phaser from 'phaser';
import { Boot } from '../scenes/Boot.js';
import { ConnectionOverlay } from '../scenes/ConnectionOverlay.js';
import { Debrief } from '../scenes/Debrief.js';
import { Leaderboard } from '../scenes/Leaderboard.js';
import { Lobby } from '../scenes/Lobby.js';
import { Menu } from '../scenes/Menu.js';
import { Preloader } from '../scenes/Preloader.js';
import { Presenter } from '../scenes/Presenter.js';
import { TrainerConsole } from '../scenes/TrainerConsole.js';
import { Results } from '../scenes/Results.js';
import { Replay } from '../scenes/Replay.js';
import { BranchLobby } from '../scenes/rooms/BranchLobby.js';
import { Newsroom } from '../scenes/rooms/Newsroom.js';
import { OpsRoom } from '../scenes/rooms/OpsRoom.js';
import { PhoneQueue } from '../scenes/rooms/PhoneQueue.js';
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
    scene: [Boot, Preloader, Menu, Lobby, BranchLobby, PhoneQueue, Newsroom, OpsRoom, TrainerConsole, Results, Debrief, Replay, Presenter, Leaderboard, ConnectionOverlay],
  };
}
