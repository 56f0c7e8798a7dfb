import Phaser from 'phaser';
import { tex } from '../assets/manifest.js';
import { getLocale } from '../i18n/locale.js';
import { registerClickable } from '../game/testHooks.js';
import type { NpcView } from '../view/viewModel.js';
import { addText } from './text.js';
import { COLORS, CSS, MOOD_COLORS } from './theme.js';

/**
 * A waiting person as a compact card (reporters on the line, staff at the incident board): face,
 * name, wait and patience. Click to talk. Shakes when the mood turns angry.
 */
export class WaitingCard extends Phaser.GameObjects.Container {
  private readonly box: Phaser.GameObjects.Rectangle;
  private readonly face: Phaser.GameObjects.Image;
  private readonly icon: Phaser.GameObjects.Image;
  private readonly nameText: Phaser.GameObjects.Text;
  private readonly wait: Phaser.GameObjects.Text;
  private readonly bar: Phaser.GameObjects.Rectangle;
  private band = '';

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    readonly cardWidth: number,
    private npc: NpcView,
    onSelect: (id: string) => void,
  ) {
    super(scene, x, y);
    this.box = scene.add.rectangle(0, 0, cardWidth, 56, COLORS.paper, 0.96).setOrigin(0).setRounded(10);
    this.icon = scene.add.image(26, 28, tex.npc(npc.kind)).setDisplaySize(30, 50);
    this.face = scene.add.image(26, 14, tex.face(npc.band)).setDisplaySize(15, 15);
    this.nameText = addText(scene, 52, 6, '', { size: 15, bold: true, width: cardWidth - 120, maxLines: 1 });
    this.wait = addText(scene, cardWidth - 10, 6, '', { size: 14, bold: true, color: CSS.inkSoft }).setOrigin(1, 0);
    const barBg = scene.add.rectangle(52, 40, cardWidth - 64, 7, 0xd8dee8).setOrigin(0, 0.5).setRounded(3);
    this.bar = scene.add.rectangle(52, 40, cardWidth - 64, 7, COLORS.green).setOrigin(0, 0.5).setRounded(3);
    this.add([this.box, this.icon, this.face, this.nameText, this.wait, barBg, this.bar]);
    this.setSize(cardWidth, 56);
    this.box.setInteractive({ useHandCursor: true }).on('pointerup', () => onSelect(this.npc.id));
    const off = registerClickable({ testId: () => `npc.${this.npc.id}`, object: this.box, label: () => this.nameText.text, enabled: () => this.visible });
    this.once(Phaser.GameObjects.Events.DESTROY, off);
    scene.add.existing(this);
    this.setAlpha(0);
    scene.tweens.add({ targets: this, alpha: 1, x: { from: x + 30, to: x }, duration: 350 });
  }

  get npcId(): string {
    return this.npc.id;
  }

  show(npc: NpcView, selected: boolean): void {
    this.npc = npc;
    this.nameText.setText(npc.name[getLocale()]);
    this.wait.setText(npc.waitLabel).setColor(npc.patience < 0.25 ? CSS.red : CSS.inkSoft);
    this.bar.scaleX = Math.max(0.01, npc.patience);
    this.bar.setFillStyle(MOOD_COLORS[npc.band] ?? COLORS.green);
    this.box.setStrokeStyle(selected ? 3 : 1, selected ? COLORS.gold : 0x9fb4c8);
    if (npc.band !== this.band) {
      const worse = this.band !== '' && (npc.band === 'angry' || npc.band === 'furious');
      this.band = npc.band;
      this.face.setTexture(tex.face(npc.band));
      if (worse) this.scene.tweens.add({ targets: this, x: this.x + 4, duration: 50, yoyo: true, repeat: 3 });
    }
  }

  leave(): void {
    this.scene.tweens.add({ targets: this, alpha: 0, x: this.x + 40, duration: 400, onComplete: () => this.destroy() });
  }
}
