import Phaser from 'phaser';
import { tex } from '../../assets/manifest.js';
import { getLocale } from '../../i18n/locale.js';
import { t } from '../../i18n/t.js';
import { registerClickable } from '../../game/testHooks.js';
import type { DrillView, NpcView } from '../../view/viewModel.js';
import { addArt } from '../../widgets/art.js';
import { HotlineDesk } from '../../widgets/HotlineDesk.js';
import { addText } from '../../widgets/text.js';
import { COLORS, CSS, MOOD_COLORS } from '../../widgets/theme.js';
import { SCENES } from '../sceneKeys.js';
import { RoomScene, STAGE } from './RoomScene.js';

const BOARD = { x: 24, y: STAGE.y + 58, width: 576, row: 44 };
const ROWS = 6;

interface Row {
  box: Phaser.GameObjects.Rectangle;
  parts: Phaser.GameObjects.Container;
  face: Phaser.GameObjects.Image;
  name: Phaser.GameObjects.Text;
  wait: Phaser.GameObjects.Text;
  bar: Phaser.GameObjects.Rectangle;
  action: Phaser.GameObjects.Text;
  npc: NpcView | null;
}

/**
 * The phone queue: a call board of waiting callers with their wait ticking and a mood face;
 * pick one up to talk. A caller who hangs up flashes red on the board before the line clears.
 */
export class PhoneQueue extends RoomScene {
  protected readonly roomType = 'phone';
  private rows: Row[] = [];
  private header!: Phaser.GameObjects.Text;
  private more!: Phaser.GameObjects.Text;
  private ringer!: Phaser.GameObjects.Image;
  private ringing: Phaser.Tweens.Tween | null = null;
  /** The queue, wrap-up and tickets, in scenarios whose hotline queues its calls. */
  private desk: HotlineDesk | null = null;

  constructor() {
    super(SCENES.PhoneQueue);
  }

  protected createStage(): void {
    this.header = addText(this, 40, STAGE.y + 20, '', { size: 18, bold: true, color: CSS.paper });
    this.more = addText(this, BOARD.x + BOARD.width - 40, STAGE.y + 22, '', { size: 15, bold: true, color: CSS.gold }).setOrigin(1, 0);
    this.ringer = addArt(this, 880, STAGE.y + 178, tex.icon('phone'), 54);
    this.rows = [];
    for (let i = 0; i < ROWS; i++) this.rows.push(this.makeRow(i));
    this.desk = null;
  }

  private makeRow(i: number): Row {
    const y = BOARD.y + i * BOARD.row;
    const box = this.add.rectangle(BOARD.x, y, BOARD.width, BOARD.row - 6, 0x2a3a5c).setOrigin(0).setRounded(8);
    const line = addText(this, 12, 9, t('phone.line', { n: i + 1 }), { size: 13, color: CSS.muted });
    const face = this.add.image(86, 19, tex.face('neutral')).setDisplaySize(30, 30);
    const name = addText(this, 110, 8, '', { size: 16, bold: true, color: CSS.paper, width: 220, maxLines: 1 });
    const wait = addText(this, 336, 8, '', { size: 16, color: CSS.gold });
    const barBg = this.add.rectangle(396, 19, 80, 8, 0x3b4a6b).setOrigin(0, 0.5).setRounded(4);
    const bar = this.add.rectangle(396, 19, 80, 8, COLORS.green).setOrigin(0, 0.5).setRounded(4);
    const action = addText(this, BOARD.width - 12, 9, '', { size: 14, bold: true, color: CSS.white }).setOrigin(1, 0);
    const parts = this.add.container(BOARD.x, y, [line, face, name, wait, barBg, bar, action]);
    const row: Row = { box, parts, face, name, wait, bar, action, npc: null };
    box.setInteractive({ useHandCursor: true }).on('pointerup', () => row.npc && this.select(row.npc.id));
    const off = registerClickable({ testId: () => (row.npc ? `npc.${row.npc.id}` : `phone.row.${i}`), object: box, label: () => row.name.text, enabled: () => row.npc !== null });
    box.once(Phaser.GameObjects.Events.DESTROY, off);
    return row;
  }

  protected renderStage(view: DrillView): void {
    const phone = view.panel?.work?.phone;
    if (phone) {
      this.desk ??= new HotlineDesk(this, (intent) => this.drill.work(intent));
      this.desk.render(phone, view.clock, view.me.canAct);
      for (const o of [this.header, this.more, this.ringer]) o.setVisible(false);
      for (const row of this.rows) row.box.setVisible(false), row.parts.setVisible(false);
      return;
    }
    this.desk?.setVisible(false);
    for (const o of [this.header, this.more, this.ringer]) o.setVisible(true);
    for (const row of this.rows) row.box.setVisible(true);
    const npcs = view.panel?.npcs ?? [];
    const locale = getLocale();
    this.header.setText(`${t('phone.board')} · ${npcs.length}`);
    this.more.setText(npcs.length > ROWS ? `+${npcs.length - ROWS}` : npcs.length === 0 ? t('phone.empty') : '');
    this.rows.forEach((row, i) => {
      const npc = npcs[i] ?? null;
      if (row.box.getData('hungUp')) return;
      row.npc = npc;
      row.parts.setVisible(npc !== null);
      row.box.setFillStyle(npc ? (npc.id === this.selected ? 0x0e7c7b : 0x2a3a5c) : 0x1f2d4a);
      // No argument turns the outline off (a width of 0 still draws a hairline on Canvas).
      if (npc && npc.id === this.selected) row.box.setStrokeStyle(3, COLORS.gold);
      else row.box.setStrokeStyle();
      if (!npc) return;
      row.face.setTexture(tex.face(npc.band));
      row.name.setText(npc.name[locale]);
      row.wait.setText(npc.waitLabel).setColor(npc.patience < 0.25 ? '#ff8a7a' : CSS.gold);
      row.bar.scaleX = Math.max(0.01, npc.patience);
      row.bar.setFillStyle(MOOD_COLORS[npc.band] ?? COLORS.green);
      row.action.setText(npc.id === this.selected ? t('phone.onCall') : t('phone.pickUp'));
    });
    this.ring(npcs.length > 0);
  }

  private ring(on: boolean): void {
    if (on && !this.ringing) this.ringing = this.tweens.add({ targets: this.ringer, angle: { from: -14, to: 14 }, duration: 90, yoyo: true, repeat: -1, repeatDelay: 700 });
    if (!on && this.ringing) {
      this.ringing.remove();
      this.ringing = null;
      this.ringer.setAngle(0);
    }
  }

  protected anchorOf(npc: string): { x: number; y: number } | null {
    const index = this.rows.findIndex((r) => r.npc?.id === npc);
    return index < 0 ? null : { x: BOARD.x + 300, y: BOARD.y + index * BOARD.row };
  }

  protected override onNpcLeft(npc: string, satisfied: boolean): void {
    const row = this.rows.find((r) => r.npc?.id === npc);
    if (!row || satisfied) return;
    row.box.setData('hungUp', true).setFillStyle(COLORS.red);
    row.action.setText(t('phone.hungUp'));
    this.tweens.add({
      targets: row.box,
      alpha: 0.4,
      duration: 250,
      yoyo: true,
      repeat: 2,
      onComplete: () => {
        row.box.setData('hungUp', false).setAlpha(1);
        if (this.drill.view) this.renderStage(this.drill.view);
      },
    });
  }
}
