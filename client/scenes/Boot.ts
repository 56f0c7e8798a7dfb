import Phaser from 'phaser';
import { getLocale } from '../i18n/locale.js';
import { SCENES } from './sceneKeys.js';

/**
 * The first scene: settles what the page needs before anything is drawn (the document's
 * language, for screen readers and the browser's own text shaping), then hands over to the
 * Preloader. It loads nothing itself, so the loading screen appears one loader cycle sooner.
 */
export class Boot extends Phaser.Scene {
  constructor() {
    super(SCENES.Boot);
  }

  create(): void {
    performance.mark('cd:boot');
    document.documentElement.lang = getLocale();
    this.scene.start(SCENES.Preloader);
  }
}
