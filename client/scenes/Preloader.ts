import Phaser from 'phaser';
import { LATER_ASSETS, MENU_ASSETS, tex, type AssetEntry } from '../assets/manifest.js';
import { markLaterArtLoaded } from '../assets/artLoading.js';
import { RENDER_SCALE, WORLD_HEIGHT, WORLD_WIDTH } from '../game/renderScale.js';
import { t } from '../i18n/t.js';
import { startBenchInstead, testLog } from '../game/testHooks.js';
import { addArt } from '../widgets/art.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { removeSplashAfterNextFrame } from '../game/splash.js';
import { fitCamera } from './fitCamera.js';
import { SCENES } from './sceneKeys.js';
import { openScene } from './sceneRouter.js';

const BAR_WIDTH = 560;
const BAR_HEIGHT = 22;

/**
 * Loads the menu's drawings behind a progress bar that counts them as they are ready, shows the
 * menu, and goes on loading the other screens' drawings unseen behind it (assets/artLoading.ts).
 */
export class Preloader extends Phaser.Scene {
  /** Set once the menu's drawings are in and the menu is up. */
  private menuShown = false;

  constructor() {
    super(SCENES.Preloader);
  }

  init(): void {
    fitCamera(this);
    const cx = WORLD_WIDTH / 2;
    const cy = WORLD_HEIGHT / 2;
    addText(this, cx, cy - 30, `${t('app.title', {}, 'zh-CN')} · ${t('app.title', {}, 'en')}`, { size: 30, bold: true, color: CSS.paper }).setOrigin(0.5);
    this.add.rectangle(cx, cy + 40, BAR_WIDTH + 8, BAR_HEIGHT + 8, COLORS.ink2).setRounded(14);
    const bar = this.add.rectangle(cx - BAR_WIDTH / 2, cy + 40, BAR_WIDTH, BAR_HEIGHT, COLORS.gold).setOrigin(0, 0.5).setRounded(10);
    bar.scaleX = 0.01;
    const label = addText(this, cx, cy + 80, t('boot.loading'), { size: 18, color: CSS.muted }).setOrigin(0.5);
    const total = MENU_ASSETS.length;
    let done = 0;
    testLog.loaderProgress(0);
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => {
      // The bar is the menu's: the later drawings load unseen, with a progress of their own.
      if (this.menuShown) return;
      bar.scaleX = Math.max(0.01, value);
      testLog.loaderProgress(value);
    });
    this.load.on(Phaser.Loader.Events.FILE_COMPLETE, (key: string) => {
      if (key === tex.logo) addArt(this, cx, cy - 120, tex.logo, 112);
      if (this.menuShown) return;
      done++;
      label.setText(t('boot.progress', { done, total }));
    });
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => label.setText(t('boot.failedAsset', { key: file.key })).setColor(CSS.red));
    removeSplashAfterNextFrame(this.game);
  }

  create(): void {
    performance.mark('cd:preload');
    // The drawings arrive in one chunk (see assets/artPack.ts); without it, file by file.
    void import('../assets/artPack.js')
      .then((pack) => pack.packedUrl, () => (entry: AssetEntry) => entry.url)
      .then((urlOf) => {
        const queue = (assets: AssetEntry[]) => {
          for (const a of assets) this.load.svg(a.key, urlOf(a), { width: a.width * RENDER_SCALE, height: a.height * RENDER_SCALE });
        };
        queue(MENU_ASSETS);
        this.load.once(Phaser.Loader.Events.COMPLETE, () => {
          this.menuShown = true;
          this.loaded();
          // The rest load in this scene, kept running but unseen (a sleeping scene's loader stops), then it ends.
          this.scene.setVisible(false);
          queue(LATER_ASSETS);
          this.load.once(Phaser.Loader.Events.COMPLETE, () => {
            performance.mark('cd:laterArt');
            markLaterArtLoaded();
            this.scene.stop();
          });
          this.load.start();
        });
        this.load.start();
      });
  }

  private loaded(): void {
    performance.mark('cd:loaded');
    // Only now: the overlay draws the offline icon when it is created, and that texture has just arrived.
    this.scene.launch(SCENES.ConnectionOverlay);
    this.scene.bringToTop(SCENES.ConnectionOverlay);
    // The test build's benchmark room replaces the menu (client/testing/testHooks.ts); never in production.
    if (startBenchInstead(this.game)) return;
    // A projector window opened from the trainer console (see Presenter.ts); the router waits for its drawings.
    if (new URLSearchParams(location.search).has('presenter')) return openScene(this.game, SCENES.Presenter);
    // Launched, not started: starting the menu would stop this scene and its loader with it.
    this.scene.launch(SCENES.Menu);
    this.scene.bringToTop(SCENES.ConnectionOverlay);
  }
}
