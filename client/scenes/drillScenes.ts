import type Phaser from 'phaser';
import { Debrief } from './Debrief.js';
import { Leaderboard } from './Leaderboard.js';
import { Lobby } from './Lobby.js';
import { Presenter } from './Presenter.js';
import { Replay } from './Replay.js';
import { Results } from './Results.js';
import { TrainerConsole } from './TrainerConsole.js';
import { BranchLobby } from './rooms/BranchLobby.js';
import { Newsroom } from './rooms/Newsroom.js';
import { OpsRoom } from './rooms/OpsRoom.js';
import { PhoneQueue } from './rooms/PhoneQueue.js';
import type { SceneKey } from './sceneKeys.js';

/**
 * Every scene past the menu, by key. This module is a chunk of its own (see sceneLoader.ts): the
 * first page load carries only Boot, Preloader, Menu and the connection overlay.
 */
export const DRILL_SCENES: Partial<Record<SceneKey, typeof Phaser.Scene>> = {
  Lobby,
  BranchLobby,
  PhoneQueue,
  Newsroom,
  OpsRoom,
  TrainerConsole,
  Results,
  Debrief,
  Replay,
  Presenter,
  Leaderboard,
};
