import Phaser from 'phaser';
import { ANGRY_BELOW } from '../../shared/engine/mood.js';
import { tex } from '../assets/manifest.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import type { ReplayRoom } from '../view/replayView.js';
import { addArt } from './art.js';
import { roomIcon } from './roomIcon.js';
import { addText } from './text.js';
import { COLORS, CSS, MOOD_COLORS } from './theme.js';

const NPC_ROWS = 4;
const FACT_ROWS = 4;
const INCIDENT_ROWS = 2;
const ROW = 24;

/**
 * One room of the replay's overview: who waits there with their mood, the facts it knows (and
 * whether they were shared), and its latest incidents or feed posts. A fixed set of rows is
 * re-filled at every step, so playing at speed creates no new objects.
 */
export class ReplayRoomPanel extends Phaser.GameObjects.Container {
  private readonly title: Phaser.GameObjects.Text;
  private readonly waitingCount: Phaser.GameObjects.Text;
  private readonly npcRows: { face: Phaser.GameObjects.Image; name: Phaser.GameObjects.Text; pill: Phaser.GameObjects.Rectangle; mood: Phaser.GameObjects.Text }[] = [];
  private readonly more: Phaser.GameObjects.Text;
  private readonly factsTitle: Phaser.GameObjects.Text;
  private readonly factRows: Phaser.GameObjects.Text[] = [];
  private readonly incidentsTitle: Phaser.GameObjects.Text;
  private readonly incidentRows: Phaser.GameObjects.Text[] = [];

  constructor(scene: Phaser.Scene, x: number, y: number, width: number, height: number, room: ReplayRoom) {
    super(scene, x, y);
    const column = (width - 36) / 2;
    const right = 24 + column;
    this.add(scene.add.rectangle(0, 0, width, height, COLORS.paper, 0.97).setOrigin(0).setRounded(12));
    this.add(addArt(scene, 24, 22, roomIcon(room.type), 28));
    this.title = addText(scene, 46, 10, '', { size: 17, bold: true, width: width - 180, maxLines: 1 });
    this.waitingCount = addText(scene, width - 14, 12, '', { size: 14, bold: true, color: CSS.inkSoft }).setOrigin(1, 0);
    this.add([this.title, this.waitingCount, scene.add.rectangle(12, 42, width - 24, 1, 0xc9d2df).setOrigin(0)]);

    for (let i = 0; i < NPC_ROWS; i++) {
      const y0 = 52 + i * ROW;
      const face = scene.add.image(22, y0 + 9, tex.face('neutral')).setDisplaySize(18, 18);
      const name = addText(scene, 36, y0, '', { size: 14, width: column - 70, maxLines: 1 });
      // The mood on a pill in its band's colour: the number alone in light colours is hard to read.
      const pill = scene.add.rectangle(column - 6, y0 + 10, 34, 18, COLORS.grey).setRounded(9);
      const mood = addText(scene, column - 6, y0 + 10, '', { size: 12, bold: true }).setOrigin(0.5);
      this.add([face, name, pill, mood]);
      this.npcRows.push({ face, name, pill, mood });
    }
    this.more = addText(scene, 36, 52 + NPC_ROWS * ROW, '', { size: 12, color: CSS.inkSoft });
    this.factsTitle = addText(scene, right, 50, '', { size: 13, bold: true, color: CSS.teal });
    this.add([this.more, this.factsTitle, scene.add.rectangle(right - 8, 50, 1, NPC_ROWS * ROW + 8, 0xc9d2df).setOrigin(0)]);
    for (let i = 0; i < FACT_ROWS; i++) {
      const row = addText(scene, right, 72 + i * 22, '', { size: 13, width: column - 4, maxLines: 1 });
      this.add(row);
      this.factRows.push(row);
    }
    const bottom = height - 14 - INCIDENT_ROWS * 20 - 18;
    this.add(scene.add.rectangle(12, bottom - 6, width - 24, 1, 0xc9d2df).setOrigin(0));
    this.incidentsTitle = addText(scene, 14, bottom, '', { size: 12, bold: true, color: CSS.inkSoft });
    this.add(this.incidentsTitle);
    for (let i = 0; i < INCIDENT_ROWS; i++) {
      const row = addText(scene, 14, bottom + 18 + i * 20, '', { size: 13, width: width - 28, maxLines: 1 });
      this.add(row);
      this.incidentRows.push(row);
    }
    this.setSize(width, height);
    scene.add.existing(this);
    this.show(room);
  }

  show(room: ReplayRoom): void {
    const locale = getLocale();
    this.title.setText(room.name[locale]);
    this.waitingCount.setText(room.waiting.length ? t('replay.waiting', { count: room.waiting.length }) : t('replay.nobody'));
    this.waitingCount.setColor(room.waiting.some((n) => n.mood < ANGRY_BELOW) ? CSS.red : CSS.inkSoft);
    this.npcRows.forEach((row, i) => {
      const npc = room.waiting[i];
      row.face.setVisible(npc !== undefined);
      row.pill.setVisible(npc !== undefined);
      row.name.setText(npc ? npc.name[locale] : '');
      row.mood.setText(npc ? String(npc.mood) : '');
      if (npc) {
        row.face.setTexture(tex.face(npc.band));
        row.pill.setFillStyle(MOOD_COLORS[npc.band] ?? COLORS.grey);
      }
    });
    const hidden = room.waiting.length - NPC_ROWS;
    this.more.setText(hidden > 0 ? t('replay.more', { count: hidden }) : '');

    this.factsTitle.setText(t('replay.facts', { count: room.facts.length }));
    this.factRows.forEach((row, i) => {
      const fact = room.facts[i];
      row.setText(fact ? `• ${fact.text[locale]}${fact.shared ? t('replay.shared') : ''}` : i === 0 ? t('replay.noFacts') : '');
      row.setColor(fact ? (fact.shared ? CSS.teal : CSS.ink) : CSS.grey);
    });

    this.incidentsTitle.setText(room.type === 'newsroom' ? t('replay.feed') : t('replay.incidents'));
    this.incidentRows.forEach((row, i) => {
      const incident = room.incidents[i];
      row.setText(incident ? `${clockLabel(incident.at)}  ${incident.text[locale]}` : i === 0 ? t('replay.noIncidents') : '');
      row.setColor(incident ? CSS.ink : CSS.grey);
    });
  }
}
