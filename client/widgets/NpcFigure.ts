import Phaser from 'phaser';
import { filmsTheRoom } from '../../shared/engine/filming.js';
import { tex } from '../assets/manifest.js';
import { getLocale } from '../i18n/locale.js';
import { registerClickable } from '../game/testHooks.js';
import type { NpcView } from '../view/viewModel.js';
import { addText } from './text.js';
import { COLORS, CSS, MOOD_COLORS } from './theme.js';

/** How much a figure fidgets in each mood band: sway in degrees and the period of one sway. */
const FIDGET: Record<string, { angle: number; period: number; hop: number }> = {
  calm: { angle: 0, period: 0, hop: 0 },
  neutral: { angle: 1.5, period: 2400, hop: 0 },
  upset: { angle: 3, period: 1400, hop: 0 },
  angry: { angle: 5, period: 700, hop: 3 },
  furious: { angle: 7, period: 380, hop: 6 },
};

/** A skin tint that warms towards red as patience runs out. */
const TINT: Record<string, number> = { calm: 0xffffff, neutral: 0xffffff, upset: 0xfff0e0, angry: 0xffd8c8, furious: 0xffb8a8 };

/**
 * One waiting person as a figure standing on the floor: body by kind, face by mood, a patience bar
 * at the feet. It fidgets harder as the mood drops, walks in, and walks out when it leaves.
 * The container's origin is between the feet.
 */
export class NpcFigure extends Phaser.GameObjects.Container {
  private readonly bodyImage: Phaser.GameObjects.Image;
  private readonly face: Phaser.GameObjects.Image;
  private readonly ring: Phaser.GameObjects.Ellipse;
  private readonly patienceFill: Phaser.GameObjects.Rectangle;
  private readonly nameTag: Phaser.GameObjects.Text;
  private readonly hit: Phaser.GameObjects.Rectangle;
  private readonly badge: Phaser.GameObjects.Image | null;
  /** Body, face and badge together, turning about the feet when the figure fidgets. */
  private readonly figure: Phaser.GameObjects.Container;
  private fidget: Phaser.Tweens.Tween | null = null;
  private band = '';
  private leaving = false;
  private readonly unregister: () => void;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private npc: NpcView,
    readonly figureScale: number,
    onSelect: (id: string) => void,
  ) {
    super(scene, x, y);
    const w = 120 * figureScale;
    const h = 200 * figureScale;
    this.ring = scene.add.ellipse(0, -4 * figureScale, w * 0.9, 22 * figureScale, COLORS.gold, 0).setStrokeStyle(3, COLORS.gold, 0);
    this.bodyImage = scene.add.image(0, 0, tex.npc(npc.kind)).setOrigin(0.5, 0.96).setDisplaySize(w, h);
    // The head of every figure is centred at (60, 40) of its 120×200 drawing, 48 across.
    this.face = scene.add.image(0, -h * 0.96 + 40 * figureScale, tex.face(npc.band)).setDisplaySize(48 * figureScale, 48 * figureScale);
    const barW = 70 * figureScale;
    const barBg = scene.add.rectangle(-barW / 2, 8, barW, 6, 0x3b4a6b).setOrigin(0, 0.5).setRounded(3);
    this.patienceFill = scene.add.rectangle(-barW / 2, 8, barW, 6, COLORS.green).setOrigin(0, 0.5).setRounded(3);
    this.nameTag = addText(scene, 0, -h - 6, '', { size: 13, bold: true, color: CSS.ink, align: 'center' }).setOrigin(0.5, 1);
    this.nameTag.setBackgroundColor('#f7f3eaee').setPadding(6, 2, 6, 2).setVisible(false);
    this.badge = filmsTheRoom(npc) ? scene.add.image(w * 0.42, -h * 0.82, tex.icon('camera')).setDisplaySize(26, 26) : null;
    this.hit = scene.add.rectangle(0, -h / 2, w, h + 16, 0xffffff, 0.001);
    this.figure = scene.add.container(0, 0, [this.bodyImage, this.face]);
    if (this.badge) this.figure.add(this.badge);
    this.add([this.ring, this.figure, barBg, this.patienceFill, this.nameTag, this.hit]);
    this.setSize(w, h);
    this.hit.setInteractive({ useHandCursor: true });
    this.hit.on('pointerup', () => !this.leaving && onSelect(this.npc.id));
    this.hit.on('pointerover', () => this.nameTag.setVisible(true));
    this.hit.on('pointerout', () => this.nameTag.setVisible(false));
    this.unregister = registerClickable({ testId: () => `npc.${this.npc.id}`, object: this.hit, label: () => this.npc.name[getLocale()], enabled: () => !this.leaving && this.visible });
    this.once(Phaser.GameObjects.Events.DESTROY, () => {
      this.unregister();
      this.fidget?.remove();
    });
    scene.add.existing(this);
    this.show(npc, false);
  }

  get lastMood(): number {
    return this.npc.mood;
  }

  get npcId(): string {
    return this.npc.id;
  }

  /** Where a floating score label about this person should start. */
  get headTop(): { x: number; y: number } {
    return { x: this.x, y: this.y - 200 * this.figureScale - 10 };
  }

  show(npc: NpcView, selected: boolean): void {
    this.npc = npc;
    this.nameTag.setText(npc.name[getLocale()]);
    if (npc.band !== this.band) {
      this.band = npc.band;
      this.face.setTexture(tex.face(npc.band));
      this.bodyImage.setTint(TINT[npc.band] ?? 0xffffff);
      this.startFidget();
    }
    this.patienceFill.scaleX = Math.max(0.01, npc.patience);
    this.patienceFill.setFillStyle(npc.patience < 0.25 ? COLORS.red : npc.patience < 0.5 ? COLORS.gold : COLORS.green);
    this.ring.setStrokeStyle(3, COLORS.gold, selected ? 1 : 0).setFillStyle(MOOD_COLORS[npc.band] ?? COLORS.grey, selected ? 0.35 : 0.15);
  }

  walkIn(fromX: number): void {
    const to = this.x;
    this.x = fromX;
    this.setAlpha(0);
    this.scene.tweens.add({ targets: this, x: to, alpha: 1, duration: 900, ease: 'Sine.easeOut' });
    this.scene.tweens.add({ targets: this.figure, y: -4, duration: 150, yoyo: true, repeat: 2 });
  }

  stepTo(x: number, y: number): void {
    if (this.leaving || (Math.abs(this.x - x) < 1 && Math.abs(this.y - y) < 1)) return;
    this.scene.tweens.add({ targets: this, x, y, duration: 500, ease: 'Sine.easeInOut' });
  }

  /** Leaves towards `toX`: content people stroll, angry ones storm off. Destroys itself after. */
  walkOut(toX: number, satisfied: boolean): void {
    if (this.leaving) return;
    this.leaving = true;
    this.fidget?.remove();
    if (!satisfied) this.face.setTexture(tex.face('furious'));
    else this.face.setTexture(tex.face('calm'));
    this.figure.setScale(toX < this.x ? -1 : 1, 1);
    this.scene.tweens.add({
      targets: this,
      x: toX,
      alpha: 0,
      duration: satisfied ? 1400 : 800,
      ease: 'Sine.easeIn',
      onComplete: () => this.destroy(),
    });
  }

  private startFidget(): void {
    this.fidget?.remove();
    this.figure.setAngle(0).setY(0);
    const f = FIDGET[this.band] ?? FIDGET.neutral!;
    if (f.angle === 0) return;
    this.fidget = this.scene.tweens.add({
      targets: this.figure,
      angle: { from: -f.angle, to: f.angle },
      y: { from: 0, to: -f.hop },
      duration: f.period,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
      delay: Math.random() * 300,
    });
  }
}
