import Phaser from 'phaser';
import type { FloorPanel } from '../../shared/protocol/workPanel.js';
import type { WorkIntent } from '../net/DrillConnection.js';
import { getLocale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';
import { clockLabel } from '../view/clockLabel.js';
import { Button } from './Button.js';
import { WorkDesk } from './WorkDesk.js';
import { addText } from './text.js';
import { COLORS, CSS, DEPTH } from './theme.js';

const AREA = { x: 8, y: 106, width: 944, height: 168 };
const QUEUE_W = 420;
const PLACES_X = AREA.x + QUEUE_W + 10;
const PLACES_W = 270;
const METER_X = PLACES_X + PLACES_W + 10;
const METER_W = AREA.x + AREA.width - METER_X;
const CHIP = { width: 200, height: 28, gap: 6, columns: 2, rows: 4 };

/**
 * The branch floor for the posts that run it: the ticket queue (number and name, flagged when
 * agitated or filming), the places with who is served there until when, the crowd meter and the
 * published lines to read out. Choosing a customer and then a place sends them there.
 */
export class FloorDesk extends WorkDesk {
  private chosen: number | null = null;

  constructor(scene: Phaser.Scene, send: (intent: WorkIntent) => void) {
    super(scene, send);
    this.setDepth(DEPTH.ui - 2);
  }

  render(floor: FloorPanel, canAct: boolean): void {
    if (this.chosen !== null && !floor.queue.some((c) => c.number === this.chosen)) this.chosen = null;
    this.drawWhenChanged(() => this.render(floor, canAct), [floor, canAct, this.chosen], () => this.draw(floor, canAct));
  }

  private draw(floor: FloorPanel, canAct: boolean): void {
    const s = this.scene;
    const locale = getLocale();
    const add = <T extends Phaser.GameObjects.GameObject>(o: T): T => this.put(o);
    add(s.add.rectangle(AREA.x, AREA.y, AREA.width, AREA.height, COLORS.night).setOrigin(0).setRounded(10));

    // The ticket queue.
    const qx = AREA.x + 10;
    add(addText(s, qx, AREA.y + 8, t('branch.floorQueue', { n: floor.queue.length }), { size: 15, bold: true, color: CSS.paper }));
    const hint = this.chosen === null ? t('branch.pickCustomer') : t('branch.sendTo', { number: this.chosen });
    add(addText(s, qx + QUEUE_W - 20, AREA.y + 10, hint, { size: 12, color: this.chosen === null ? CSS.muted : CSS.gold }).setOrigin(1, 0));
    const shown = CHIP.columns * CHIP.rows;
    floor.queue.slice(0, shown).forEach((c, i) => {
      const tags = [c.disruptive ? t('branch.disruptive') : '', c.filming ? t('branch.filmingTag') : ''].filter(Boolean);
      const label = `${c.number}  ${c.name[locale]}${tags.length ? ` · ${tags.join(' · ')}` : ''}`;
      const bx = qx + (i % CHIP.columns) * (CHIP.width + CHIP.gap);
      const by = AREA.y + 34 + Math.floor(i / CHIP.columns) * (CHIP.height + CHIP.gap);
      const b = add(new Button(s, bx, by, label, `floor.customer.${c.number}`, () => this.choose(c.number), { width: CHIP.width, height: CHIP.height, size: 13, tone: tags.length ? 'danger' : 'choice', align: 'left' }));
      b.setSelected(this.chosen === c.number).setEnabled(canAct);
    });
    if (floor.queue.length > shown) add(addText(s, qx + QUEUE_W - 20, AREA.y + AREA.height - 20, `+${floor.queue.length - shown}`, { size: 13, bold: true, color: CSS.gold }).setOrigin(1, 0));

    // The places.
    floor.places.forEach((p, i) => {
      const y = AREA.y + 8 + i * 52;
      const full = p.serving.length >= p.capacity;
      const label = `${p.label[locale]} ${p.serving.length}/${p.capacity}`;
      const b = add(new Button(s, PLACES_X, y, label, `floor.place.${p.place}`, () => this.assign(p.place), { width: PLACES_W, height: 28, size: 13, tone: 'primary' }));
      b.setEnabled(canAct && this.chosen !== null && !full);
      const who = p.serving.length === 0 ? t('branch.free') : p.serving.map((v) => t('branch.until', { number: v.number, time: clockLabel(v.until) })).join('  ');
      add(addText(s, PLACES_X + 4, y + 31, who, { size: 12, color: CSS.muted, width: PLACES_W - 8, maxLines: 1 }));
    });

    // The crowd meter and the lines to read out.
    const mx = METER_X + 4;
    const mw = METER_W - 14;
    const m = floor.meter;
    const top = Math.max(m.threshold * 1.5, m.value, 1);
    add(addText(s, mx, AREA.y + 8, `${t('branch.meter')} ${m.value}/${m.threshold}${m.posted ? ` · ${t('branch.posted')}` : ''}`, { size: 13, bold: true, color: m.value >= m.threshold ? '#ff9b8f' : CSS.paper, width: mw, maxLines: 1 }));
    add(s.add.rectangle(mx, AREA.y + 34, mw, 10, 0x3b4a6b).setOrigin(0, 0.5).setRounded(5));
    const fill = Math.max(0.01, Math.min(1, m.value / top));
    add(s.add.rectangle(mx, AREA.y + 34, mw * fill, 10, m.value >= m.threshold ? COLORS.red : m.value >= m.threshold * 0.7 ? COLORS.gold : COLORS.green).setOrigin(0, 0.5).setRounded(5));
    add(s.add.rectangle(mx + (mw * m.threshold) / top, AREA.y + 34, 2, 16, COLORS.white));
    floor.lines.slice(0, 3).forEach((l, i) => {
      const y = AREA.y + 50 + i * 36;
      if (l.read) {
        add(addText(s, mx, y + 6, t('branch.lineRead', { title: l.title[locale] }), { size: 12, color: CSS.muted, width: mw, maxLines: 1 }));
        return;
      }
      const b = add(new Button(s, mx, y, t('branch.readLine', { title: l.title[locale] }), `floor.readLine.${l.statement}`, () => this.send({ type: 'readLine', statement: l.statement }), { width: mw, height: 30, size: 12, tone: 'primary' }));
      b.setEnabled(canAct);
    });
  }

  private choose(number: number): void {
    this.chosen = this.chosen === number ? null : number;
    this.refresh();
  }

  private assign(place: FloorPanel['places'][number]['place']): void {
    if (this.chosen === null) return;
    this.send({ type: 'assign', ticket: this.chosen, place });
    this.chosen = null;
    this.refresh();
  }
}
