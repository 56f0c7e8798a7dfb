import Phaser from 'phaser';
import { gameConfig } from './game/gameConfig.js';
import { installTestHooks } from './game/testHooks.js';

// cd:* performance marks (here, Boot and Preloader) let tools/benchClient.ts break the start-up time down.
performance.mark('cd:main');
const game = new Phaser.Game(gameConfig('game'));
installTestHooks(game);
