import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import type { StringKey } from '../i18n/t.js';
import { t } from '../i18n/t.js';
import type { CloseReason, ConnectionStatus } from '../net/DrillConnection.js';
import type { DrillSource } from '../drill/DrillSource.js';
import { onDrillChange } from '../drill/session.js';
import { testLog } from '../game/testHooks.js';
import { addArt } from '../widgets/art.js';
import { Button } from '../widgets/Button.js';
import { addText } from '../widgets/text.js';
import { COLORS, CSS } from '../widgets/theme.js';
import { fitCamera } from './fitCamera.js';
import { SCENES } from './sceneKeys.js';
import { backToMenu } from './sceneRouter.js';

const CLOSE_MESSAGES: Record<CloseReason, StringKey | null> = {
  left: null,
  seatLost: 'error.seatLost',
  failed: 'error.failed',
  flood: 'error.flood',
  replaced: 'error.replaced',
  lost: 'error.network',
};

/**
 * Sits above every scene: a red banner while the connection is down and the client retries, a
 * green one when the seat is back, and a message with a way out when the drill is gone for good.
 */
export class ConnectionOverlay extends Phaser.Scene {
  private banner!: Phaser.GameObjects.Container;
  private bannerText!: Phaser.GameObjects.Text;
  private bannerBox!: Phaser.GameObjects.Rectangle;
  private fatal: Phaser.GameObjects.Container | null = null;
  private offDrill: (() => void)[] = [];

  constructor() {
    super({ key: SCENES.ConnectionOverlay, active: false });
  }

  create(): void {
    fitCamera(this);
    this.bannerBox = this.add.rectangle(0, 0, 620, 44, COLORS.red).setOrigin(0).setRounded(10);
    this.bannerText = addText(this, 56, 22, '', { size: 17, bold: true, color: CSS.white }).setOrigin(0, 0.5);
    this.banner = this.add.container(330, 60, [this.bannerBox, addArt(this, 28, 22, tex.icon('offline'), 30), this.bannerText]).setVisible(false);
    const offChange = onDrillChange((drill) => this.follow(drill));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      offChange();
      this.offDrill.forEach((off) => off());
    });
  }

  private follow(drill: DrillSource | null): void {
    this.offDrill.forEach((off) => off());
    this.offDrill = [];
    this.banner.setVisible(false);
    this.fatal?.destroy();
    this.fatal = null;
    if (!drill) return;
    this.offDrill = [drill.on('status', (s) => this.onStatus(s)), drill.on('closed', (r) => this.onClosed(r)), drill.on('freed', () => this.onFreed())];
  }

  /** The trainer moved this player off its post: say so for a while, over whatever scene follows. */
  private onFreed(): void {
    testLog.notice(t('seat.freed'));
    this.tweens.killTweensOf(this.banner);
    this.bannerBox.setFillStyle(COLORS.orange);
    this.bannerText.setText(t('seat.freed'));
    this.banner.setVisible(true).setAlpha(1);
    this.tweens.add({ targets: this.banner, alpha: 0, delay: 6000, duration: 500, onComplete: () => this.banner.setVisible(false) });
  }

  private onStatus(status: ConnectionStatus): void {
    if (status === 'reconnecting' || status === 'restarting') {
      const key = status === 'restarting' ? 'conn.restarting' : 'conn.lost';
      testLog.notice(t(key));
      this.tweens.killTweensOf(this.banner);
      this.bannerBox.setFillStyle(status === 'restarting' ? COLORS.orange : COLORS.red);
      this.bannerText.setText(t(key));
      this.banner.setVisible(true).setAlpha(1);
      this.tweens.add({ targets: this.banner, alpha: 0.75, duration: 500, yoyo: true, repeat: -1 });
    } else if (status === 'connected') {
      this.tweens.killTweensOf(this.banner);
      testLog.notice(t('conn.back'));
      this.bannerBox.setFillStyle(COLORS.green);
      this.bannerText.setText(t('conn.back'));
      this.banner.setAlpha(1);
      this.tweens.add({ targets: this.banner, alpha: 0, delay: 1800, duration: 500, onComplete: () => this.banner.setVisible(false) });
    }
  }

  private onClosed(reason: CloseReason): void {
    this.tweens.killTweensOf(this.banner);
    this.banner.setVisible(false);
    const message = CLOSE_MESSAGES[reason];
    if (!message) return;
    testLog.notice(t(message));
    const box = this.add.rectangle(0, 0, 640, 200, COLORS.paper).setOrigin(0).setRounded(16).setStrokeStyle(3, COLORS.red);
    const text = addText(this, 320, 70, t(message), { size: 20, bold: true, width: 560, align: 'center' }).setOrigin(0.5);
    const button = new Button(this, 200, 126, t('conn.toMenu'), 'conn.toMenu', () => backToMenu(this.game, message), { width: 240 });
    const shade = this.add.rectangle(-320, -260, 1280, 720, COLORS.night, 0.6).setOrigin(0).setInteractive();
    this.fatal = this.add.container(320, 260, [shade, box, text, button]);
  }
}
