import Phaser from 'phaser';
import { t } from '../i18n/t.js';
import type { ConsoleRoom } from '../view/consoleModel.js';
import { addArt } from './art.js';
import { Button } from './Button.js';
import { roomIcon } from './roomIcon.js';
import { addText, fitLine } from './text.js';

/** Room name and holders run from the icon to the look-closer button. */
const HEADER_WIDTH = 244;
/** What the holders keep at least when the room's name is long. */
const HOLDERS_MIN = 64;
import { COLORS, CSS, MOOD_COLORS } from './theme.js';
import { RedrawGate } from './RedrawGate.js';

export const ROOM_CARD = { width: 398, height: 192 } as const;

/**
 * One room on the trainer console: who holds it, the queue and how many are angry, the people
 * waiting with their mood, the newsroom's heat, and the latest incidents there. Redrawn only when
 * something it shows has changed (the clock ticks ten times a second; this does not).
 */
export class ConsoleRoomCard extends Phaser.GameObjects.Container {
  private readonly drawn = new RedrawGate();

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly onLook: (post: string) => void,
  ) {
    super(scene, x, y);
    scene.add.existing(this);
  }

  render(room: ConsoleRoom, locale: string): void {
    // The console model keeps a room's object while nothing in it changed (TrainerConsole.model).
    if (!this.drawn.changed([room, locale])) return;
    this.removeAll(true);
    const s = this.scene;
    const { width, height } = ROOM_CARD;
    const alarm = room.angry > 2;
    this.add(s.add.rectangle(0, 0, width, height, COLORS.paper, 0.97).setOrigin(0).setRounded(12).setStrokeStyle(alarm ? 3 : 1, alarm ? COLORS.red : 0xc9c0ae));
    this.add(s.add.rectangle(0, 0, width, 40, COLORS.ink).setOrigin(0).setRounded(12));
    this.add(s.add.rectangle(0, 28, width, 12, COLORS.ink).setOrigin(0));
    this.add(addArt(s, 22, 20, roomIcon(room.type), 28));
    // The room's name and who holds its posts share the header up to the button.
    const name = addText(s, 42, 9, room.name, { size: 17, bold: true, color: CSS.paper });
    fitLine(name, HEADER_WIDTH - HOLDERS_MIN, 17);
    this.add(name);
    const holders = addText(s, 50 + name.width, 12, room.holders, { size: 13, color: CSS.muted });
    fitLine(holders, HEADER_WIDTH - 8 - name.width, 13);
    this.add(holders);
    if (room.lookPost) {
      const post = room.lookPost;
      this.add(new Button(s, width - 104, 5, t('console.look'), `console.look.${room.id}`, () => this.onLook(post), { width: 96, height: 30, tone: 'ghost', size: 13 }));
    }

    // The queue and, for a newsroom, how hot the feed runs.
    this.add(addText(s, 14, 50, t('console.queue', { count: room.waiting }), { size: 15, bold: true, color: room.waiting > 0 ? CSS.ink : CSS.inkSoft }));
    this.add(addText(s, 110, 50, t('console.angry', { count: room.angry }), { size: 15, bold: room.angry > 0, color: room.angry > 0 ? CSS.red : CSS.inkSoft }));
    if (room.feed) {
      this.add(addText(s, 206, 51, t('console.heat', { heat: room.feed.heat, count: room.feed.published }), { size: 13, color: CSS.inkSoft, maxLines: 1 }));
      this.add(s.add.rectangle(206, 72, 180, 6, 0xd8cfc2).setOrigin(0).setRounded(3));
      this.add(s.add.rectangle(206, 72, Math.max(2, (180 * room.feed.heat) / 100), 6, COLORS.red).setOrigin(0).setRounded(3));
    }

    // Left: who waits, with a mood dot. Right: the latest incidents.
    const top = 84;
    if (room.npcs.length === 0) this.add(addText(s, 14, top, t('console.nobody'), { size: 14, color: CSS.inkSoft }));
    room.npcs.forEach((npc, i) => {
      const y = top + i * 22;
      this.add(s.add.circle(22, y + 9, 6, MOOD_COLORS[npc.band] ?? COLORS.grey));
      this.add(addText(s, 34, y, `${npc.name} · ${t(`mood.${npc.band}`)}`, { size: 14, color: CSS.ink, width: 166, maxLines: 1 }));
    });
    if (room.moreNpcs > 0) this.add(addText(s, 34, top + room.npcs.length * 22, t('console.more', { count: room.moreNpcs }), { size: 13, color: CSS.inkSoft }));
    this.add(s.add.rectangle(204, top, 1, height - top - 10, 0xd8cfc2).setOrigin(0));
    if (room.incidents.length === 0) this.add(addText(s, 214, top, t('console.noIncidents'), { size: 14, color: CSS.inkSoft }));
    let y = top;
    for (const incident of room.incidents) {
      const line = addText(s, 214, y, `${incident.at} ${incident.text}`, { size: 13, color: incident.bad ? '#8a2323' : CSS.ink, width: 174, maxLines: 2 });
      this.add(line);
      y += line.height + 6;
    }
  }
}
