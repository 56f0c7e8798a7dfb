import Phaser from 'phaser';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { registerClickable } from '../game/testHooks.js';
import { roomTypeName } from '../view/names.js';
import type { RoomView } from '../view/viewModel.js';
import { addArt } from './art.js';
import { roomIcon } from './roomIcon.js';
import { addText } from './text.js';
import { COLORS, CSS } from './theme.js';

/**
 * Every room at a glance (the minimap): how many wait and how many are angry. The trainer, who
 * receives every room, clicks a card to watch that room.
 */
export class RoomTabs extends Phaser.GameObjects.Container {
  private readonly cards = new Map<string, { box: Phaser.GameObjects.Rectangle; name: Phaser.GameObjects.Text; waiting: Phaser.GameObjects.Text; angry: Phaser.GameObjects.Text }>();
  private readonly title: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, x: number, y: number, rooms: RoomView[], clickable: boolean, onPick: (room: string) => void) {
    super(scene, x, y);
    this.title = addText(scene, 0, 0, t('hud.rooms'), { size: 14, bold: true, color: CSS.muted });
    this.add(this.title);
    rooms.slice(0, 4).forEach((room, i) => {
      const cx = (i % 2) * 154;
      const cy = 22 + Math.floor(i / 2) * 64;
      const box = scene.add.rectangle(cx, cy, 148, 58, COLORS.ink, 0.94).setOrigin(0).setRounded(10);
      const name = addText(scene, cx + 38, cy + 3, '', { size: 13, bold: true, color: CSS.paper, width: 106, maxLines: 1 });
      const waiting = addText(scene, cx + 38, cy + 22, '', { size: 12, color: CSS.muted });
      const angry = addText(scene, cx + 38, cy + 38, '', { size: 12, color: CSS.muted });
      this.add([box, addArt(scene, cx + 19, cy + 29, roomIcon(room.type), 26), name, waiting, angry]);
      this.cards.set(room.id, { box, name, waiting, angry });
      if (clickable) {
        box.setInteractive({ useHandCursor: true }).on('pointerup', () => onPick(room.id));
        const off = registerClickable({ testId: () => `tab.${room.id}`, object: box, label: () => name.text, enabled: () => true });
        box.once(Phaser.GameObjects.Events.DESTROY, off);
      }
    });
    scene.add.existing(this);
    this.render(rooms);
  }

  render(rooms: RoomView[]): void {
    const locale = getLocale();
    this.title.setText(t('hud.rooms'));
    for (const room of rooms) {
      const card = this.cards.get(room.id);
      if (!card) continue;
      // The short name of the room type fits the card; the full name is in the top bar.
      card.name.setText(roomTypeName(room.type)[locale]);
      card.waiting.setText(t('hud.waiting', { count: room.waiting })).setColor(room.waiting > 0 ? CSS.paper : CSS.muted);
      card.angry.setText(t('hud.angry', { count: room.angry })).setColor(room.angry > 0 ? '#ff9b8f' : CSS.muted);
      card.box.setStrokeStyle(room.viewing ? 3 : 1, room.viewing ? COLORS.gold : room.angry > 2 ? COLORS.red : 0x4a5f8f);
    }
  }
}
